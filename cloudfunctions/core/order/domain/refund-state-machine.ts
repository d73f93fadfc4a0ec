/**
 * A refund's states and every move between them, declared once beside the order's
 * (order-state-machine.ts). `moveRefund` (refund.repo) takes a transition's name.
 *
 * Pure. The status vocabulary itself is the contract's (contract/statuses.ts).
 */
import type { Actor } from './order-state-machine';

import { REFUND_STATUSES, type RefundStatus } from '../../contract/statuses';

export { REFUND_STATUSES, type RefundStatus };

/**
 * A new refund starts `requested` (the customer asked; a manager decides) or `approved` (the store's
 * own refund, a failed team, a payment returned: the decision is already made).
 */
export const REFUND_INITIAL_STATUSES: readonly RefundStatus[] = ['requested', 'approved'];

/** Handed to WeChat Pay (or about to be), its answer not yet in. */
export const AWAITING_WECHAT: readonly RefundStatus[] = ['approved', 'processing'];

/**
 * Refunds that count against their payment's money: approved, on their way or done. The database
 * trigger `refunds_within_payment` (migration 0017) restates this list in SQL; a spec holds the two equal.
 */
export const COMMITTED_REFUND_STATUSES: readonly RefundStatus[] = [...AWAITING_WECHAT, 'succeeded'];

/** Refunds still open: an order has at most one (the unique index `refunds_one_open`, migration 0017). */
export const OPEN_REFUND_STATUSES: readonly RefundStatus[] = ['requested', ...AWAITING_WECHAT];

export interface RefundTransition {
  name: string;
  from: readonly RefundStatus[];
  to: RefundStatus;
  by: Actor;
}

/** Every move a refund makes, each a conditional update: of racing callers exactly one wins. */
export const REFUND_TRANSITIONS = [
  { name: 'approve', from: ['requested'], to: 'approved', by: 'manager' },
  { name: 'reject', from: ['requested'], to: 'rejected', by: 'manager' },
  // The customer withdraws a request the store has not decided yet; it races approve and reject.
  { name: 'cancel', from: ['requested'], to: 'cancelled', by: 'customer' },
  // WeChat Pay accepted the request; its outcome comes by callback or by asking.
  { name: 'submit', from: ['approved'], to: 'processing', by: 'system' },
  // From `failed` too: WeChat paid out after it told us the refund closed, and the record must say
  // the money left (reconciliation).
  { name: 'succeed', from: ['approved', 'processing', 'failed'], to: 'succeeded', by: 'wechat' },
  { name: 'fail', from: AWAITING_WECHAT, to: 'failed', by: 'wechat' },
  // Sent to WeChat again with the same outRefundNo.
  { name: 'retry', from: ['failed'], to: 'approved', by: 'manager' },
] as const satisfies readonly RefundTransition[];

export type RefundTransitionName = (typeof REFUND_TRANSITIONS)[number]['name'];

const BY_NAME = new Map<string, RefundTransition>(REFUND_TRANSITIONS.map((t) => [t.name, t]));

export function refundTransition(name: RefundTransitionName): RefundTransition {
  return BY_NAME.get(name)!;
}

/** Whether a refund in `status` may take the named transition. */
export function canMoveRefund(status: RefundStatus, name: RefundTransitionName): boolean {
  return refundTransition(name).from.includes(status);
}
