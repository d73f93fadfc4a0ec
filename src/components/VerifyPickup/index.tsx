import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button, Input } from '@nutui/nutui-react-taro';
import { call } from '../../api';
import { useSubmit } from '../../hooks/useSubmit';
import type { OrderView } from '../../../cloudfunctions/core/contract';
import './index.scss';

/**
 * 核销提货码: the customer's 6-digit code completes a ready pickup (or group-buy) order. Used by the
 * manager's orders page and the staff counter; `staff.verifyPickup` serves both roles.
 */
export function VerifyPickup({ onVerified }: { onVerified: (o: OrderView) => void }) {
  const [code, setCode] = useState('');
  const { busy, submit: send } = useSubmit();

  const submit = async () => {
    const value = code.trim();
    if (!/^\d{6}$/.test(value)) return void Taro.showToast({ title: '请输入 6 位提货码', icon: 'none' });
    // The slot is the code: retrying the same code replays its key, another code gets a fresh one.
    const order = await send(value, (idempotencyKey) =>
      call('staff.verifyPickup', { pickupCode: value }, { idempotencyKey }),
    );
    if (!order) return;
    setCode('');
    void Taro.showToast({ title: '核销成功', icon: 'success' });
    onVerified(order);
  };

  return (
    <View className="m-verify card" id="m-verify">
      <Text className="m-verify__label">核销提货码</Text>
      <Input
        className="m-verify__input"
        id="m-verify-input"
        type="digit"
        maxLength={6}
        placeholder="输入 6 位提货码"
        value={code}
        onChange={setCode}
      />
      <Button
        size="small"
        type="primary"
        id="m-verify-submit"
        loading={!!busy}
        disabled={!!busy}
        onClick={() => void submit()}
      >
        核销
      </Button>
    </View>
  );
}
