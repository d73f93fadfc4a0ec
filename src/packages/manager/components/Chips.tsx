import { Text, View } from '@tarojs/components';

interface Props<T extends string> {
  id: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  value: T | null;
  onChange: (value: T) => void;
}

/** A row of choices, one selected (link kinds, art shapes, section kinds, a shop's welcome coupon). */
export function Chips<T extends string>({ id, options, value, onChange }: Props<T>) {
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
