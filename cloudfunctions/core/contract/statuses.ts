/**
 * The order and refund status vocabularies: part of the public API (clients and the manager's
 * filters name them). Which moves between them are allowed is order's to say
 * (order/domain/order-state-machine.ts, refund-state-machine.ts).
 */

export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  // A paid group-buy order waits here (拼团中) until its team succeeds (-> paid) or fails (refund).
  'grouping',
  'shipped',
  'ready_for_pickup',
  'completed',
  'settled',
  'cancelled',
  'refunding',
  'refunded',
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const REFUND_STATUSES = [
  'requested',
  'approved',
  'rejected',
  'processing',
  'succeeded',
  'failed',
  // The customer withdrew the request before the store decided.
  'cancelled',
] as const;

export type RefundStatus = (typeof REFUND_STATUSES)[number];
