import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';

interface Props {
  label: string;
  id: string;
  value: string;
  placeholder?: string;
  type?: 'text' | 'digit' | 'number';
  onChange: (value: string) => void;
}

/** One labelled input of the manager's editors (shops, banners, home sections). */
export function FormRow({ label, id, value, placeholder, type = 'text', onChange }: Props) {
  return (
    <View className="ship-form__row">
      <Text className="ship-form__label">{label}</Text>
      <Input
        className="ship-form__input"
        id={id}
        type={type}
        placeholder={placeholder}
        value={value}
        onChange={onChange}
      />
    </View>
  );
}

interface ChipsProps<T extends string> {
  id: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  value: T | null;
  onChange: (value: T) => void;
}

/** A row of choices, one selected (link kinds, art shapes, section kinds). */
export function Chips<T extends string>({ id, options, value, onChange }: ChipsProps<T>) {
  return (
    <View className="m-chips" id={id}>
      {options.map((o) => (
        <View
          key={o.value}
          id={`${id}-${o.value}`}
          className={`m-chips__chip${o.value === value ? ' m-chips__chip--on' : ''}`}
          onClick={() => onChange(o.value)}
        >
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  );
}

/** `YYYY-MM-DD HH:mm` in Shanghai time -> ISO; '' -> null; undefined when malformed. */
export function parseShanghai(text: string): string | null | undefined {
  const t = text.trim();
  if (!t) return null;
  const m = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d)$/.exec(t);
  if (!m) return undefined;
  const d = new Date(`${m[1]}T${m[2]}:00+08:00`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
