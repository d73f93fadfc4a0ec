import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import '../../styles/form-row.scss';

interface Props {
  label: string;
  id: string;
  value: string;
  placeholder?: string;
  type?: 'text' | 'digit' | 'number';
  maxLength?: number;
  onChange: (value: string) => void;
}

/**
 * One labelled text input of the staff and manager forms: the input on a paper ground, or ruled like
 * the other rows inside a sheet-like editor (`.ship-form`, see form-row.scss).
 */
export function FormRow({ label, id, value, placeholder, type = 'text', maxLength, onChange }: Props) {
  return (
    <View className="form-row">
      <Text className="form-row__label">{label}</Text>
      <Input
        className="form-row__input"
        id={id}
        type={type}
        placeholder={placeholder}
        maxLength={maxLength}
        value={value}
        onChange={onChange}
      />
    </View>
  );
}
