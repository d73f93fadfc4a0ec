import { View } from '@tarojs/components';
import { useState } from 'react';
import { Button, Popup, TextArea } from '@nutui/nutui-react-taro';

interface Props {
  visible: boolean;
  busy: boolean;
  onClose: () => void;
  onSubmit: (reason: string) => void;
  /** Defaults are 拒绝退款's; 主动退款 reuses the form with its own words and ids. */
  title?: string;
  placeholder?: string;
  submitText?: string;
  idPrefix?: string;
}

/** A bottom sheet asking for a reason the customer will read (拒绝退款, 主动退款). */
export function RejectForm({
  visible,
  busy,
  onClose,
  onSubmit,
  title = '拒绝退款',
  placeholder = '请填写拒绝原因，顾客可见',
  submitText = '确认拒绝',
  idPrefix = 'reject',
}: Props) {
  const [reason, setReason] = useState('');
  return (
    <Popup visible={visible} position="bottom" round closeable onClose={onClose} title={title}>
      <View className="ship-form" id={`${idPrefix}-form`}>
        <TextArea
          className="ship-form__area"
          id={`${idPrefix}-reason`}
          placeholder={placeholder}
          maxLength={200}
          showCount
          value={reason}
          onChange={setReason}
        />
        <Button
          block
          type="primary"
          id={`${idPrefix}-submit`}
          loading={busy}
          disabled={!reason.trim() || busy}
          onClick={() => onSubmit(reason.trim())}
        >
          {submitText}
        </Button>
      </View>
    </Popup>
  );
}
