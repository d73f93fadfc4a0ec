/**
 * The order's states and every move between them, declared once (as Vendure declares its order
 * process). `transitionOrder` (order.repo) takes a transition's name and nothing else decides where
 * an order may go; the status groups the rest of the code asks about (which orders a customer may
 * refund, which were paid, which hold stock or a coupon) are declared beside the table.
 *
 * Pure. The status vocabulary itself is the contract's (contract/statuses.ts): clients see it.
 */

import { ORDER_STATUSES, type OrderStatus } from '../../contract/statuses';

export { ORDER_STATUSES, type OrderStatus };

/**
 * Who causes a move: the least role that may (as the contract names roles), the system's own timers
 * and outbox, or WeChat Pay's answer. Documentation for the reader; the dispatcher checks roles.
 */
export type Actor = 'customer' | 'staff' | 'manager' | 'system' | 'wechat';

/** Statuses from which the customer may ask for a refund (completed only within the window). */
const REFUNDABLE: readonly OrderStatus[] = ['paid', 'shipped', 'ready_for_pickup', 'completed'];

/**
 * Statuses from which the store may refund on its own initiative: the customer's, plus settled orders
 * and `grouping` (a failed team's automatic refund that WeChat refused; an open team's seat is
 * refused later, in openRefund).
 */
export const STORE_REFUNDABLE: readonly OrderStatus[] = [...REFUNDABLE, 'settled', 'grouping'];

export interface OrderTransition {
  name: string;
  from: readonly OrderStatus[];
  /** `previous`: back to the status the order had when its refund opened (`status_before_refund`). */
  to: OrderStatus | 'previous';
  by: Actor;
}

/** Every move an order makes. A move is one conditional update: of racing callers exactly one wins. */
export const ORDER_TRANSITIONS = [
  { name: 'pay', from: ['pending_payment'], to: 'paid', by: 'wechat' },
  { name: 'cancel', from: ['pending_payment'], to: 'cancelled', by: 'customer' },
  { name: 'expire', from: ['pending_payment'], to: 'cancelled', by: 'system' },
  { name: 'joinGroup', from: ['paid'], to: 'grouping', by: 'system' },
  // A payment that found no seat: through `grouping` on its way to a refund (see take-seat.ts).
  { name: 'refuseSeat', from: ['paid'], to: 'grouping', by: 'system' },
  { name: 'groupSucceeded', from: ['grouping'], to: 'paid', by: 'system' },
  { name: 'ship', from: ['paid'], to: 'shipped', by: 'manager' },
  { name: 'readyForPickup', from: ['paid'], to: 'ready_for_pickup', by: 'manager' },
  { name: 'verifyPickup', from: ['ready_for_pickup'], to: 'completed', by: 'staff' },
  { name: 'confirmReceipt', from: ['shipped'], to: 'completed', by: 'customer' },
  // The customer confirmed in WeChat's confirm-receipt component and WeChat's order query agrees.
  { name: 'wechatConfirmReceipt', from: ['shipped'], to: 'completed', by: 'wechat' },
  { name: 'autoConfirm', from: ['shipped'], to: 'completed', by: 'system' },
  { name: 'settle', from: ['completed'], to: 'settled', by: 'system' },
  { name: 'requestRefund', from: REFUNDABLE, to: 'refunding', by: 'customer' },
  { name: 'storeRefund', from: STORE_REFUNDABLE, to: 'refunding', by: 'manager' },
  { name: 'retryRefund', from: STORE_REFUNDABLE, to: 'refunding', by: 'manager' },
  // A group-buy payment without a seat, or a failed team: the whole order goes back.
  { name: 'groupRefund', from: ['paid', 'grouping'], to: 'refunding', by: 'system' },
  { name: 'refundRejected', from: ['refunding'], to: 'previous', by: 'manager' },
  // The customer withdrew the request before the store decided.
  { name: 'refundCancelled', from: ['refunding'], to: 'previous', by: 'customer' },
  { name: 'refundFailed', from: ['refunding'], to: 'previous', by: 'wechat' },
  // Some lines refunded, others left: the order carries on where it was.
  { name: 'partlyRefunded', from: ['refunding'], to: 'previous', by: 'wechat' },
  { name: 'refunded', from: ['refunding'], to: 'refunded', by: 'wechat' },
  // WeChat paid out a refund recorded failed: the order has moved on from `refunding` since, and the
  // money left, so whatever it became (any status the refund could have returned it to, or later) it
  // ends refunded when no line is left.
  { name: 'refundReconciled', from: STORE_REFUNDABLE, to: 'refunded', by: 'wechat' },
] as const satisfies readonly OrderTransition[];

