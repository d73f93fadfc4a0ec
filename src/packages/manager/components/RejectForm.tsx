import { View } from '@tarojs/components';
import { useState } from 'react';
import { Button, Popup, TextArea } from '@nutui/nutui-react-taro';

interface Props {
  visible: boolean;
  busy: boolean;
  onClose: () => void;
  onSubmit: (reason: string) => void;
}

/** 拒绝退款 needs a reason the customer will read. */
export function RejectForm({ visible, busy, onClose, onSubmit }: Props) {
  const [reason, setReason] = useState('');
  return (
    <Popup visible={visible} position="bottom" round closeable onClose={onClose} title="拒绝退款">
      <View className="ship-form" id="reject-form">
        <TextArea className="ship-form__area" id="reject-reason" placeholder="请填写拒绝原因，顾客可见" maxLength={200} showCount value={reason} onChange={setReason} />
        <Button block type="primary" id="reject-submit" loading={busy} disabled={!reason.trim() || busy} onClick={() => onSubmit(reason.trim())}>
          确认拒绝
        </Button>
      </View>
    </Popup>
  );
}
