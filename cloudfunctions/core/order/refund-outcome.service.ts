import type { Db, Executor } from '../db/db';
import { enqueue, type PayloadOf } from '../outbox/outbox';
import type { RefundQuery } from '../platform/platform';
import { AWAITING_WECHAT } from './domain/refund-state-machine';
import { findLines, findOrder, releaseStock, transitionOrder } from './repo/order.repo';
import {
  findRefund,
  lockRefund,
  lockRefundRoom,
  markLinesRefunded,
  moveRefund,
  type RefundRow,
} from './repo/refund.repo';
import { checkoutSeams } from './seams';

/** Emitted when money went back: points, growth and referral rewards reverse what the order earned. */
export type OrderRefundedEvent = PayloadOf<'order.refunded'>;

/** What WeChat Pay said about a refund it knows. */
export type KnownRefund = Extract<RefundQuery, { found: true }>;

/** A refund as the payment context needs it to talk to WeChat Pay: the row and its order's number. */
export type RefundForWechat = RefundRow;

/**
 * What became of a WeChat refund outcome on the order's side. `conflict`: WeChat paid out a refund
 * recorded failed and the payment has no room left for it (nothing changed; the caller records it
 * for the operator).
 */
export type RefundOutcome = 'succeeded' | 'reconciled' | 'already' | 'processing' | 'failed' | 'conflict';

/** The refund WeChat Pay's answer or callback is about, by id or by outRefundNo. */
export function findRefundForWechat(
  exec: Executor,
  q: { id: string } | { outRefundNo: string },
): Promise<RefundForWechat | undefined> {
  return findRefund(exec, q);
}

/** WeChat Pay accepted the refund: approved -> processing (once). */
export async function markRefundSubmitted(tx: Executor, refundId: string): Promise<boolean> {
  return moveRefund(tx, refundId, 'submit');
}

/** WeChat closed the refund: it ends failed (visible under 售后审核 -> 失败) and an order refund hands the order back. */
export async function failRefund(tx: Executor, refund: RefundRow, reason: string): Promise<void> {
  if (!(await moveRefund(tx, refund.id, 'fail', { failure_reason: reason }))) return;
  if (refund.kind !== 'order') return;
  const order = (await findOrder(tx, refund.order_id))!;
  await transitionOrder(
    tx,
    order.id,
    'refundFailed',
    { status_before_refund: null },
    { to: order.status_before_refund ?? 'paid' },
  );
}

/**
 * WeChat paid the refund back. Marks it succeeded once (conditional update), and for an order refund
 * marks its lines, restocks them, returns coupon and points when nothing is left unrefunded, moves
 * the order and emits `order.refunded`. A SUCCESS for a refund recorded failed (WeChat changed its
 * mind after we were told it closed) is reconciled the same way: the money left, so the record must
 * say so; if another refund has claimed that money since, it is a `conflict` for the operator.
 */
async function applySucceeded(
  tx: Executor,
  refund: RefundRow,
  wxRefundId: string | null,
  now: Date,
): Promise<RefundOutcome> {
  const reconciling = refund.status === 'failed';
  if (reconciling && refund.amount_fen > (await lockRefundRoom(tx, refund.transaction_id))) return 'conflict';
  const won = await moveRefund(tx, refund.id, 'succeed', {
    completed_at: now,
    wx_refund_id: wxRefundId,
    failure_reason: null,
  });
  if (!won) return 'already';
  if (refund.kind !== 'order') return 'succeeded';
  const order = (await findOrder(tx, refund.order_id))!;
  const lines = await findLines(tx, [order.id]);
  // Lines another refund returned meanwhile (only possible when reconciling) keep that refund.
  const mine = lines.filter((l) => refund.line_ids.includes(l.id) && l.refund_id === null);
  await markLinesRefunded(
    tx,
    refund.id,
    mine.map((l) => l.id),
  );
  for (const line of mine) await releaseStock(tx, line.sku_id, line.qty);
  const allRefunded = lines.every((l) => l.refund_id !== null || mine.includes(l));
  const before = reconciling ? order.status : order.status_before_refund;
  const refunded: OrderRefundedEvent = {
    orderId: order.id,
    storeId: order.store_id,
    memberId: order.member_id,
    refundId: refund.id,
    refundFen: refund.amount_fen,
    wholeOrder: allRefunded,
    afterSettlement: before === 'settled',
    refundedAt: now.toISOString(),
  };
  await enqueue(tx, { topic: 'order.refunded', dedupeKey: `refunded:${refund.id}`, payload: { ...refunded }, now });
  // A reconciled refund finds its order wherever the failure left it; an open refund, in `refunding`.
  if (reconciling && (order.status === 'refunding' || order.status === 'refunded')) return 'reconciled';
  if (allRefunded) {
    const seams = checkoutSeams();
    if (order.points_used > 0) await seams.releasePoints(tx, { memberId: order.member_id, orderId: order.id, now });
    if (order.coupon_id) await seams.releaseCoupon(tx, { couponId: order.coupon_id, orderId: order.id, now });
    if (reconciling)
      await transitionOrder(tx, order.id, 'refundReconciled', { status_before_refund: null }, { only: [order.status] });
    else await transitionOrder(tx, order.id, 'refunded', { status_before_refund: null });
  } else if (!reconciling) {
    await transitionOrder(
      tx,
      order.id,
      'partlyRefunded',
      { status_before_refund: null },
      { to: order.status_before_refund ?? 'paid' },
    );
  }
  return reconciling ? 'reconciled' : 'succeeded';
}

/**
 * Applies what WeChat Pay itself says about a refund (the payment context asked), in a transaction
 * of its own under the refund row's lock: SUCCESS settles it, PROCESSING waits, CLOSED or ABNORMAL
 * fails it with `failureReason`.
 */
export async function applyRefundOutcome(
  db: Db,
  refundId: string,
  known: KnownRefund,
  failureReason: string,
  now: Date,
): Promise<RefundOutcome> {
  return db.kysely.transaction().execute(async (tx) => {
    await lockRefund(tx, refundId);
    const refund = (await findRefund(tx, { id: refundId }))!;
    if (known.status === 'SUCCESS') return applySucceeded(tx, refund, known.refundId, now);
    if (known.status === 'PROCESSING') return 'processing';
    if (!AWAITING_WECHAT.includes(refund.status)) return 'already';
    await failRefund(tx, refund, failureReason);
    return 'failed';
  });
}
