import { z } from 'zod';
import type { Db } from '../db/db';
import { recordAnomaly } from './anomalies';
import type { PayPort } from '../platform/platform';
import { markOrderPaid, openPaymentReturn } from '../order';
import { runPaidHooks } from './paid-hooks';
import { insertPayment } from './repo/payment.repo';

/**
 * The event WeChat Pay's cloud callback delivers to `payCallback` (cloudPay.unifiedOrder's
 * functionName). Only the fields we rely on are required; the rest is kept raw for the record.
 */
export const payCallbackEvent = z
  .object({
    returnCode: z.string(),
    resultCode: z.string().optional(),
    outTradeNo: z.string().max(64).optional(),
    transactionId: z.string().max(64).optional(),
    totalFee: z.coerce.number().int().optional(),
    timeEnd: z.string().optional(),
  })
  .passthrough();

/** What payCallback answers WeChat: errcode 0 stops the retries; anything else asks WeChat to retry. */
export interface CallbackAnswer {
  errcode: number;
  errmsg: string;
}

/** The facts of a callback event worth keeping with an anomaly (typed loosely: the event may be malformed). */
function factsOf(event: Record<string, unknown>) {
  return {
    outTradeNo: typeof event.outTradeNo === 'string' ? event.outTradeNo : null,
    transactionId: typeof event.transactionId === 'string' ? event.transactionId : null,
    amountFen: typeof event.totalFee === 'number' ? event.totalFee : null,
  };
}

/**
 * `payCallback`: WeChat Pay's payment result. Nothing in the event is believed: the transaction is
 * asked of WeChat Pay itself (`queryOrder`) and recorded only when WeChat says it exists, is SUCCESS,
 * and has the event's order, transaction id and amount; what gets recorded is WeChat's answer. A
 * query that fails answers non-zero, so WeChat delivers the callback again later.
 */
export async function handlePayCallback(
  db: Db,
  raw: unknown,
  now: Date,
  pay: Pick<PayPort, 'queryOrder'>,
): Promise<CallbackAnswer> {
  const parsed = payCallbackEvent.safeParse(raw);
  if (
    !parsed.success ||
    parsed.data.returnCode !== 'SUCCESS' ||
    parsed.data.resultCode !== 'SUCCESS' ||
    !parsed.data.outTradeNo
  ) {
    return recordPayment(db, raw, now);
  }
  const event = parsed.data;
  const query = await pay.queryOrder({ outTradeNo: event.outTradeNo! });
  const confirmed =
    query.found &&
    query.tradeState === 'SUCCESS' &&
    query.outTradeNo === event.outTradeNo &&
    query.transactionId === event.transactionId &&
    query.totalFee === event.totalFee;
  if (!confirmed) {
    const said = query.found
      ? `WeChat says ${query.tradeState}, ${query.transactionId}, ${query.totalFee} fen`
      : 'WeChat knows no such order';
    await recordAnomaly(
      db.kysely,
      'unconfirmed_payment',
      factsOf(event),
      `callback not confirmed by queryOrder: ${said}`,
      event,
    );
    return { errcode: 0, errmsg: 'recorded: payment not confirmed by WeChat Pay' };
  }
  return recordPayment(
    db,
    { ...event, outTradeNo: query.outTradeNo, transactionId: query.transactionId, totalFee: query.totalFee },
    now,
  );
}

/**
 * Records a payment WeChat Pay vouched for (its query answer, or a notification signed with its
 * platform key), exactly once. The payments row keyed by WeChat's transactionId and the
 * conditional `pending_payment -> paid` update share one transaction: concurrent duplicates block on
 * the key, then see it taken and answer ok. A refused payment (wrong amount, unknown order, FAIL)
 * changes no order and is recorded; a payment for an order that already expired is recorded and
 * refunded through the outbox. Answers errcode 0 once the outcome is durably recorded.
 */
export async function recordPayment(db: Db, raw: unknown, now: Date): Promise<CallbackAnswer> {
  const parsed = payCallbackEvent.safeParse(raw);
  if (!parsed.success) {
    await recordAnomaly(db.kysely, 'failed_result', factsOf({ raw }), 'malformed callback event', { raw });
    return { errcode: 0, errmsg: 'ignored: malformed event' };
  }
  const event = parsed.data;
  if (event.returnCode !== 'SUCCESS' || event.resultCode !== 'SUCCESS' || !event.outTradeNo || !event.transactionId) {
    await recordAnomaly(
      db.kysely,
      'failed_result',
      factsOf(event),
      `returnCode=${event.returnCode} resultCode=${event.resultCode}`,
      event,
    );
    return { errcode: 0, errmsg: 'recorded: payment not successful' };
  }
  const { outTradeNo, transactionId } = event;
  const totalFee = event.totalFee;
  const paidAt = now;
  // One transaction, the order row locked first (by the order's own use case), then the payments
  // row: callbacks for one order queue on the order row. The plain order's payment is two
  // statements: the conditional `pay` update that locks and answers the order, and the payments row.
  const outcome = await db.kysely.transaction().execute(async (tx) => {
    const onOrder = await markOrderPaid(tx, { orderNo: outTradeNo, amountFen: totalFee, transactionId, paidAt });
    if (onOrder.kind === 'unknown') return onOrder;
    if (onOrder.kind === 'mismatch') return { kind: 'mismatch' as const, payable: onOrder.payableFen };
    const orderId = onOrder.kind === 'paid' ? onOrder.order.id : onOrder.orderId;
    const amountFen = onOrder.kind === 'paid' ? onOrder.order.payableFen : onOrder.payableFen;
    const recorded = await insertPayment(tx, { transactionId, orderId, amountFen, paidAt, raw: event });
    if (onOrder.kind === 'paid') {
      // The order was pending a moment ago, so no payment with this transaction id can exist: a
      // duplicate here is a bug, and throwing rolls the order's move back.
      if (!recorded) throw new Error(`payment ${transactionId} recorded before its order ${orderId} was paid`);
      // A group-buy payment takes its seat in this same transaction (or is refunded): group-buy's hook.
      const { order } = onOrder;
      if (order.groupBuy)
        await runPaidHooks(
          tx,
          { id: order.id, storeId: order.storeId, memberId: order.memberId, groupBuy: order.groupBuy },
          paidAt,
        );
      return { kind: 'paid' as const };
    }
    if (!recorded) return { kind: 'duplicate' as const };
    // The order left pending_payment (expired, cancelled, or already paid by another transaction)
    // before this money arrived: give it back, once per transaction (the payments row above is the
    // once), as a refund row the manager sees through to the end.
    await openPaymentReturn(tx, { orderId, transactionId, amountFen, now });
    return { kind: 'late' as const, status: onOrder.status };
  });
  if (outcome.kind === 'unknown') {
    await recordAnomaly(db.kysely, 'unknown_order', factsOf(event), 'no order with this outTradeNo', event);
    return { errcode: 0, errmsg: 'recorded: unknown order' };
  }
  if (outcome.kind === 'mismatch') {
    await recordAnomaly(
      db.kysely,
      'amount_mismatch',
      factsOf(event),
      `paid ${totalFee} fen, order payable ${outcome.payable} fen`,
      event,
    );
    return { errcode: 0, errmsg: 'recorded: amount mismatch' };
  }
  if (outcome.kind === 'late')
    await recordAnomaly(db.kysely, 'late_payment', factsOf(event), `order was ${outcome.status}; refund queued`, event);
  return { errcode: 0, errmsg: outcome.kind === 'duplicate' ? 'ok (already recorded)' : 'ok' };
}
