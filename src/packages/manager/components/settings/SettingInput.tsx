import { Text, View } from '@tarojs/components';
import { Input, Switch } from '@nutui/nutui-react-taro';
import type { SettingFieldView, SettingValue } from '../../../../../cloudfunctions/core/contract';

/** What the form holds for a field: text as typed (int, text, lists), or the value itself (switch, select). */
export type Draft = string | boolean;

/** A field's value as the form starts editing it. */
export function draftOf(f: SettingFieldView): Draft {
  if (f.kind === 'switch') return f.value === true;
  return Array.isArray(f.value) ? f.value.join(', ') : String(f.value);
}

/** What the manager entered, as the value the server takes: a whole number, text, a comma list, a switch or a choice. */
export function valueOf(f: SettingFieldView, d: Draft): SettingValue {
  if (f.kind === 'switch' || f.kind === 'select') return d;
  const text = String(d).trim();
  if (f.kind === 'int') return /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (f.kind === 'textList') {
    return text
      .split(/[,，]/)
      .map((s) => s.trim())
      .filter(Boolean);
  }
  return text;
}

/**
 * One field's control by its kind: a switch, a row of choices (a select's options come from the
 * server, coupon templates with their titles), or a text box. A stored choice the server no longer
 * offers (a template stopped since) shows as such, so the manager sees why a save is refused.
 */
export function SettingInput({
  field: f,
  draft,
  onChange,
}: {
  field: SettingFieldView;
  draft: Draft;
  onChange: (d: Draft) => void;
}) {
  const id = `setting-${f.key.replace('.', '-')}`;
  if (f.kind === 'switch') {
    return <Switch id={id} checked={draft === true} onChange={(v) => onChange(v)} />;
  }
  if (f.kind === 'select') {
    const options = f.options ?? [];
    const known = options.some((o) => o.value === draft);
    return (
      <View className="settings-choices" id={id}>
        {options.map((o) => (
          <Text
            key={o.value}
            id={`${id}-${o.value || 'none'}`}
            className={`settings-choice${o.value === draft ? ' settings-choice--on' : ''}`}
            onClick={() => onChange(o.value)}
          >
            {o.label}
          </Text>
        ))}
        {!known && <Text className="settings-choice settings-choice--stale">已停用，请重新选择</Text>}
      </View>
    );
  }
  return (
    <Input
      className="form-row__input"
      id={id}
      type={f.kind === 'int' ? 'digit' : 'text'}
      value={String(draft)}
      onChange={(v) => onChange(v)}
    />
  );
}
