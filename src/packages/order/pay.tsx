import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { Button, Price } from '@nutui/nutui-react-taro';
import { call, newIdempotencyKey, toastError } from '../../api';
import { useRemote } from '../../hooks/useRemote';
import { formatFen } from '../../utils/money';
import { PageSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { simulatePayment } from './components/dev-pay';
import './order.scss';

/** weapp: ask for the one-time subscriptions the server wants (shipping notice ...) and report the accepted ones. */
async function askSubscriptions(tmplIds: string[]): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp' || tmplIds.length === 0) return;
  try {
    const res = (await Taro.requestSubscribeMessage({
      tmplIds,
    } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>;
    const accepted = tmplIds.filter((id) => res[id] === 'accept');
    if (accepted.length) await call('member.grantSubscriptions', { accepted }, { idempotencyKey: newIdempotencyKey() });
  } catch {
    // Declining or a failed grant must never block the paid order.
  }
}

export default function PayPage() {
  const orderId = useRouter().params.orderId ?? '';
  const pay = useRemote(async () => {
    const [params, order] = await Promise.all([call('order.pay', { orderId }), call('order.get', { orderId })]);
    return { ...params, order };
  }, [orderId]);
  const [paying, setPaying] = useState(false);
  const autoStarted = useRef(false);

  const done = async () => {
    await askSubscriptions(pay.data?.subscribeTemplateIds ?? []);
    void Taro.redirectTo({ url: `/packages/order/result?orderId=${encodeURIComponent(orderId)}` });
  };

  const confirm = async () => {
    const payment = pay.data?.payment;
    if (!payment || paying) return;
    setPaying(true);
    try {
      if ('devPay' in payment) {
        await simulatePayment(payment.outTradeNo, payment.totalFee);
      } else {
        await Taro.requestPayment({ ...payment, signType: payment.signType as 'MD5' });
      }
      await done();
    } catch (err) {
      const msg = (err as { errMsg?: string }).errMsg;
      if (msg) void Taro.showToast({ title: msg.includes('cancel') ? '已取消支付' : '支付未完成', icon: 'none' });
      else toastError(err);
    } finally {
      setPaying(false);
    }
  };

  // weapp: open WeChat Pay at once; the screen stays as the place to retry.
  useEffect(() => {
    if (process.env.TARO_ENV === 'weapp' && pay.data && !('devPay' in pay.data.payment) && !autoStarted.current) {
      autoStarted.current = true;
      void confirm();
    }
    // Once, when the payment arrives: `confirm` is a new closure on every render.
  }, [pay.data]);

  const leave = () => void Taro.redirectTo({ url: `/packages/order/detail?orderId=${encodeURIComponent(orderId)}` });

  if (pay.loading && !pay.data) return <PageSkeleton />;
  if (!pay.data) {
    return (
      <View className="page">
        <EmptyState
          status="error"
          title="无法发起支付"
          description="订单可能已支付或已取消"
          actionText="查看订单"
          onAction={leave}
        />
      </View>
    );
  }
  const { order, payment } = pay.data;
  const dev = 'devPay' in payment;
  return (
    <View className="page pay" id="page-pay">
      <View className="pay__card card">
        {dev && <Text className="pay__badge">模拟支付</Text>}
        <Text className="pay__label">支付金额</Text>
        <View id="pay-amount" className="pay__amount">
          <Price price={formatFen(order.payableFen)} size="xlarge" thousands />
        </View>
        <View className="pay__row">
          <Text className="pay__key">订单编号</Text>
          <Text className="pay__val" id="pay-order-no">
            {order.orderNo}
          </Text>
        </View>
        <View className="pay__row">
          <Text className="pay__key">支付方式</Text>
          <Text className="pay__val">{dev ? '本地模拟（不产生真实扣款）' : '微信支付'}</Text>
        </View>
      </View>
      <View className="pay__actions">
        <Button block type="primary" id="pay-confirm" loading={paying} disabled={paying} onClick={() => void confirm()}>
          {dev ? '确认支付' : '微信支付'}
        </Button>
        <Button block fill="outline" id="pay-cancel" className="pay__cancel" disabled={paying} onClick={leave}>
          取消
        </Button>
      </View>
    </View>
  );
}
