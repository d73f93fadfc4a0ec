import { sql } from 'kysely';
import type { CallContext } from '../context';
import { checkRefund, submitRefund } from '../order/refund.service';
import { findOrder } from '../order/repo/order.repo';
import { notifyTeamOutcome } from '../groupbuy/notify';
import { earnPointsOnSettled, reversePointsOnRefunded } from '../points/points.service';
import { addGrowthOnSettled, subtractGrowthOnRefunded } from '../points/tier.service';
// issue 8: repurchase nudges
import { sendNudge } from '../nudge/send-nudge';
// issue 5: referral rewards hang on order.settled / order.refunded
import { reverseRewardOnRefunded, rewardInviterOnSettled } from '../referral/reward.service';

/** The outcome of delivering one message: done, or try again later (with backoff). */
type Delivery = 'done' | 'retry';
export type OutboxHandler = (ctx: CallContext, payload: Record<string, unknown>) => Promise<Delivery>;

/** After this many attempts a message is marked failed and shows up for the operator. */
export const MAX_ATTEMPTS = 12;

/** Exponential backoff: 1, 2, 4 ... minutes, at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;
}

type EventConsumer = (ctx: CallContext, event: Record<string, unknown>) => Promise<void>;
/** Consumers of `order.settled` and `order.refunded` (points, tiers, referral) register here when their issues land. */
export const settledConsumers: EventConsumer[] = [earnPointsOnSettled, addGrowthOnSettled, rewardInviterOnSettled];
export const refundedConsumers: EventConsumer[] = [reversePointsOnRefunded, subtractGrowthOnRefunded, reverseRewardOnRefunded];

export const outboxHandlers: Record<string, OutboxHandler> = {
  'refund.request': (ctx, p) => submitRefund(ctx, p as { refundId: string }),
  'refund.check': (ctx, p) => checkRefund(ctx, p as { refundId: string }),
  'shipping.upload': async (ctx, p) => {
    const order = await findOrder(ctx.db.kysely, String(p.orderId));
    if (!order?.transaction_id) return 'done';
    const member = await ctx.db.kysely.selectFrom('members').select('openid').where('id', '=', order.member_id).executeTakeFirstOrThrow();
    const result = await ctx.platform.shipping.uploadShippingInfo({
      transactionId: order.transaction_id,
      openid: member.openid,
      logisticsType: p.logisticsType === 4 ? 4 : 1,
      carrier: (p.carrier as string | null) ?? null,
      trackingNo: (p.trackingNo as string | null) ?? null,
      itemDesc: `订单 ${order.order_no}`,
    });
    return result.ok || !result.retryable ? 'done' : 'retry';
  },
  // Issue 6: team success / failure subscribe messages.
  'groupbuy.notify': notifyTeamOutcome,
  'order.settled': async (ctx, p) => {
    for (const consume of settledConsumers) await consume(ctx, p);
    return 'done';
  },
  'order.refunded': async (ctx, p) => {
    for (const consume of refundedConsumers) await consume(ctx, p);
    return 'done';
  },
  // issue 8: one subscribe message per nudge; refusals recorded, other failures retried.
  'nudge.send': (ctx, p) => sendNudge(ctx, p as { nudgeId: string }),
};

/** How long a claimed message is hidden from other workers; a worker that dies mid-delivery frees it by then. */
export const LEASE_MS = 5 * 60_000;

/**
 * outboxWorker: claims due messages one at a time and delivers them. A claim is one statement
 * (`for update skip locked` inside an update) that pushes the message's next attempt a lease into
 * the future, so replicas never take the same message, and no lock is held during the network call.
 * A worker that crashes mid-delivery leaves the message to be retried after the lease; handlers are
 * idempotent (deterministic outRefundNo, conditional updates), so a second delivery changes nothing.
 */
export async function runOutboxWorker(ctx: CallContext, limit = 50, handlers = outboxHandlers): Promise<Record<string, number>> {
  const db = ctx.db.kysely;
  const counts = { delivered: 0, retried: 0, failed: 0 };
  for (let i = 0; i < limit; i++) {
    const { rows } = await sql<{ id: number; topic: string; payload: Record<string, unknown>; attempts: number }>`
      update outbox set attempts = attempts + 1, next_attempt_at = ${new Date(ctx.now.getTime() + LEASE_MS)}
       where id = (
         select id from outbox
          where status = 'pending' and next_attempt_at <= ${ctx.now}
          order by next_attempt_at, id
          limit 1
          for update skip locked)
      returning id, topic, payload, attempts`.execute(db);
    const message = rows[0];
    if (!message) break;
    const handler = handlers[message.topic] as OutboxHandler | undefined;
    let delivery: Delivery = 'retry';
    let error: string | null = handler === undefined ? `no handler for topic ${message.topic}` : null;
    if (handler !== undefined) {
      try {
        delivery = await handler(ctx, message.payload);
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
    }
    if (delivery === 'done') {
      await db.updateTable('outbox').set({ status: 'done', delivered_at: ctx.now, last_error: null }).where('id', '=', message.id).execute();
      counts.delivered++;
      continue;
    }
    const failed = message.attempts >= MAX_ATTEMPTS;
    await db
      .updateTable('outbox')
      .set({
        status: failed ? 'failed' : 'pending',
        last_error: error ?? 'will retry',
        next_attempt_at: new Date(ctx.now.getTime() + backoffMs(message.attempts)),
      })
      .where('id', '=', message.id)
      .execute();
    counts[failed ? 'failed' : 'retried']++;
  }
  return counts;
}
