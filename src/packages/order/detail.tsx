import { View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useRef } from 'react';
import { call } from '../../api';
import { useSubmit } from '../../hooks/useSubmit';
import { PrivacyPopup } from '../../components/PrivacyPopup';
import { useRemote } from '../../hooks/useRemote';
import { PageSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { AmountRows, OrderLines } from './components/OrderParts';
import { DeliveryInfo, OrderInfo, RefundList, StatusHeader } from './components/DetailParts';
import { OrderActions, canReorder } from './components/OrderActions';
import { PickupStore } from './components/PickupStore';
import { TrackingTimeline } from './components/TrackingTimeline';
import './order.scss';
import { ContactService } from '../../components/ContactService';

export default function OrderDetailPage() {
  const orderId = useRouter().params.orderId ?? '';
  const remote = useRemote(() => call('order.get', { orderId }), [orderId]);
  const order = remote.data;
  const shown = useRef(false);
  const { busy, submit } = useSubmit();

  // Back from pay or refund: the order has moved on.
  useDidShow(() => {
    if (shown.current) void remote.reload();
    shown.current = true;
  });

  if (remote.loading && !order) return <PageSkeleton />;
  if (!order) {
    return (
      <View className="page">
        <EmptyState
          status="error"
          title="订单不存在"
          actionText="返回我的订单"
          onAction={() => void Taro.redirectTo({ url: '/packages/order/list' })}
        />
      </View>
    );
  }

  const cancelRefund = async (refundId: string) => {
    const sure = await Taro.showModal({
      title: '撤销售后申请',
      content: '撤销后订单将恢复原状态，如有需要可再次申请。确定撤销吗？',
      confirmColor: '#3F6B57',
    });
    if (!sure.confirm) return;
    const next = await submit(refundId, (idempotencyKey) =>
      call('order.cancelRefund', { refundId }, { idempotencyKey }),
    );
    if (!next) return;
    void Taro.showToast({ title: '已撤销申请', icon: 'success' });
    void remote.reload();
  };

  const hasActions =
    order.actions.pay ||
    order.actions.cancel ||
    order.actions.confirmReceipt ||
    order.actions.requestRefund ||
    canReorder(order);
  return (
    <View className={`page order-detail ${hasActions ? 'has-bar' : ''}`} id="page-order-detail">
      {/* The order number is copied through setClipboardData, a private API on weapp. */}
      <PrivacyPopup />
      <StatusHeader order={order} onExpired={() => void remote.reload()} />
      <DeliveryInfo order={order} />
      <TrackingTimeline order={order} />
      <PickupStore order={order} />
      {/* a group-buy order links to its team (seats, countdown, invite). */}
      {order.groupBuy?.teamId && (
        <View
          className="card order-detail__groupbuy"
          id="detail-groupbuy"
          onClick={() =>
            void Taro.navigateTo({
              url: `/packages/groupbuy/team?teamId=${encodeURIComponent(order.groupBuy!.teamId!)}`,
            })
          }
        >
          查看拼团详情 ›
        </View>
      )}
      <OrderLines lines={order.lines} id="detail-lines" />
      <AmountRows amounts={order} id="detail-amounts" groupBuy={!!order.groupBuy} />
      <RefundList order={order} cancelling={busy} onCancel={(id) => void cancelRefund(id)} />
      <OrderInfo order={order} />
      <ContactService
        context={{
          kind: 'order',
          id: order.orderId,
          title: `订单 ${order.orderNo}`,
          path: `/packages/order/detail?orderId=${order.orderId}`,
          image: order.lines[0]?.image,
        }}
      />
      {hasActions && (
        <View className="order-bar order-bar--actions" id="detail-actions">
          <OrderActions order={order} onChanged={() => void remote.reload()} size="normal" />
        </View>
      )}
    </View>
  );
}
