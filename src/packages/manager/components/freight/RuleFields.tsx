import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import type { FreightChargeBy } from '../../../../../cloudfunctions/core/contract';
import type { RuleDraft } from './freight-draft';

function Cell(p: {
  label: string;
  id: string;
  value: string;
  digit?: boolean;
  placeholder?: string;
  onChange: (v: string) => void;
}) {
  return (
    <View className="m-freight__cell">
      <Text className="m-freight__label">{p.label}</Text>
      <Input
        className="m-freight__input"
        id={p.id}
        type={p.digit ? 'digit' : 'number'}
        value={p.value}
        placeholder={p.placeholder}
        onChange={p.onChange}
      />
    </View>
  );
}

/** First and additional unit with their fees (yuan), and the optional free-shipping-over amount. */
export function RuleFields({
  id,
  chargeBy,
  rule,
  onChange,
}: {
  id: string;
  chargeBy: FreightChargeBy;
  rule: RuleDraft;
  onChange: (r: RuleDraft) => void;
}) {
  const set = (k: keyof RuleDraft) => (v: string) => onChange({ ...rule, [k]: v });
  const u = chargeBy === 'count' ? '件' : '克';
  return (
    <View className="m-freight__rule" id={id}>
      <Cell
        label={`首${chargeBy === 'count' ? '件' : '重'}（${u}）`}
        id={`${id}-first-unit`}
        value={rule.firstUnit}
        onChange={set('firstUnit')}
      />
      <Cell label="首费（元）" id={`${id}-first-fee`} digit value={rule.firstFee} onChange={set('firstFee')} />
      <Cell
        label={`续${chargeBy === 'count' ? '件' : '重'}（${u}）`}
        id={`${id}-add-unit`}
        value={rule.additionalUnit}
        onChange={set('additionalUnit')}
      />
      <Cell label="续费（元）" id={`${id}-add-fee`} digit value={rule.additionalFee} onChange={set('additionalFee')} />
      <Cell
        label="满额包邮（元）"
        id={`${id}-free-over`}
        digit
        placeholder="不包邮"
        value={rule.freeOver}
        onChange={set('freeOver')}
      />
    </View>
  );
}
