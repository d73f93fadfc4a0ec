import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { SearchBar } from '@nutui/nutui-react-taro';
import { ProductFeed } from '../../components/ProductFeed';
import { safeDecode } from '../../utils/query';
import './list.scss';

/** Products of one category or matching a keyword. */
export default function ListPage() {
  const { categoryId, keyword, title } = useRouter().params;
  const decodedKeyword = safeDecode(keyword);

  useEffect(() => {
    if (title) void Taro.setNavigationBarTitle({ title: safeDecode(title) ?? '' });
  }, [title]);

  const search = (k: string) => {
    const next = k.trim();
    if (next) void Taro.redirectTo({ url: `/packages/goods/list?keyword=${encodeURIComponent(next)}` });
  };

  return (
    <View className="page list-page" id="page-list">
      <View className="list-page__search">
        <SearchBar shape="round" placeholder="搜索商品" defaultValue={decodedKeyword ?? ''} onSearch={search} />
      </View>
      <View className="list-page__feed">
        <ProductFeed categoryId={categoryId} keyword={decodedKeyword} id="list-feed" />
      </View>
    </View>
  );
}
