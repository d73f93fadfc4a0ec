import type { CallContext } from '../context';
import type { Executor } from '../db/db';
import type { PayloadOf } from '../outbox/outbox';
import { clearSubscription, returnSubscribeQuota, spendSubscribeQuota } from '../member';
import { templateIds } from '../settings';
import type { TeamOutcome } from './team-outcome';

/**
 * Template id of a team-outcome subscribe message: the store's setting, else the deployment's
 * GROUPBUY_*_TEMPLATE_ID. None means the store sends no such message.
 */
async function groupbuyTemplateId(exec: Executor, storeId: string, outcome: TeamOutcome): Promise<string | null> {
  const ids = await templateIds(exec, storeId);
  return outcome === 'succeeded' ? ids.groupbuySuccess : ids.groupbuyFailed;
}

async function record(
  exec: Executor,
  orderId: string,
  outcome: TeamOutcome,
  result: 'sent' | 'no_quota' | 'refused' | 'no_template',
  now: Date,
  extra: { errcode?: number; detail?: string } = {},
) {
  await exec
    .insertInto('groupbuy_notifications')
    .values({
      order_id: orderId,
      outcome,
      result,
      errcode: extra.errcode ?? null,
      detail: extra.detail ?? '',
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['order_id', 'outcome']).doNothing())
    .execute();
}

/**
 * Outbox `groupbuy.notify`: tells a member how their team went, only where they granted the
 * template (one one-time grant = one send, spent by a conditional decrement; a long-term grant is not spent). A refusal from WeChat (43101:
 * no subscription, and other final errors) is recorded, not retried; a transient error gives the
 * grant back and retries with the outbox's backoff.
 */
export async function notifyTeamOutcome(ctx: CallContext, p: PayloadOf<'groupbuy.notify'>): Promise<'done' | 'retry'> {
  const db = ctx.db.kysely;
  const { orderId, outcome } = p;
  const done = await db
    .selectFrom('groupbuy_notifications')
    .select('result')
    .where('order_id', '=', orderId)
    .where('outcome', '=', outcome)
    .executeTakeFirst();
  if (done) return 'done';
  const templateId = await groupbuyTemplateId(db, ctx.storeId, outcome);
  if (!templateId) return record(db, orderId, outcome, 'no_template', ctx.now).then(() => 'done');
  const order = await db
    .selectFrom('orders as o')
    .innerJoin('members as m', 'm.id', 'o.member_id')
    .innerJoin('order_lines as l', 'l.order_id', 'o.id')
    .select(['o.member_id', 'o.order_no', 'o.payable_fen', 'm.openid', 'l.title'])
    .where('o.id', '=', orderId)
    .executeTakeFirstOrThrow();
  const consent = await spendSubscribeQuota(db, order.member_id, templateId, ctx.now);
  if (!consent) {
    return record(db, orderId, outcome, 'no_quota', ctx.now).then(() => 'done');
  }
  const delivery = await ctx.platform.messages.sendSubscribeMessage({
    openid: order.openid,
    templateId,
    page: `packages/groupbuy/team?teamId=${encodeURIComponent(p.teamId)}`,
    data: {
      thing1: { value: order.title.slice(0, 20) },
      phrase2: { value: outcome === 'succeeded' ? '拼团成功' : '拼团失败' },
      thing3: { value: outcome === 'succeeded' ? '商家将尽快为您备货' : '款项将原路退回' },
    },
  });
  if (delivery.ok) return record(db, orderId, outcome, 'sent', ctx.now).then(() => 'done');
  if (delivery.retryable) {
    if (consent === 'one_time') await returnSubscribeQuota(db, order.member_id, templateId, ctx.now);
    return 'retry';
  }
  if (delivery.errcode === 43101) await clearSubscription(db, order.member_id, templateId, ctx.now);
  await record(db, orderId, outcome, 'refused', ctx.now, { errcode: delivery.errcode, detail: delivery.reason });
  return 'done';
}
