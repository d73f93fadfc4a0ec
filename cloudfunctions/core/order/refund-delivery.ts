import { z } from 'zod';
import type { CallContext } from '../context';
import type { Db, Executor } from '../db/db';
import { enqueue } from '../outbox/outbox';
import type { CallbackAnswer } from '../payment/pay-callback';
import { findLines, findOrder, releaseStock, transitionOrder } from './repo/order.repo';
import { moveRefund } from './repo/refund.repo';
import { checkoutSeams } from './seams';

/** How long after WeChat accepted a refund we expect its callback before asking again. */
export const REFUND_CALLBACK_PATIENCE_MS = 30 * 60_000;

async function failRefund(db: Executor, refund: { id: string; order_id: string }, reason: string) {
  const order = (await findOrder(db, refund.order_id))!;
  if (await moveRefund(db, refund.id, ['approved', 'processing'], { status: 'failed', failure_reason: reason })) {
    await transitionOrder(db, order.id, ['refunding'], order.status_before_refund ?? 'paid', { status_before_refund: null });
  }
}

async function sendRefund(ctx: CallContext, refund: { out_refund_no: string; amount_fen: number; reason: string; order_id: string }) {
  const order = (await findOrder(ctx.db.kysely, refund.order_id))!;
  return ctx.platform.pay.refund({
    outTradeNo: order.order_no,
    outRefundNo: refund.out_refund_no,
    totalFee: order.payable_fen,
    refundFee: refund.amount_fen,
    refundDesc: refund.reason.slice(0, 80),
  });
}

/**
 * Outbox `refund.request`: hands the refund to WeChat Pay; a retry carries the same outRefundNo, so
 * WeChat refunds once. Once accepted, a `refund.check` is scheduled in case the callback never comes.
 */
export async function submitRefund(ctx: CallContext, payload: { refundId: string }): Promise<'done' | 'retry'> {
  const db = ctx.db.kysely;
  const refund = await db.selectFrom('refunds').selectAll().where('id', '=', payload.refundId).executeTakeFirst();
  if (!refund || !['approved', 'processing'].includes(refund.status)) return 'done';
  const submission = await sendRefund(ctx, refund);
  if (submission.accepted) {
    await db.transaction().execute(async (tx) => {
      await moveRefund(tx, refund.id, ['approved'], { status: 'processing' });
      await enqueue(tx, {
        topic: 'refund.check',
        dedupeKey: `refund-check:${refund.id}`,
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
 * Outbox `refund.check`: the callback has not arrived. Asking again with the same outRefundNo is
 * safe (WeChat refunds once per outRefundNo) and makes WeChat send the outcome again; the check
 * repeats with backoff until the refund is settled either way, then ends. After the outbox's last
 * attempt it stays visible as a failed message for the operator.
 */
export async function checkRefund(ctx: CallContext, payload: { refundId: string }): Promise<'done' | 'retry'> {
  const db = ctx.db.kysely;
  const refund = await db.selectFrom('refunds').selectAll().where('id', '=', payload.refundId).executeTakeFirst();
  if (!refund || refund.status !== 'processing') return 'done';
  const submission = await sendRefund(ctx, refund);
  if (!submission.accepted && !submission.retryable) {
    await db.transaction().execute((tx) => failRefund(tx, refund, submission.reason));
    return 'done';
  }
  return 'retry';
}

/** Emitted when money went back: points, growth and referral rewards reverse what the order earned. */
export interface OrderRefundedEvent {
  orderId: string;
  storeId: string;
  memberId: string;
  refundId: string;
  refundFen: number;
  wholeOrder: boolean;
  /** The order had settled (points and rewards granted) before this refund. */
  afterSettlement: boolean;
  refundedAt: string;
}

export const refundCallbackEvent = z
  .object({
    returnCode: z.string(),
    refundStatus: z.string().optional(),
    outRefundNo: z.string().max(64).optional(),
    refundId: z.string().max(64).optional(),
    refundFee: z.coerce.number().int().optional(),
  })
  .passthrough();

/**
 * refundCallback: WeChat Pay's refund outcome. SUCCESS marks the refund succeeded once (conditional
 * update), marks its lines, restocks them, returns coupon and points on a whole-order refund, and
 * moves the order to refunded (or back, for a partial refund). Duplicates and unknown refunds are
 * acknowledged without change.
 */
export async function handleRefundCallback(db: Db, raw: unknown, now: Date): Promise<CallbackAnswer> {
  const parsed = refundCallbackEvent.safeParse(raw);
  if (!parsed.success || parsed.data.returnCode !== 'SUCCESS' || !parsed.data.outRefundNo) {
    console.warn(JSON.stringify({ alert: 'refund_callback_ignored', raw }));
    return { errcode: 0, errmsg: 'ignored' };
  }
  const event = parsed.data;
  return db.kysely.transaction().execute(async (tx) => {
    const refund = await tx.selectFrom('refunds').selectAll().where('out_refund_no', '=', event.outRefundNo!).executeTakeFirst();
    if (!refund) return { errcode: 0, errmsg: 'ok (no such refund of ours)' };
    const order = (await findOrder(tx, refund.order_id))!;
    if (event.refundStatus !== 'SUCCESS') {
      await failRefund(tx, refund, `WeChat refundStatus ${event.refundStatus}`);
      return { errcode: 0, errmsg: 'ok (refund failed, recorded)' };
    }
    const won = await moveRefund(tx, refund.id, ['approved', 'processing'], {
      status: 'succeeded',
      completed_at: now,
      wx_refund_id: event.refundId ?? null,
    });
    if (!won) return { errcode: 0, errmsg: 'ok (already recorded)' };
    await tx.updateTable('order_lines').set({ refund_id: refund.id }).where('id', 'in', refund.line_ids).execute();
    const lines = await findLines(tx, [order.id]);
    for (const line of lines.filter((l) => refund.line_ids.includes(l.id))) await releaseStock(tx, line.sku_id, line.qty);
    const allRefunded = lines.every((l) => l.refund_id !== null || refund.line_ids.includes(l.id));
    const refunded: OrderRefundedEvent = {
      orderId: order.id,
      storeId: order.store_id,
      memberId: order.member_id,
      refundId: refund.id,
      refundFen: refund.amount_fen,
      wholeOrder: allRefunded,
      afterSettlement: order.status_before_refund === 'settled',
      refundedAt: now.toISOString(),
    };
    await enqueue(tx, { topic: 'order.refunded', dedupeKey: `refunded:${refund.id}`, payload: { ...refunded }, now });
    if (allRefunded) {
      const seams = checkoutSeams();
      if (order.points_used > 0) await seams.releasePoints(tx, { memberId: order.member_id, orderId: order.id, now });
      if (order.coupon_id) await seams.releaseCoupon(tx, { couponId: order.coupon_id, orderId: order.id, now });
      await transitionOrder(tx, order.id, ['refunding'], 'refunded', { status_before_refund: null });
    } else {
      await transitionOrder(tx, order.id, ['refunding'], order.status_before_refund ?? 'paid', { status_before_refund: null });
    }
    return { errcode: 0, errmsg: 'ok' };
  });
}
