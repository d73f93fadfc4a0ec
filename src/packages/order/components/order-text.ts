import dayjs from 'dayjs';
import { shanghaiTime } from '../../../utils/shanghai-time';
import type { OrderStatus, OrderTab, OrderView, RefundView } from '../../../../cloudfunctions/core/contract';

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

/** The customer-facing status; a paid pickup order waits for the store to prepare it. */
export function statusText(order: Pick<OrderView, 'status' | 'delivery' | 'groupBuy'>): string {
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
};

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
