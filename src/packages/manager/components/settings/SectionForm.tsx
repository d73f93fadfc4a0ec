import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import type { SettingFieldView, SettingValue } from '../../../../../cloudfunctions/core/contract';
import { draftOf, SettingInput, valueOf, type Draft } from './SettingInput';
import '../../../../styles/form-row.scss';
import './settings.scss';

/**
 * One settings section as a form: the fields, their kinds, labels, units, ranges and choices are the
 * server's (the settings sections), so a new setting appears here without a client change; fields
 * of one group (a tier, a nudge trigger) sit under its heading. The server checks each
 * value against its range and answers the field it refused.
 */
export function SectionForm({
  code,
  title,
  fields,
  busy,
  onSave,
}: {
  code: string;
  title: string;
  fields: SettingFieldView[];
  busy: boolean;
  onSave: (values: Record<string, SettingValue>) => void;
}) {
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(fields.map((f) => [f.key, draftOf(f)])),
  );
  const save = () => onSave(Object.fromEntries(fields.map((f) => [f.key, valueOf(f, drafts[f.key] ?? '')])));
  return (
    <View className="settings-form card" id={`settings-form-${code}`}>
      <Text className="settings-form__title">{title}</Text>
      {fields.map((f, i) => (
        <View className="settings-form__field" key={f.key}>
          {f.group && f.group !== fields[i - 1]?.group && <Text className="settings-form__group">{f.group}</Text>}
          <View className={`form-row${f.kind === 'select' ? ' settings-form__row--choices' : ''}`}>
            <Text className="form-row__label">{f.label}</Text>
            <SettingInput
              field={f}
              draft={drafts[f.key] ?? ''}
              onChange={(d) => setDrafts((prev) => ({ ...prev, [f.key]: d }))}
            />
            {f.unit && <Text className="settings-form__unit">{f.unit}</Text>}
          </View>
          {(f.help || f.min !== null) && (
            <Text className="settings-form__help">
              {[f.min !== null && f.max !== null ? `${f.min}～${f.max}` : '', f.help ?? ''].filter(Boolean).join(' · ')}
            </Text>
          )}
        </View>
      ))}
      <Button type="primary" block loading={busy} disabled={busy} id="settings-save" onClick={save}>
        保存
      </Button>
      <Text className="settings-form__note">保存后只对新订单生效，已下的订单按下单时的规则处理</Text>
    </View>
  );
}
