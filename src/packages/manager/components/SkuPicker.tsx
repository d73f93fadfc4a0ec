import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { SearchBar } from '@nutui/nutui-react-taro';
import { call } from '../../../api';
import type { ManagerSkuView } from '../../../../cloudfunctions/core/contract';
import { useRemote } from '../../../hooks/useRemote';
import { formatFen } from '../../../utils/money';

export interface PickedSku {
  skuId: string;
  productTitle: string;
  specsText: string;
  priceFen: ManagerSkuView['priceFen'];
}

interface Props {
  picked: PickedSku | undefined;
  onPick: (sku: PickedSku) => void;
}

/**
 * The 拼团 form's product choice: search the store's products (on the server, by title) and tap one
 * of their specs, instead of typing a SKU id.
 */
export function SkuPicker({ picked, onPick }: Props) {
  const [keyword, setKeyword] = useState('');
  const found = useRemote(() => call('manager.listProducts', keyword ? { keyword } : {}), [keyword]);
  const products = found.data?.items ?? [];
  return (
    <View className="sku-picker" id="campaign-sku-picker">
      <SearchBar
        shape="round"
        placeholder="搜索商品名称"
        id="campaign-product-search"
        onSearch={(t) => setKeyword(t.trim())}
        onClear={() => setKeyword('')}
      />
      {picked && (
        <Text className="sku-picker__picked" id="campaign-sku-picked">
          {`已选：${picked.productTitle} · ${picked.specsText} · 原价 ¥${formatFen(picked.priceFen)}`}
        </Text>
      )}
      <View className="sku-picker__list">
        {found.loading && !found.data ? (
          <Text className="sku-picker__hint">加载中…</Text>
        ) : products.length === 0 ? (
          <Text className="sku-picker__hint">没有找到商品</Text>
        ) : (
          products.map((p) => (
            <View className="sku-picker__product" key={p.productId}>
              <Text className="sku-picker__title">{p.title}</Text>
              <View className="sku-picker__skus">
                {p.skus.map((s) => (
                  <Text
                    key={s.skuId}
                    id={`campaign-sku-${s.skuId}`}
                    className={`sku-picker__sku${picked?.skuId === s.skuId ? ' sku-picker__sku--on' : ''}`}
                    onClick={() =>
                      onPick({ skuId: s.skuId, productTitle: p.title, specsText: s.specsText, priceFen: s.priceFen })
                    }
                  >
                    {`${s.specsText || '默认'} ¥${formatFen(s.priceFen)}`}
                  </Text>
                ))}
              </View>
            </View>
          ))
        )}
      </View>
    </View>
  );
}
