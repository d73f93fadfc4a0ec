import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button, Radio } from '@nutui/nutui-react-taro';
import type { FreightTemplateView } from '../../../../../cloudfunctions/core/contract';
import { call } from '../../../../api';
import { useSubmit } from '../../../../hooks/useSubmit';
import { FormRow } from '../../../../components/FormRow';
import { draftOf, emptyRule, saveInput, type TemplateDraft } from './freight-draft';
import { ProvinceChips } from './ProvinceChips';
import { RegionCard } from './RegionCard';
import { RuleFields } from './RuleFields';

/**
 * 运费模板 editor: name, 按件/按重量, the default rule, region rules (province chips, each province in
 * one place only), and provinces not delivered to. Saves the whole template; the server validates it.
 */
export function FreightEditor({
  template,
  provinces,
  onSaved,
  onDeleted,
}: {
  template: FreightTemplateView | null;
  provinces: string[];
  onSaved: (templateId: string) => void;
  onDeleted: () => void;
}) {
  const [d, setD] = useState<TemplateDraft>(() => draftOf(template));
  const { busy, submit } = useSubmit();
  const set = (patch: Partial<TemplateDraft>) => setD({ ...d, ...patch });
  const takenBesides = (mine: string[]) =>
    new Set([...d.regions.flatMap((r) => r.provinces), ...d.undeliverable].filter((p) => !mine.includes(p)));
  const setRegion = (i: number, patch: Partial<TemplateDraft['regions'][number]>) =>
    set({ regions: d.regions.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  const save = async () => {
    const input = saveInput(d, template ? { templateId: template.templateId, version: template.version } : null);
    if (typeof input === 'string') return void Taro.showToast({ title: input, icon: 'none' });
    const saved = await submit('save', (idempotencyKey) =>
      call('manager.saveFreightTemplate', input, { idempotencyKey }),
    );
    if (saved) {
      void Taro.showToast({ title: '已保存', icon: 'success' });
      onSaved(saved.templateId);
    }
  };
  const remove = async () => {
    if (!template) return;
    const ok = await Taro.showModal({
      title: '删除运费模板',
      content: `删除「${template.name}」？`,
      confirmColor: '#3F6B57',
    });
    if (!ok.confirm) return;
    const templateId = template.templateId;
    if (await submit('delete', (key) => call('manager.deleteFreightTemplate', { templateId }, { idempotencyKey: key })))
      onDeleted();
  };

  return (
    <View className="m-form m-freight" id="m-freight-editor">
      <FormRow label="模板名称" id="m-freight-name" value={d.name} onChange={(name) => set({ name })} />
      <Radio.Group
        value={d.chargeBy}
        direction="horizontal"
        onChange={(v) => set({ chargeBy: v === 'weight' ? 'weight' : 'count' })}
      >
        <Radio value="count" id="m-freight-by-count">
          按件数
        </Radio>
        <Radio value="weight" id="m-freight-by-weight">
          按重量
        </Radio>
      </Radio.Group>
      {template && <Text className="m-form__hint">{`${template.productCount} 个商品使用此模板`}</Text>}

      <View className="m-freight__region card">
        <Text className="m-item__title">默认运费（未指定的地区）</Text>
        <RuleFields
          id="m-freight-default"
          chargeBy={d.chargeBy}
          rule={d.defaultRule}
          onChange={(r) => set({ defaultRule: r })}
        />
      </View>

      {d.regions.map((r, i) => (
        <RegionCard
          key={i}
          index={i}
          chargeBy={d.chargeBy}
          region={r}
          provinces={provinces}
          taken={takenBesides(r.provinces)}
          onChange={(x) => setRegion(i, x)}
          onRemove={() => set({ regions: d.regions.filter((_, j) => j !== i) })}
        />
      ))}
      <Button
        fill="outline"
        id="m-freight-add-region"
        onClick={() => set({ regions: [...d.regions, { ...emptyRule(), provinces: [] }] })}
      >
        ＋ 添加指定地区
      </Button>

      <Text className="m-section">不配送地区</Text>
      <ProvinceChips
        id="m-freight-undeliverable"
        title="不配送的省份"
        all={provinces}
        chosen={d.undeliverable}
        taken={takenBesides(d.undeliverable)}
        onChange={(p) => set({ undeliverable: p })}
      />

      <View className="m-staff__buttons">
        {template && (
          <Button
            fill="outline"
            id="m-freight-delete"
            loading={busy === 'delete'}
            disabled={!!busy}
            onClick={() => void remove()}
          >
            删除
          </Button>
        )}
        <Button
          type="primary"
          id="m-freight-save"
          loading={busy === 'save'}
          disabled={!!busy}
          onClick={() => void save()}
        >
          保存
        </Button>
      </View>
    </View>
  );
}
