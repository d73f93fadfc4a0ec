import { z } from 'zod';
import type { CallContext } from '../context';
import type { Db } from '../db/db';
import { enqueue } from '../outbox/outbox';
import { recordAnomaly } from './anomalies';
import type { CallbackAnswer } from './pay-callback';
import type { PayPort } from '../platform/platform';
import {
  AWAITING_WECHAT,
  applyRefundOutcome,
  failRefund,
  findRefundForWechat,
  markRefundSubmitted,
  type KnownRefund,
  type RefundForWechat,
  type RefundOutcome,
} from '../order';
import { paidAmount } from './repo/payment.repo';

/** How long after WeChat accepted a refund we expect its callback before asking again. */
const REFUND_CALLBACK_PATIENCE_MS = 30 * 60_000;

const refundFacts = (refund: RefundForWechat) => ({
  transactionId: refund.transaction_id,
  amountFen: refund.amount_fen,
  outRefundNo: refund.out_refund_no,
});

/** The answer WeChat Pay's callback gets (and the outbox's log shows) for each outcome. */
const ANSWERS: Record<RefundOutcome, string> = {
  succeeded: 'ok',
  reconciled: 'ok (reconciled)',
  already: 'ok (already recorded)',
  processing: 'ok (still processing)',
  failed: 'ok (refund failed, recorded)',
  conflict: 'ok (late success conflicts, recorded for the operator)',
};

/**
 * Applies what WeChat Pay itself says about a refund through the order's use case; a late SUCCESS
 * the payment has no room for changed nothing there and is recorded here for the operator.
 */
async function settleRefund(
  db: Db,
  refund: RefundForWechat,
  known: KnownRefund,
  failureReason: string,
  now: Date,
): Promise<string> {
  const outcome = await applyRefundOutcome(db, refund.id, known, failureReason, now);
  if (outcome === 'conflict')
    await recordAnomaly(
      db.kysely,
      'refund_conflict',
      refundFacts(refund),
      'WeChat paid out a refund recorded failed, and the payment has no room left for it',
      { wxRefundId: known.refundId },
    );
  return ANSWERS[outcome];
}

async function sendRefund(ctx: CallContext, refund: RefundForWechat) {
  return ctx.platform.pay.refund({
    outTradeNo: refund.order_no,
    outRefundNo: refund.out_refund_no,
    totalFee: await paidAmount(ctx.db.kysely, refund.transaction_id),
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
  const refund = await findRefundForWechat(db, { id: payload.refundId });
  if (!refund || !AWAITING_WECHAT.includes(refund.status)) return 'done';
  const submission = await sendRefund(ctx, refund);
  if (submission.accepted) {
    await db.transaction().execute(async (tx) => {
      await markRefundSubmitted(tx, refund.id);
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
  const refund = await findRefundForWechat(ctx.db.kysely, { id: payload.refundId });
  if (!refund || refund.status !== 'processing') return 'done';
  const known = await ctx.platform.pay.queryRefund({ outTradeNo: refund.order_no, outRefundNo: refund.out_refund_no });
  if (known.found && known.status !== 'PROCESSING') {
    await settleRefund(ctx.db, refund, known, `WeChat refund ${known.status}`, ctx.now);
    return 'done';
  }
  const submission = await sendRefund(ctx, refund);
  if (!submission.accepted && !submission.retryable) {
    await ctx.db.kysely.transaction().execute((tx) => failRefund(tx, refund, submission.reason));
    return 'done';
  }
  return 'retry';
}

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
  const refund = await findRefundForWechat(db.kysely, { outRefundNo: event.outRefundNo! });
  if (!refund) return { errcode: 0, errmsg: 'ok (no such refund of ours)' };
  const known = await pay.queryRefund({ outTradeNo: refund.order_no, outRefundNo: refund.out_refund_no });
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
  const errmsg = await settleRefund(db, refund, known, reason, now);
  return { errcode: 0, errmsg };
}
