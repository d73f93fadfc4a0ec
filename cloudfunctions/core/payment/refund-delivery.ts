import { z } from 'zod';
import type { CallContext } from '../context';
import type { Db, Executor } from '../db/db';
import { enqueue, type PayloadOf } from '../outbox/outbox';
import { recordAnomaly } from './anomalies';
import type { CallbackAnswer } from './pay-callback';
import type { PayPort, RefundQuery } from '../platform/platform';
import {
  AWAITING_WECHAT,
  checkoutSeams,
  findLines,
  findOrder,
  lockRefundRoom,
  moveRefund,
  releaseStock,
  transitionOrder,
} from '../order';

/** How long after WeChat accepted a refund we expect its callback before asking again. */
const REFUND_CALLBACK_PATIENCE_MS = 30 * 60_000;

type RefundRow = NonNullable<Awaited<ReturnType<typeof findRefund>>>;
type KnownRefund = Extract<RefundQuery, { found: true }>;

const refundFacts = (refund: RefundRow) => ({
  transactionId: refund.transaction_id,
  amountFen: refund.amount_fen,
  outRefundNo: refund.out_refund_no,
});

function findRefund(exec: Executor, q: { id?: string; outRefundNo?: string }) {
  let query = exec.selectFrom('refunds').selectAll();
  if (q.id) query = query.where('id', '=', q.id);
  if (q.outRefundNo) query = query.where('out_refund_no', '=', q.outRefundNo);
  return query.executeTakeFirst();
}

