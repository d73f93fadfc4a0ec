import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { SettingFieldView, SettingValue } from '../../../../../cloudfunctions/core/contract';
import '../../../../styles/form-row.scss';
import './settings.scss';

/** What the manager typed, as the value the server takes: a whole number, text, or a comma list. */
function parse(field: SettingFieldView, text: string): SettingValue {
  if (field.kind === 'int') return /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (field.kind === 'textList') {
    return text
      .split(/[,，]/)
      .map((s) => s.trim())
      .filter(Boolean);
  }
  return text.trim();
}

const shown = (v: SettingValue) => (Array.isArray(v) ? v.join(', ') : String(v));

/**
 * One settings section as a form: the fields, their labels, units and ranges are the server's (the
 * settings sections), so a new setting appears here without a client change. The server checks each
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
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.key, shown(f.value)])),
  );
  const save = () => onSave(Object.fromEntries(fields.map((f) => [f.key, parse(f, texts[f.key] ?? '')])));
  return (
    <View className="settings-form card" id={`settings-form-${code}`}>
      <Text className="settings-form__title">{title}</Text>
      {fields.map((f) => (
        <View className="settings-form__field" key={f.key}>
          <View className="form-row">
            <Text className="form-row__label">{f.label}</Text>
            <Input
              className="form-row__input"
              id={`setting-${f.key}`}
              type={f.kind === 'int' ? 'digit' : 'text'}
              value={texts[f.key] ?? ''}
              onChange={(v) => setTexts({ ...texts, [f.key]: v })}
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
