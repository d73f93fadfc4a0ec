import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import type { SkuRow } from './editor-state';

interface Props {
  skus: SkuRow[];
  onChange: (skus: SkuRow[]) => void;
}

const FIELDS: Array<{ key: 'price' | 'originalPrice' | 'stock' | 'weight' | 'barcode'; label: string; type: string }> =
  [
    { key: 'price', label: '价格(元)', type: 'digit' },
    { key: 'originalPrice', label: '划线价', type: 'digit' },
    { key: 'stock', label: '库存', type: 'number' },
    { key: 'weight', label: '重量(克)', type: 'number' },
    { key: 'barcode', label: '条码', type: 'text' },
  ];

/**
 * The SKU matrix: one row per combination of the groups' values. Member prices follow the member's
 * tier discount (the same rule on cards, detail and checkout), so there is no per-row member price.
 */
export function SkuTable({ skus, onChange }: Props) {
  const set = (i: number, key: (typeof FIELDS)[number]['key'], value: string) =>
    onChange(skus.map((s, j) => (j === i ? { ...s, [key]: value } : s)));
  return (
    <View className="pe-section card" id="pe-skus">
      <Text className="pe-section__title">{`规格明细（${skus.length} 个 SKU）`}</Text>
      <Text className="pe-hint">会员价按会员等级折扣自动计算</Text>
      {skus.map((s, i) => (
        <View className="pe-sku" key={JSON.stringify(s.specs)} id={`pe-sku-${i}`}>
          <Text className="pe-sku__name">{Object.values(s.specs).join(' / ') || '默认规格'}</Text>
          <View className="pe-sku__fields">
            {FIELDS.map((f) => (
              <View className="pe-sku__field" key={f.key}>
                <Text className="pe-sku__label">{f.label}</Text>
                <Input
                  className="pe-sku__input"
                  id={`pe-sku-${i}-${f.key}`}
                  type={f.type as 'text'}
                  value={s[f.key]}
                  onChange={(v) => set(i, f.key, v)}
                />
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  );
}
