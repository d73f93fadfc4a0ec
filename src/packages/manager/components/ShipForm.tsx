import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Button, Input, Picker, Popup } from '@nutui/nutui-react-taro';
import { ArrowRight } from '@nutui/icons-react-taro';
import { call } from '../../../api';
import { useRemote } from '../../../hooks/useRemote';

interface Props {
  visible: boolean;
  orderNo: string;
  busy: boolean;
  onClose: () => void;
  onSubmit: (carrier: string, trackingNo: string) => void;
}

/** 发货: a carrier from the server's list (the one it accepts) and the tracking number (format checked there too). */
export function ShipForm({ visible, orderNo, busy, onClose, onSubmit }: Props) {
  const carriers = useRemote(() => call('manager.listCarriers', {}), []).data?.items ?? [];
  const [picked, setCarrier] = useState<string>();
  const carrier = picked ?? carriers[0]?.name ?? '';
  const [trackingNo, setTrackingNo] = useState('');
  const [picking, setPicking] = useState(false);
  const valid = /^[A-Za-z0-9-]{4,40}$/.test(trackingNo.trim());
  return (
    <Popup visible={visible} position="bottom" round closeable onClose={onClose} title="填写发货信息">
      <View className="ship-form" id="ship-form">
        <Text className="ship-form__order">{`订单号 ${orderNo}`}</Text>
        <View className="ship-form__row" id="ship-carrier" onClick={() => setPicking(true)}>
          <Text className="ship-form__label">快递公司</Text>
          <View className="ship-form__pick">
            <Text id="ship-carrier-value">{carrier || '加载中…'}</Text>
            <ArrowRight size={12} color="#9A918A" />
          </View>
        </View>
        <View className="ship-form__row">
          <Text className="ship-form__label">运单号</Text>
          <Input
            className="ship-form__input"
            id="ship-tracking"
            placeholder="请输入运单号"
            value={trackingNo}
            maxLength={40}
            onChange={setTrackingNo}
          />
        </View>
        <Button
          block
          type="primary"
          id="ship-submit"
          loading={busy}
          disabled={!valid || !carrier || busy}
          onClick={() => onSubmit(carrier, trackingNo.trim())}
        >
          确认发货
        </Button>
      </View>
      <Picker
        visible={picking}
        title="快递公司"
        options={[carriers.map((c) => ({ label: c.name, value: c.name }))]}
        value={[carrier]}
        onClose={() => setPicking(false)}
        onConfirm={(_, values) => setCarrier(String(values[0] ?? carrier))}
      />
    </Popup>
  );
}
