import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { SearchBar } from '@nutui/nutui-react-taro';
import { call } from '../../../api';
import { useRemote } from '../../../hooks/useRemote';

export interface PickedProduct {
  productId: string;
  title: string;
}

/** Products on sale, searched by keyword; a tap picks one (a section's products, a banner's link). */
export function HomeSectionProductPicker({ id, onPick }: { id: string; onPick: (p: PickedProduct) => void }) {
  const [keyword, setKeyword] = useState('');
  const list = useRemote(() => call('manager.listProducts', keyword ? { keyword } : {}), [keyword]);
  const items = (list.data?.items ?? []).filter((p) => p.status === 'on_sale').slice(0, 8);
  return (
    <View className="m-picker" id={id}>
      <SearchBar shape="round" placeholder="搜索商品" onSearch={(k) => setKeyword(k.trim())} />
      {items.length === 0 ? (
        <Text className="m-item__text">{list.loading ? '加载中…' : '没有在售的商品'}</Text>
      ) : (
        items.map((p) => (
          <View
            key={p.productId}
            className="m-picker__row"
            id={`${id}-${p.productId}`}
            onClick={() => onPick({ productId: p.productId, title: p.title })}
          >
            <Text className="m-picker__title">{p.title}</Text>
            <Text className="m-picker__add">选择</Text>
          </View>
        ))
      )}
    </View>
  );
}
