import { Text, View } from '@tarojs/components';
import type { FreightChargeBy } from '../../../../../cloudfunctions/core/contract';
import type { TemplateDraft } from './freight-draft';
import { ProvinceChips } from './ProvinceChips';
import { RuleFields } from './RuleFields';

type Region = TemplateDraft['regions'][number];

/** One 指定地区: its provinces as chips and its rule. */
export function RegionCard(p: {
  index: number;
  chargeBy: FreightChargeBy;
  region: Region;
  provinces: string[];
  taken: ReadonlySet<string>;
  onChange: (patch: Partial<Region>) => void;
  onRemove: () => void;
}) {
  const id = `m-freight-region-${p.index}`;
  return (
    <View className="m-freight__region card" id={id}>
      <View className="m-item__head">
        <Text className="m-item__title">{`指定地区 ${p.index + 1}`}</Text>
        <Text className="m-freight__remove" id={`${id}-remove`} onClick={p.onRemove}>
          删除
        </Text>
      </View>
      <ProvinceChips
        id={`${id}-provinces`}
        title="选择省份"
        all={p.provinces}
        chosen={p.region.provinces}
        taken={p.taken}
        onChange={(provinces) => p.onChange({ provinces })}
      />
      <RuleFields id={`${id}-rule`} chargeBy={p.chargeBy} rule={p.region} onChange={p.onChange} />
    </View>
  );
}
