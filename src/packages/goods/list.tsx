import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { SearchBar } from '@nutui/nutui-react-taro';
import type { ProductSort } from '../../hooks/useProductPages';
import { ProductFeed } from '../../components/ProductFeed';
import { useRouteParams } from '../../hooks/useRouteParams';
import { useSearchHistory } from '../../stores/search-history';
import { safeDecode } from '../../utils/query';
import { SearchPanel } from './components/SearchPanel';
import './list.scss';

const TABS = [
  { key: 'default', title: '综合' },
  { key: 'sales', title: '销量' },
  { key: 'price', title: '价格' },
  { key: 'new', title: '新品' },
] as const;

/** Products of one category or matching a keyword, in the order the shopper picks; the search page without either. */
export default function ListPage() {
  const { categoryId, keyword, title } = useRouteParams();
  const decodedKeyword = safeDecode(keyword);
  const remember = useSearchHistory((s) => s.remember);
  const [sort, setSort] = useState<ProductSort>('default');

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: title ? (safeDecode(title) ?? '') : '搜索' });
  }, [title]);

  const search = (k: string) => {
    const next = k.trim();
    if (!next) return;
    remember(next);
    void Taro.redirectTo({ url: `/packages/goods/list?keyword=${encodeURIComponent(next)}` });
  };
  // 价格 toggles between cheapest first and dearest first.
  const pick = (key: (typeof TABS)[number]['key']) =>
    setSort(key === 'price' ? (sort === 'price_asc' ? 'price_desc' : 'price_asc') : key);

  return (
    <View className="page list-page" id="page-list">
      <View className="list-page__search">
        <SearchBar
          key={decodedKeyword ?? ''}
          shape="round"
          placeholder="搜索商品"
          defaultValue={decodedKeyword ?? ''}
          onSearch={search}
        />
      </View>
      {!categoryId && !decodedKeyword && <SearchPanel onSearch={search} />}
      <View className="list-sort" id="list-sort">
        {TABS.map((t) => {
          const active = t.key === 'price' ? sort.startsWith('price') : sort === t.key;
          return (
            <View
              key={t.key}
              id={`sort-${t.key}`}
              className={`list-sort__tab ${active ? 'is-active' : ''}`}
              onClick={() => pick(t.key)}
            >
              <Text>{t.title}</Text>
              {t.key === 'price' && (
                <Text className="list-sort__arrow">
                  {sort === 'price_asc' ? '↑' : sort === 'price_desc' ? '↓' : '↕'}
                </Text>
              )}
            </View>
          );
        })}
      </View>
      <View className="list-page__feed">
        <ProductFeed categoryId={categoryId} keyword={decodedKeyword} sort={sort} id="list-feed" />
      </View>
    </View>
  );
}
