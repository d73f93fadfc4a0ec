import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { call, isTransportError, newIdempotencyKey, toastError } from '../../api';
import { useRemote } from '../../hooks/useRemote';
import { PageSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { OrderLines } from './components/OrderParts';
import { RefundForm, type RefundDraft } from './components/RefundForm';
import './order.scss';
import { ContactService } from '../../components/ContactService';

export default function RefundPage() {
  const orderId = useRouter().params.orderId ?? '';
  const remote = useRemote(() => call('order.get', { orderId }), [orderId]);
  const [draft, setDraft] = useState<RefundDraft>({
    refundType: 'refund_only',
    whole: true,
    lineIds: [],
    reason: '',
    note: '',
  });
  const [submitting, setSubmitting] = useState(false);
  const attempt = useRef<{ inputs: string; key: string }>();
  const order = remote.data;

  // The server's first allowed kind (退货退款 once shipped) preselected whenever the order is (re)loaded.
  useEffect(() => {
    const first = remote.data?.refundTypes[0];
    if (first) setDraft((d) => ({ ...d, refundType: first }));
  }, [remote.data]);

  if (remote.loading && !order) return <PageSkeleton />;
  if (!order || !order.actions.requestRefund) {
    return (
      <View className="page">
        <EmptyState
          status="error"
          title={order ? '该订单暂不支持申请售后' : '订单不存在'}
          actionText="返回"
          onAction={() => void Taro.navigateBack()}
        />
      </View>
    );
  }

  const submit = async () => {
    if (!draft.whole && draft.lineIds.length === 0)
      return void Taro.showToast({ title: '请选择要退款的商品', icon: 'none' });
    if (!draft.reason) return void Taro.showToast({ title: '请选择退款原因', icon: 'none' });
    const reason = draft.note.trim() ? `${draft.reason}：${draft.note.trim()}` : draft.reason;
    const input = { orderId, reason, refundType: draft.refundType, ...(draft.whole ? {} : { lineIds: draft.lineIds }) };
    const inputs = JSON.stringify(input);
    if (attempt.current?.inputs !== inputs) attempt.current = { inputs, key: newIdempotencyKey() };
    setSubmitting(true);
    try {
      await call('order.requestRefund', input, { idempotencyKey: attempt.current.key });
      void Taro.showToast({ title: '已提交，等待商家审核', icon: 'success' });
      setTimeout(
        () => void Taro.redirectTo({ url: `/packages/order/detail?orderId=${encodeURIComponent(orderId)}` }),
        800,
      );
    } catch (err) {
      if (!isTransportError(err)) attempt.current = undefined;
      toastError(err);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="page order-refund has-bar" id="page-refund">
      <OrderLines lines={order.lines} id="refund-lines" />
      <RefundForm refundTypes={order.refundTypes} lines={order.lines} draft={draft} onChange={setDraft} />
      <ContactService
        context={{
          kind: 'refund',
          id: order.orderId,
          title: `售后 · 订单 ${order.orderNo}`,
          path: `/packages/order/detail?orderId=${order.orderId}`,
          image: order.lines[0]?.image,
        }}
      />
      <View className="order-bar">
        <Button
          block
          type="primary"
          id="refund-submit"
          loading={submitting}
          disabled={submitting}
          onClick={() => void submit()}
        >
          提交申请
        </Button>
      </View>
    </View>
  );
}
