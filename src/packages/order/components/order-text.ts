import dayjs from 'dayjs';
import { shanghaiTime } from '../../../utils/shanghai-time';
import type {
  DeliveryType,
  OrderStatus,
  OrderTab,
  OrderView,
  RefundType,
  RefundView,
} from '../../../../cloudfunctions/core/contract';

const STATUS_TEXT: Record<OrderStatus, string> = {
  pending_payment: '待付款',
  paid: '待发货',
  grouping: '拼团中',
  shipped: '待收货',
  ready_for_pickup: '待自提',
  completed: '已完成',
  settled: '已完成',
  cancelled: '已取消',
  refunding: '退款中',
  refunded: '已退款',
};

/** The refund a `refunding` order is waiting on (at most one is open). */
function openRefund(refunds: RefundView[] | undefined): RefundView | undefined {
  return refunds?.find((r) => r.status === 'requested' || r.status === 'approved' || r.status === 'processing');
}

/**
 * The customer-facing status; a paid pickup order waits for the store to prepare it, and a
 * `refunding` order says whether the store has still to decide (退款审核中) or the money is on its way.
 */
export function statusText(
  order: Pick<OrderView, 'status' | 'delivery' | 'groupBuy'> & { refunds?: OrderView['refunds'] },
): string {
  if (order.status === 'refunding' && openRefund(order.refunds)?.status === 'requested') return '退款审核中';
  // a group-buy order whose team succeeded says so until it moves on to fulfilment.
  if (order.status === 'paid' && order.groupBuy?.teamStatus === 'succeeded') return '拼团成功';
  // A failed team (or a payment that found no seat) whose refund WeChat refused: the store refunds it by hand.
  if (
    order.status === 'grouping' &&
    (order.groupBuy?.teamStatus === 'failed' || order.groupBuy?.teamStatus === 'refused')
  )
    return '拼团失败';
  if (order.status === 'paid' && order.delivery.type === 'pickup') return '待备货';
  return STATUS_TEXT[order.status];
}

export const REFUND_STATUS_TEXT: Record<RefundView['status'], string> = {
  requested: '待审核',
  approved: '已同意',
  processing: '退款中',
  succeeded: '退款成功',
  failed: '退款失败',
  rejected: '已拒绝',
  cancelled: '已撤销',
};

export const REFUND_TYPE_TEXT: Record<RefundType, string> = {
  refund_only: '仅退款',
  return_refund: '退货退款',
};

/**
 * The detail header's words while an after-sale request is open, just settled or refused: the
 * header follows the refund record beneath it. Null: the order's own status and hint speak.
 */
export function refundHeadline(order: OrderView): { title: string; hint: string } | null {
  const open = openRefund(order.refunds);
  if (order.status === 'refunding' && open?.status === 'requested') {
    return { title: '退款审核中', hint: '售后申请已提交，等待商家审核；审核前可撤销申请' };
  }
  if (order.status === 'refunding') {
    const hint =
      open?.refundType === 'return_refund'
        ? '商家已同意，请按售后记录中的地址寄回商品；款项将原路退回'
        : '商家已同意，款项将原路退回';
    return { title: '退款中', hint };
  }
  if (order.status === 'refunded') return { title: '已退款', hint: '款项已原路退回' };
  const last = order.refunds[order.refunds.length - 1];
  if (last?.status === 'rejected') {
    const why = last.rejectReason ? `拒绝原因：${last.rejectReason}。` : '';
    return { title: '退款被拒', hint: `${why}订单当前${statusText(order)}，可再次申请售后` };
  }
  return null;
}

/** The group-buy line at checkout: a pickup team is collected at the counter, not shipped. */
export function groupBuyNote(joining: boolean, delivery: DeliveryType): string {
  if (!joining) return '拼团：支付后开团，邀请好友参团';
  return delivery === 'pickup' ? '拼团：参与好友的团，成团后到店自提' : '拼团：参与好友的团，成团后发货';
}

/** The order list's tabs; `all` is sent as no status. */
export const ORDER_TABS: Array<{ value: OrderTab | 'all'; title: string }> = [
  { value: 'all', title: '全部' },
  { value: 'pending_payment', title: '待付款' },
  { value: 'to_ship', title: '待发货' },
  { value: 'to_receive', title: '待收货' },
  { value: 'done', title: '已完成' },
  { value: 'after_sale', title: '退款/售后' },
];

/** `shanghaiTime` for fields that may be empty (an order not yet paid): '' for none, the raw text if unparsable. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return dayjs(iso).isValid() ? shanghaiTime(iso) : iso;
}

/** Total pieces in an order, for "共 N 件" (a count, not money). */
export function pieces(order: Pick<OrderView, 'lines'>): number {
  return order.lines.reduce((n, l) => n + l.qty, 0);
}