/** WeChat closed the refund: it ends failed (visible under 售后审核 -> 失败) and an order refund hands the order back. */
async function failRefund(tx: Executor, refund: RefundRow, reason: string) {
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
 * say so; if another refund has claimed that money since, it is kept as an anomaly for the operator.
 */
async function applySucceeded(tx: Executor, refund: RefundRow, wxRefundId: string | null, now: Date): Promise<string> {
  const reconciling = refund.status === 'failed';
  if (reconciling && refund.amount_fen > (await lockRefundRoom(tx, refund.transaction_id))) {
    await recordAnomaly(
      tx,
      'refund_conflict',
      refundFacts(refund),
      'WeChat paid out a refund recorded failed, and the payment has no room left for it',
      { wxRefundId },
    );
    return 'ok (late success conflicts, recorded for the operator)';
  }
  const won = await moveRefund(tx, refund.id, 'succeed', {
    completed_at: now,
    wx_refund_id: wxRefundId,
    failure_reason: null,
  });
  if (!won) return 'ok (already recorded)';
  if (refund.kind !== 'order') return 'ok';
  const order = (await findOrder(tx, refund.order_id))!;
  const lines = await findLines(tx, [order.id]);
  // Lines another refund returned meanwhile (only possible when reconciling) keep that refund.
  const mine = lines.filter((l) => refund.line_ids.includes(l.id) && l.refund_id === null);
  if (mine.length > 0)
    await tx
      .updateTable('order_lines')
      .set({ refund_id: refund.id })
      .where(
        'id',
        'in',
        mine.map((l) => l.id),
      )
      .where('refund_id', 'is', null)
      .execute();
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
  if (reconciling && (order.status === 'refunding' || order.status === 'refunded')) return 'ok (reconciled)';
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
  return reconciling ? 'ok (reconciled)' : 'ok';
}

/** Applies what WeChat Pay itself says about a refund, under the refund row's lock. */
async function settleRefund(
  db: Db,
  refundId: string,
  known: KnownRefund,
  failureReason: string,
  now: Date,
): Promise<string> {
  return db.kysely.transaction().execute(async (tx) => {
    await tx.selectFrom('refunds').select('id').where('id', '=', refundId).forUpdate().execute();
    const refund = (await findRefund(tx, { id: refundId }))!;
    if (known.status === 'SUCCESS') return applySucceeded(tx, refund, known.refundId, now);
    if (known.status === 'PROCESSING') return 'ok (still processing)';
    if (!AWAITING_WECHAT.includes(refund.status)) return 'ok (already recorded)';
    await failRefund(tx, refund, failureReason);
    return 'ok (refund failed, recorded)';
  });
}

async function sendRefund(ctx: CallContext, refund: RefundRow) {
  const order = (await findOrder(ctx.db.kysely, refund.order_id))!;
  const payment = await ctx.db.kysely
    .selectFrom('payments')
    .select('amount_fen')
    .where('transaction_id', '=', refund.transaction_id)
    .executeTakeFirstOrThrow();
  return ctx.platform.pay.refund({
    outTradeNo: order.order_no,
    outRefundNo: refund.out_refund_no,
    totalFee: payment.amount_fen,
    refundFee: refund.amount_fen,
    refundDesc: refund.reason.slice(0, 80),
  });
}

/**
 * Outbox `refund.request`: hands the refund to WeChat Pay; a retry carries the same outRefundNo, so
 * WeChat refunds once. Once accepted, a `refund.check` is scheduled in case the callback never comes.
 * A refusal is WeChat Pay's own answer on its own channel, so it fails the refund at once.
 */
export async function submitRefund(ctx: CallContext, payload: { refundId: string }): Promise<'done' | 'retry'> {
  const db = ctx.db.kysely;
  const refund = await findRefund(db, { id: payload.refundId });
  if (!refund || !AWAITING_WECHAT.includes(refund.status)) return 'done';
  const submission = await sendRefund(ctx, refund);
  if (submission.accepted) {
    await db.transaction().execute(async (tx) => {
      await moveRefund(tx, refund.id, 'submit');
      await enqueue(tx, {
        topic: 'refund.check',
        dedupeKey: `refund-check:${refund.id}:${refund.decided_at?.getTime() ?? 0}`,
        payload: { refundId: refund.id },
        now: ctx.now,
        notBefore: new Date(ctx.now.getTime() + REFUND_CALLBACK_PATIENCE_MS),
      });
    });
    return 'done';
  }
  if (submission.retryable) return 'retry';
  await db.transaction().execute((tx) => failRefund(tx, refund, submission.reason));
  return 'done';
}

/**
 * Outbox `refund.check`: the callback has not arrived. WeChat Pay is asked what became of the refund
 * (`queryRefund`) and its answer settled; while it is still processing (or WeChat never got it), the
 * request goes again with the same outRefundNo, which is safe and makes WeChat send the outcome again.
 * The check repeats with backoff until the refund is settled either way; after the outbox's last
 * attempt it stays visible as a failed message for the operator.
 */
export async function checkRefund(ctx: CallContext, payload: { refundId: string }): Promise<'done' | 'retry'> {
  const refund = await findRefund(ctx.db.kysely, { id: payload.refundId });
  if (!refund || refund.status !== 'processing') return 'done';
  const order = (await findOrder(ctx.db.kysely, refund.order_id))!;
  const known = await ctx.platform.pay.queryRefund({ outTradeNo: order.order_no, outRefundNo: refund.out_refund_no });
  if (known.found && known.status !== 'PROCESSING') {
    await settleRefund(ctx.db, refund.id, known, `WeChat refund ${known.status}`, ctx.now);
    return 'done';
  }
  const submission = await sendRefund(ctx, refund);
  if (!submission.accepted && !submission.retryable) {
    await ctx.db.kysely.transaction().execute((tx) => failRefund(tx, refund, submission.reason));
    return 'done';
  }
  return 'retry';
}

/** Emitted when money went back: points, growth and referral rewards reverse what the order earned. */
export type OrderRefundedEvent = PayloadOf<'order.refunded'>;

const refundCallbackEvent = z
  .object({
    returnCode: z.string(),
    refundStatus: z.string().optional(),
    outRefundNo: z.string().max(64).optional(),
    refundId: z.string().max(64).optional(),
    refundFee: z.coerce.number().int().optional(),
  })
  .passthrough();

/** The event's refundStatus in the words of `RefundQuery`. */
const CLAIMED: Record<string, KnownRefund['status']> = {
  SUCCESS: 'SUCCESS',
  REFUNDCLOSE: 'CLOSED',
  CHANGE: 'ABNORMAL',
  PROCESSING: 'PROCESSING',
};

/**
 * refundCallback: a refund outcome. The event only says which refund to look at: what happened is
 * asked of WeChat Pay (`queryRefund`) and that answer is applied, so a forged REFUNDCLOSE cannot fail a
 * refund WeChat is paying (and open the way to a second one), and a forged SUCCESS cannot close one it
 * refused. An event that disagrees with WeChat is recorded as an anomaly. Duplicates and unknown
 * refunds are acknowledged without change; a query that fails throws, so WeChat delivers again.
 */
export async function handleRefundCallback(
  db: Db,
  raw: unknown,
  now: Date,
  pay: Pick<PayPort, 'queryRefund'>,
): Promise<CallbackAnswer> {
  const parsed = refundCallbackEvent.safeParse(raw);
  if (!parsed.success || parsed.data.returnCode !== 'SUCCESS' || !parsed.data.outRefundNo) {
    console.warn(JSON.stringify({ alert: 'refund_callback_ignored', raw }));
    return { errcode: 0, errmsg: 'ignored' };
  }
  const event = parsed.data;
  const refund = await findRefund(db.kysely, { outRefundNo: event.outRefundNo! });
  if (!refund) return { errcode: 0, errmsg: 'ok (no such refund of ours)' };
  const order = (await findOrder(db.kysely, refund.order_id))!;
  const known = await pay.queryRefund({ outTradeNo: order.order_no, outRefundNo: refund.out_refund_no });
  if (!known.found) {
    await recordAnomaly(
      db.kysely,
      'unconfirmed_refund',
      refundFacts(refund),
      `callback says ${event.refundStatus}, WeChat knows no such refund`,
      event,
    );
    return { errcode: 0, errmsg: 'recorded: refund not confirmed by WeChat Pay' };
  }
  if (CLAIMED[event.refundStatus ?? ''] !== known.status) {
    await recordAnomaly(
      db.kysely,
      'unconfirmed_refund',
      refundFacts(refund),
      `callback says ${event.refundStatus}, WeChat says ${known.status}`,
      event,
    );
  }
  const reason =
    CLAIMED[event.refundStatus ?? ''] === known.status
      ? `WeChat refundStatus ${event.refundStatus}`
      : `WeChat refund ${known.status}`;
  const errmsg = await settleRefund(db, refund.id, known, reason, now);
  return { errcode: 0, errmsg };
}
