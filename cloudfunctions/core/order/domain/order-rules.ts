import type { OrderStatus, OrderTab } from '../../contract';

/** Per-store numbers (ARCHITECTURE.md "Orders"); one place to change them. */
export const ORDER_RULES = {
  /** Unpaid orders expire after this; stock, coupon and points are released. */
  paymentWindowMinutes: 30,
  /** Shipped orders complete by themselves after this many days. */
  autoConfirmDays: 7,
  /** After completion the customer may ask for a refund for this long; then the order settles. */
  refundWindowDays: 7,
  /** Express fee below the tier's free-shipping threshold. */
  expressFeeFen: 1_000,
} as const;

/** Statuses each list tab shows. */
export const TAB_STATUSES: Record<OrderTab, OrderStatus[]> = {
  pending_payment: ['pending_payment'],
  to_ship: ['paid', 'grouping'],
  to_receive: ['shipped', 'ready_for_pickup'],
  done: ['completed', 'settled'],
  after_sale: ['refunding', 'refunded'],
};

/** Statuses from which the customer may ask for a refund (completed only within the window). */
export const REFUNDABLE: OrderStatus[] = ['paid', 'shipped', 'ready_for_pickup', 'completed'];

/**
 * Statuses from which the store may refund on its own initiative: the customer's, plus settled orders
 * and `grouping` (a failed team's automatic refund that WeChat refused; an open team's seat is
 * refused later, in openRefund).
 */
export const STORE_REFUNDABLE: OrderStatus[] = [...REFUNDABLE, 'settled', 'grouping'];

/**
 * Statuses that count as a kept purchase for repurchase cycles, RFM and conversion: paid and neither
 * cancelled nor refunded (nor on the way to a refund), and not a group-buy still waiting for its team,
 * which may yet be refunded whole.
 */
export const PURCHASED_STATUSES: OrderStatus[] = ['paid', 'shipped', 'ready_for_pickup', 'completed', 'settled'];

export interface OrderFacts {
  status: OrderStatus;
  expiresAt: Date;
  completedAt: Date | null;
  hasOpenRefund: boolean;
}

/** What the customer may do with an order now. */
export function customerActions(o: OrderFacts, now: Date) {
  const refundWindowOpen =
    o.status !== 'completed' ||
    (o.completedAt !== null && now.getTime() < o.completedAt.getTime() + ORDER_RULES.refundWindowDays * 86_400_000);
  return {
    pay: o.status === 'pending_payment' && now < o.expiresAt,
    cancel: o.status === 'pending_payment',
    confirmReceipt: o.status === 'shipped',
    requestRefund: REFUNDABLE.includes(o.status) && refundWindowOpen && !o.hasOpenRefund,
    /** The store's 退款 button (manager.refundOrder); the customer's pages ignore it. */
    storeRefund: STORE_REFUNDABLE.includes(o.status),
  };
}