type Declared = (typeof ORDER_TRANSITIONS)[number];
export type OrderTransitionName = Declared['name'];
/** Transitions whose target is the status the order had before its refund opened. */
export type ReturningTransitionName = Extract<Declared, { to: 'previous' }>['name'];

const BY_NAME = new Map<string, OrderTransition>(ORDER_TRANSITIONS.map((t) => [t.name, t]));

function orderTransition(name: OrderTransitionName): OrderTransition {
  return BY_NAME.get(name)!;
}

/**
 * Where a `previous` transition may lead: the statuses a refund can open from (what
 * `status_before_refund` holds). Derived from the table, so a new way into `refunding` widens it.
 */
export const RESUMABLE: readonly OrderStatus[] = ORDER_STATUSES.filter((s) =>
  ORDER_TRANSITIONS.some((t) => t.to === 'refunding' && canTransition(s, t.name)),
);

/** Whether an order in `status` may take the named transition. */
export function canTransition(status: OrderStatus, name: OrderTransitionName): boolean {
  return orderTransition(name).from.includes(status);
}

/** The statuses one step away from `status`, `previous` read as every status it may stand for. */
function nextStatuses(status: OrderStatus): OrderStatus[] {
  const out = new Set<OrderStatus>();
  for (const t of ORDER_TRANSITIONS) {
    if (!canTransition(status, t.name)) continue;
    for (const to of t.to === 'previous' ? RESUMABLE : [t.to]) out.add(to);
  }
  return [...out];
}

/** Every status reachable from `start` (itself included), in the order of ORDER_STATUSES. */
export function reachableFrom(start: OrderStatus): OrderStatus[] {
  const seen = new Set<OrderStatus>([start]);
  const queue: OrderStatus[] = [start];
  while (queue.length > 0) {
    for (const next of nextStatuses(queue.shift()!)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return ORDER_STATUSES.filter((s) => seen.has(s));
}

/**
 * The conditional update a named transition makes: the statuses it may leave (narrowed to `only`
 * when the caller holds the status it read: a compare-and-set on what it saw) and the one it goes to.
 * A `previous` transition takes its target from the caller (the order's `status_before_refund`),
 * which must be one the table allows. A wrong target is a bug, so it throws.
 */
export function resolveTransition(
  name: OrderTransitionName,
  opts: { to?: OrderStatus; only?: readonly OrderStatus[] } = {},
): { from: OrderStatus[]; to: OrderStatus } {
  const t = orderTransition(name);
  const from = opts.only ? t.from.filter((s) => opts.only!.includes(s)) : [...t.from];
  if (t.to !== 'previous') {
    if (opts.to !== undefined) throw new Error(`order transition ${name} goes to ${t.to}; it takes no target`);
    return { from, to: t.to };
  }
  if (opts.to === undefined || !RESUMABLE.includes(opts.to)) {
    throw new Error(`order transition ${name} cannot return an order to ${String(opts.to)}`);
  }
  return { from, to: opts.to };
}

// Status groups the rest of the code asks about, from the table or declared here once.

/** Statuses an order can only reach by being paid: everything reachable from `paid`. */
export const PAID_STATUSES: readonly OrderStatus[] = reachableFrom(orderTransition('pay').to as OrderStatus);

/**
 * Statuses that hold the stock `order.create` reserved: every one but those a cancel or an expiry
 * leads to (the holds are released there). Refunded lines give their stock back line by line.
 */
export const HOLDS_STOCK: readonly OrderStatus[] = ORDER_STATUSES.filter(
  (s) => s !== orderTransition('cancel').to && s !== orderTransition('expire').to,
);

/** Statuses that still hold the order's coupon: a cancel or a whole refund hands it back. */
export const HOLDS_COUPON: readonly OrderStatus[] = HOLDS_STOCK.filter((s) => s !== orderTransition('refunded').to);

/**
 * Statuses that count as a kept purchase for repurchase cycles, RFM and conversion: paid and neither
 * cancelled nor refunded (nor on the way to a refund), and not a group-buy still waiting for its team,
 * which may yet be refunded whole.
 */
export const PURCHASED_STATUSES: readonly OrderStatus[] = [
  'paid',
  'shipped',
  'ready_for_pickup',
  'completed',
  'settled',
];
