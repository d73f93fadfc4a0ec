import type { OrderStatus, OrderTab, RefundType } from '../../contract';
import { EXPRESS_FEE_FEN } from '../../shared/shipping';
import { canTransition } from './order-state-machine';

/** Fixed numbers; the store's own rules (payment window, auto-confirm, refund window) are store settings. */
export const ORDER_RULES = {
  /** Express fee below the tier's free-shipping threshold. */
  expressFeeFen: EXPRESS_FEE_FEN,
} as const;

/**
 * The rules an order is placed under, copied onto it at creation: the timers, the refund window and
 * the points earned at settlement read the order's copy, so a later settings change applies to new
 * orders only.
 */
export interface OrderRulesSnapshot {
  settingsVersion: number | null;
  /** Unpaid orders expire after this; stock, coupon and points are released. */
  paymentWindowMinutes: number;
  /** Shipped orders complete by themselves after this many days. */
  autoConfirmDays: number;
  /** After completion the customer may ask for a refund for this long; then the order settles. */
  refundWindowDays: number;
  /** Points per paid yuan before the tier multiplier. */
  pointsPerYuan: number;
  /** Points that paid ¥1 at checkout (the order's points discount was priced at it). */
  redeemPointsPerYuan: number;
}

export function orderRulesSnapshot(s: {
  version: number;
  settings: {
    orderRules: { paymentWindowMinutes: number; autoConfirmDays: number; refundWindowDays: number };
    points: { earnPointsPerYuan: number; redeemPointsPerYuan: number };
  };
}): OrderRulesSnapshot {
  return {
    settingsVersion: s.version === 0 ? null : s.version,
    ...s.settings.orderRules,
    pointsPerYuan: s.settings.points.earnPointsPerYuan,
    redeemPointsPerYuan: s.settings.points.redeemPointsPerYuan,
  };
}

/** Statuses each list tab shows. */
export const TAB_STATUSES: Record<OrderTab, OrderStatus[]> = {
  pending_payment: ['pending_payment'],
  to_ship: ['paid', 'grouping'],
  to_receive: ['shipped', 'ready_for_pickup'],
  done: ['completed', 'settled'],
  after_sale: ['refunding', 'refunded'],
};

// The refund and purchase status groups belong to the state machine; re-exported for their readers.
export { PURCHASED_STATUSES } from './order-state-machine';

export interface OrderFacts {
  status: OrderStatus;
  expiresAt: Date;
  completedAt: Date | null;
  hasOpenRefund: boolean;
  /** The order's own refund window (its rules at creation). */
  refundWindowDays: number;
}

/** What the customer may do with an order now. */
export function customerActions(o: OrderFacts, now: Date) {
  const refundWindowOpen =
    o.status !== 'completed' ||
    (o.completedAt !== null && now.getTime() < o.completedAt.getTime() + o.refundWindowDays * 86_400_000);
  return {
    pay: canTransition(o.status, 'pay') && now < o.expiresAt,
    cancel: canTransition(o.status, 'cancel'),
    confirmReceipt: canTransition(o.status, 'confirmReceipt'),
    requestRefund: canTransition(o.status, 'requestRefund') && refundWindowOpen && !o.hasOpenRefund,
    /** The store's 退款 button (manager.refundOrder); the customer's pages ignore it. */
    storeRefund: canTransition(o.status, 'storeRefund'),
  };
}

/**
 * The after-sale requests the customer may open from `status`. Before the goods left the store (paid,
 * or waiting at the counter) there is nothing to send back: 仅退款 only. Once shipped or handed over,
 * both: 退货退款, or 仅退款 for what a return cannot fix (a parcel that never came, a missing piece),
 * which the store reviews like any request.
 */
export function refundTypesFor(status: OrderStatus): RefundType[] {
  if (status === 'shipped' || status === 'completed') return ['return_refund', 'refund_only'];
  return ['refund_only'];
}
