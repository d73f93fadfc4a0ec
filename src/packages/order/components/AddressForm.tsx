import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import type { Address } from '../../../../cloudfunctions/core/contract';

const FIELDS: Array<{ key: keyof Address; label: string; placeholder: string; type?: 'tel' }> = [
  { key: 'name', label: '收货人', placeholder: '姓名' },
  { key: 'phone', label: '手机号', placeholder: '11 位手机号', type: 'tel' },
  { key: 'province', label: '省份', placeholder: '如 浙江省' },
  { key: 'city', label: '城市', placeholder: '如 杭州市' },
  { key: 'district', label: '区县', placeholder: '如 西湖区' },
  { key: 'detail', label: '详细地址', placeholder: '街道、门牌号' },
];

/** H5: the address typed in (weapp uses WeChat's address book instead). */
export function AddressForm({ value, onChange }: { value: Address; onChange: (a: Address) => void }) {
  return (
    <View className="address-form" id="address-form">
      {FIELDS.map((f) => (
        <View key={f.key} className="address-form__row">
          <Text className="address-form__label">{f.label}</Text>
          <Input
            className="address-form__input"
            id={`address-${f.key}`}
            type={f.type ?? 'text'}
            placeholder={f.placeholder}
            value={value[f.key]}
            maxLength={f.key === 'detail' ? 120 : f.key === 'phone' ? 11 : 30}
            onChange={(v) => onChange({ ...value, [f.key]: v })}
          />
        </View>
      ))}
    </View>
  );
}
