import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { call, isTransportError, newIdempotencyKey, toastError } from '../../../api';
import type { OrderView, WechatReceiptOutcome } from '../../../../cloudfunctions/core/contract';
import { confirmReceiptInWechat, type WechatReceiptResult } from '../wechat-receipt';
import { useCart } from '../../../stores/cart';

type Mutation = 'order.cancel' | 'order.confirmReceipt';

const CONFIRM: Record<Mutation, { title: string; content: string; done: string }> = {
  'order.cancel': { title: '取消订单', content: '确定取消这个订单吗？', done: '订单已取消' },
  'order.confirmReceipt': { title: '确认收货', content: '请确认已收到全部商品', done: '已确认收货' },
};

/** What the customer reads after WeChat's confirm-receipt component returned. */
function receiptToast(outcome: WechatReceiptOutcome, result: WechatReceiptResult) {
  if (outcome === 'completed') return { title: '已确认收货', icon: 'success' as const };
  if (outcome === 'unverified') return { title: '已提交，微信确认后订单完成', icon: 'none' as const };
  if (result.status === 'cancel') return { title: '已取消确认收货', icon: 'none' as const };
  return { title: result.errorMessage || '确认收货未完成，请稍后再试', icon: 'none' as const };
}

function goPay(orderId: string) {
  void Taro.navigateTo({ url: `/packages/order/pay?orderId=${encodeURIComponent(orderId)}` });
}

/** 再来一单 is offered once an order is past payment and not waiting on a team or a refund. */
export function canReorder(order: Pick<OrderView, 'status'>): boolean {
  return !['pending_payment', 'grouping', 'refunding'].includes(order.status);
}

/**
 * 再来一单: the server says which SKUs can be bought again (at most the stock left); they go into the
 * cart, which prices them at today's prices. What was left out is named in the server's notice.
 */
async function reorder(orderId: string): Promise<void> {
  const plan = await call('order.reorder', { orderId });
  const add = useCart.getState().add;
  for (const item of plan.items) add(item.skuId, item.qty);
  if (plan.items.length === 0) {
    void Taro.showToast({ title: plan.notice ?? '没有可加入购物车的商品', icon: 'none', duration: 2500 });
    return;
  }
  // The toast is the app's, not the page's: it stays up while the cart tab opens.
  void Taro.showToast({ title: plan.notice ?? '已加入购物车', icon: plan.notice ? 'none' : 'success', duration: 2500 });
  void Taro.switchTab({ url: '/pages/cart/index' });
}

/** The buttons the server allows now (`order.actions`): 去支付 取消订单 确认收货 申请售后. */
export function OrderActions({
  order,
  onChanged,
  size = 'small',
}: {
  order: OrderView;
  onChanged: (o: OrderView) => void;
  size?: 'small' | 'normal';
}) {
  const [busy, setBusy] = useState<Mutation | 'reorder'>();
  // One key per intent: a retry after a network error replays instead of acting twice.
  const keys = useRef<Partial<Record<Mutation, string>>>({});
  const a = order.actions;
  const again = canReorder(order);
  if (!a.pay && !a.cancel && !a.confirmReceipt && !a.requestRefund && !again) return null;

  const buyAgain = async () => {
    setBusy('reorder');
    try {
      await reorder(order.orderId);
    } catch (err) {
      toastError(err);
    } finally {
      setBusy(undefined);
    }
  };

  const mutate = async (name: Mutation) => {
    const text = CONFIRM[name];
    const ok = await Taro.showModal({ title: text.title, content: text.content, confirmColor: '#3F6B57' });
    if (!ok.confirm) return;
    const key = (keys.current[name] ??= newIdempotencyKey());
    setBusy(name);
    try {
      const next = await call(name, { orderId: order.orderId }, { idempotencyKey: key });
      keys.current[name] = undefined;
      void Taro.showToast({ title: text.done, icon: 'success' });
      onChanged(next);
    } catch (err) {
      if (!isTransportError(err)) keys.current[name] = undefined;
      toastError(err);
    } finally {
      setBusy(undefined);
    }
  };
  // Under 发货信息管理 WeChat holds the payment until the customer confirms in WeChat's own component;
  // its answer is reported to the server, which completes the order once WeChat confirms it.
  const confirmInWechat = async (params: NonNullable<OrderView['wechatReceipt']>) => {
    setBusy('order.confirmReceipt');
    try {
      const result = await confirmReceiptInWechat(params);
      if (!result) {
        onChanged(await call('order.get', { orderId: order.orderId }));
        return;
      }
      const report = { orderId: order.orderId, status: result.status, errorMessage: result.errorMessage };
      const key = newIdempotencyKey();
      // The same report and key on a network retry: the server records it once.
      const send = () => call('order.recordWechatReceipt', report, { idempotencyKey: key });
      const answer = await send().catch((err: unknown) => (isTransportError(err) ? send() : Promise.reject(err)));
      void Taro.showToast(receiptToast(answer.outcome, result));
      onChanged(answer.order);
    } catch (err) {
      toastError(err);
    } finally {
      setBusy(undefined);
    }
  };
  const confirmReceipt = () => {
    const params = order.wechatReceipt;
    if (process.env.TARO_ENV === 'weapp' && params) void confirmInWechat(params);
    else void mutate('order.confirmReceipt');
  };
  const stop = (fn: () => void) => (e: { stopPropagation?: () => void }) => {
    e.stopPropagation?.();
    fn();
  };
  const id = order.orderId;
  return (
    <View className="order-actions">
      {again && (
        <Button
          size={size}
          fill="outline"
          id={`btn-reorder-${id}`}
          loading={busy === 'reorder'}
          disabled={busy === 'reorder'}
          onClick={stop(() => void buyAgain())}
        >
          再来一单
        </Button>
      )}
      {a.requestRefund && (
        <Button
          size={size}
          fill="outline"
          id={`btn-refund-${id}`}
          className="order-actions__muted"
          onClick={stop(
            () => void Taro.navigateTo({ url: `/packages/order/refund?orderId=${encodeURIComponent(id)}` }),
          )}
        >
          申请售后
        </Button>
      )}
      {a.cancel && (
        <Button
          size={size}
          fill="outline"
          id={`btn-cancel-${id}`}
          className="order-actions__muted"
          loading={busy === 'order.cancel'}
          onClick={stop(() => void mutate('order.cancel'))}
        >
          取消订单
        </Button>
      )}
      {a.confirmReceipt && (
        <Button
          size={size}
          type="primary"
          id={`btn-confirm-${id}`}
          loading={busy === 'order.confirmReceipt'}
          onClick={stop(confirmReceipt)}
        >
          确认收货
        </Button>
      )}
      {a.pay && (
        <Button size={size} type="primary" id={`btn-pay-${id}`} onClick={stop(() => goPay(id))}>
          去支付
        </Button>
      )}
    </View>
  );
}
