import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import type { EditorForm } from './editor-state';
import { FreightPicker } from './FreightPicker';

interface Props {
  form: EditorForm;
  onChange: (patch: Partial<EditorForm>) => void;
}

const MODES = [
  { mode: 'express', label: '快递' },
  { mode: 'pickup', label: '门店自提' },
] as const;

/** 配送方式、运费模板、复购周期、上下架 and its schedule (store time, UTC+8). */
export function DeliverySection({ form, onChange }: Props) {
  const toggle = (mode: 'express' | 'pickup') =>
    onChange({
      fulfilment: form.fulfilment.includes(mode)
        ? form.fulfilment.filter((m) => m !== mode)
        : [...form.fulfilment, mode],
    });
  return (
    <View className="pe-section card" id="pe-delivery">
      <Text className="pe-section__title">配送与上架</Text>
      <View className="pe-row">
        <Text className="form-row__label">配送方式</Text>
        <View className="pe-chips">
          {MODES.map((m) => (
            <Text
              key={m.mode}
              id={`pe-mode-${m.mode}`}
              className={`pe-chip${form.fulfilment.includes(m.mode) ? ' pe-chip--on' : ''}`}
              onClick={() => toggle(m.mode)}
            >
              {m.label}
            </Text>
          ))}
        </View>
      </View>
      {form.fulfilment.includes('express') && (
        <FreightPicker
          value={form.freightTemplateId}
          onChange={(freightTemplateId) => onChange({ freightTemplateId })}
        />
      )}
      <View className="form-row">
        <Text className="form-row__label">复购周期(天)</Text>
        <Input
          className="form-row__input"
          id="pe-cycle"
          type="number"
          value={form.repurchaseDays}
          onChange={(repurchaseDays) => onChange({ repurchaseDays })}
        />
      </View>
      <View className="pe-row">
        <Text className="form-row__label">状态</Text>
        <View className="pe-chips">
          {(['on_sale', 'off_shelf'] as const).map((status) => (
            <Text
              key={status}
              id={`pe-status-${status}`}
              className={`pe-chip${form.status === status ? ' pe-chip--on' : ''}`}
              onClick={() => onChange({ status })}
            >
              {status === 'on_sale' ? '上架' : '下架'}
            </Text>
          ))}
        </View>
      </View>
      <View className="form-row">
        <Text className="form-row__label">定时上架</Text>
        <Input
          className="form-row__input"
          id="pe-on-shelf"
          placeholder="2026-05-01 10:00，留空为立即"
          value={form.onShelfAt}
          onChange={(onShelfAt) => onChange({ onShelfAt })}
        />
      </View>
      <View className="form-row">
        <Text className="form-row__label">定时下架</Text>
        <Input
          className="form-row__input"
          id="pe-off-shelf"
          placeholder="留空为不下架"
          value={form.offShelfAt}
          onChange={(offShelfAt) => onChange({ offShelfAt })}
        />
      </View>
    </View>
  );
}
