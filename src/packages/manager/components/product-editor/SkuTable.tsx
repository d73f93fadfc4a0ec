import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import type { SkuRow } from './editor-state';

interface Props {
  skus: SkuRow[];
  onChange: (skus: SkuRow[]) => void;
}

const FIELDS: Array<{
  key: 'price' | 'originalPrice' | 'memberPrice' | 'stock' | 'weight' | 'barcode';
  label: string;
  type: string;
  /** What an empty field means. */
  empty: string;
}> = [
  { key: 'price', label: '价格(元)', type: 'digit', empty: '必填' },
  { key: 'originalPrice', label: '划线价', type: 'digit', empty: '不显示' },
  { key: 'memberPrice', label: '会员价', type: 'digit', empty: '按等级折扣' },
  { key: 'stock', label: '库存', type: 'number', empty: '必填' },
  { key: 'weight', label: '重量(克)', type: 'number', empty: '必填' },
  { key: 'barcode', label: '条码', type: 'text', empty: '无' },
];

/**
 * The SKU matrix: one row per combination of the groups' values. A row's 会员价, when filled, is what
 * members of a tier with a member price pay for it; empty, their tier's discount applies (the server
 * applies the same rule on cards, detail, cart and checkout).
 */
export function SkuTable({ skus, onChange }: Props) {
  const set = (i: number, key: (typeof FIELDS)[number]['key'], value: string) =>
    onChange(skus.map((s, j) => (j === i ? { ...s, [key]: value } : s)));
  return (
    <View className="pe-section card" id="pe-skus">
      <Text className="pe-section__title">{`规格明细（${skus.length} 个 SKU）`}</Text>
      <Text className="pe-hint">会员价留空则按会员等级折扣计算；填写后享会员价的等级都按此价</Text>
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
                  placeholder={f.empty}
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
