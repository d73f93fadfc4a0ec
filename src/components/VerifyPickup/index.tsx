import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button, Input } from '@nutui/nutui-react-taro';
import { call, toastError } from '../../api';
import { useSubmit } from '../../hooks/useSubmit';
import type { OrderView, PickupPreview } from '../../../cloudfunctions/core/contract';
import './index.scss';

/**
 * 核销提货码: the customer's 6-digit code completes a ready pickup (or group-buy) order. First a look
 * (`staff.previewPickup`: the goods, who collects them, the shop), then 确认交付 hands them over
 * (`staff.verifyPickup`). Used by the manager's orders page and the staff counter. The result stays
 * on the card (the order number does not fit a toast).
 */
export function VerifyPickup({ onVerified }: { onVerified: (o: OrderView) => void }) {
  const [code, setCode] = useState('');
  const [preview, setPreview] = useState<PickupPreview>();
  const [looking, setLooking] = useState(false);
  const [done, setDone] = useState<OrderView>();
  const { busy, submit: send } = useSubmit();

  const look = async () => {
    const value = code.trim();
    if (!/^\d{6}$/.test(value)) return void Taro.showToast({ title: '请输入 6 位提货码', icon: 'none' });
    setLooking(true);
    setDone(undefined);
    try {
      setPreview(await call('staff.previewPickup', { pickupCode: value }));
    } catch (err) {
      setPreview(undefined);
      toastError(err);
    } finally {
      setLooking(false);
    }
  };

  const confirm = async () => {
    const value = code.trim();
    // The slot is the code: retrying the same code replays its key, another code gets a fresh one.
    const order = await send(value, (idempotencyKey) =>
      call('staff.verifyPickup', { pickupCode: value }, { idempotencyKey }),
    );
    if (!order) return;
    setCode('');
    setPreview(undefined);
    setDone(order);
    void Taro.showToast({ title: '核销成功', icon: 'success' });
    onVerified(order);
  };

  const shop = preview?.order.pickupShop;
  return (
    <View className="m-verify card" id="m-verify">
      <View className="m-verify__row">
        <Text className="m-verify__label">核销提货码</Text>
        <Input
          className="m-verify__input"
          id="m-verify-input"
          type="digit"
          maxLength={6}
          placeholder="输入 6 位提货码"
          value={code}
          onChange={(v) => (setCode(v), setPreview(undefined))}
        />
        <Button size="small" type="primary" id="m-verify-submit" loading={looking} onClick={() => void look()}>
          查询
        </Button>
      </View>
      {preview && (
        <View className="m-verify__preview" id="m-verify-preview">
          <Text className="m-verify__line">{`顾客 ${preview.customer.nickname || '会员'}`}</Text>
          <Text className="m-verify__line">{`订单号 ${preview.order.orderNo}`}</Text>
          {shop && <Text className="m-verify__line">{`自提门店 ${shop.name}`}</Text>}
          {preview.atOtherShop && (
            <Text className="m-verify__warn" id="m-verify-other-shop">
              该订单约定在其他门店自提，请与顾客确认后再交付
            </Text>
          )}
          {preview.order.lines.map((l) => (
            <View key={l.lineId} className="m-verify__item">
              <Text className="m-verify__item-title">{`${l.title}${l.specsText ? `（${l.specsText}）` : ''}`}</Text>
              <Text className="m-verify__item-qty">{`x${l.qty}`}</Text>
            </View>
          ))}
          <Button
            block
            type="primary"
            id="m-verify-confirm"
            loading={!!busy}
            disabled={!!busy}
            onClick={() => void confirm()}
          >
            确认交付
          </Button>
        </View>
      )}
      {done && <Text className="m-verify__done" id="m-verify-done">{`已核销 订单号 ${done.orderNo}`}</Text>}
    </View>
  );
}
