import type { CallContext } from '../context';
import type { Executor } from '../db/db';
import { findTiers } from '../member';
import { tierForGrowth } from '../member';
import type { PayloadOf } from '../outbox/outbox';

type OrderSettledEvent = PayloadOf<'order.settled'>;
type OrderRefundedEvent = PayloadOf<'order.refunded'>;
import { addDays, shanghaiStamp } from '../shared/time';
import { wholeYuan } from './domain/points-rules';
import { addGrowth, changeTier, growthSince, insertGrowthEvent, memberIdsAfter } from './repo/growth.repo';

/** Growth counts paid yuan over this many days. */
const GROWTH_WINDOW_DAYS = 365;
const REVIEW_BATCH = 200;

async function rankOf(tx: Executor, storeId: string, code: string, growth: number) {
  const tiers = await findTiers(tx, storeId);
  const current = tiers.find((t) => t.code === code);
  return { tiers, current, earned: tierForGrowth(tiers, growth) };
}

/**
 * `order.settled` consumer: adds floor(paid yuan) to growth (`growth:settled:<orderId>`) and upgrades
 * the member at once when growth reaches a higher tier. Never downgrades.
 */
export async function addGrowthOnSettled(ctx: CallContext, event: OrderSettledEvent): Promise<void> {
  const yuan = wholeYuan(event.paidFen);
  if (yuan === 0) return;
  const at = new Date(event.settledAt);
  await ctx.db.kysely.transaction().execute(async (tx) => {
    const key = `growth:settled:${event.orderId}`;
    if (
      !(await insertGrowthEvent(tx, {
        memberId: event.memberId,
        delta: yuan,
        source: 'order_settled',
        orderId: event.orderId,
        key,
        at,
      }))
    )
      return;
    const member = await addGrowth(tx, event.memberId, yuan);
    if (!member) return;
    const { current, earned } = await rankOf(tx, member.store_id, member.tier_code, member.growth);
    if (current && earned.minGrowth > current.minGrowth) {
      await changeTier(tx, { memberId: member.id, from: member.tier_code, to: earned.code, reason: 'upgrade', at });
    }
  });
}

/**
 * `order.refunded` consumer: a refund after settlement subtracts floor(refund yuan) from growth
 * (`growth:refund:<refundId>`), never below 0. The tier stays until the yearly review.
 */
export async function subtractGrowthOnRefunded(ctx: CallContext, event: OrderRefundedEvent): Promise<void> {
  const yuan = wholeYuan(event.refundFen);
  if (!event.afterSettlement || yuan === 0) return;
  await ctx.db.kysely.transaction().execute(async (tx) => {
    const key = `growth:refund:${event.refundId}`;
    const at = new Date(event.refundedAt);
    if (
      !(await insertGrowthEvent(tx, {
        memberId: event.memberId,
        delta: -yuan,
        source: 'order_refunded',
        orderId: event.orderId,
        key,
        at,
      }))
    )
      return;
    await addGrowth(tx, event.memberId, -yuan);
  });
}

/**
 * tierReviewTimer (Jan 1st 03:00 Shanghai): recomputes each member's growth over the last 365 days
 * from growth_events and moves the member to the tier it earns (the only place a downgrade happens),
 * recording 'yearly_review'. Running it twice changes nothing the second time; on any day but
 * January 1st (Shanghai) it does nothing.
 */
export async function runYearlyTierReview(ctx: CallContext): Promise<Record<string, number>> {
  // The review downgrades: run on any other day (a stray invocation, a misconfigured trigger) it would
  // take tiers away mid-year, so it checks the date itself.
  const today = shanghaiStamp(ctx.now);
  if (today.slice(4, 8) !== '0101') return { reviewed: 0, changed: 0, notDue: 1 };
  const since = addDays(ctx.now, -GROWTH_WINDOW_DAYS);
  let reviewed = 0;
  let changed = 0;
  let after: string | null = null;
  for (;;) {
    const ids = await memberIdsAfter(ctx.db.kysely, after, REVIEW_BATCH);
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    for (const id of ids) {
      const moved = await ctx.db.kysely.transaction().execute(async (tx) => {
        const member = await tx
          .selectFrom('members')
          .select(['id', 'store_id', 'tier_code', 'growth'])
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        if (!member) return false;
        const growth = await growthSince(tx, id, since);
        if (growth !== member.growth) await tx.updateTable('members').set({ growth }).where('id', '=', id).execute();
        const { earned } = await rankOf(tx, member.store_id, member.tier_code, growth);
        if (earned.code === member.tier_code) return false;
        return changeTier(tx, {
          memberId: id,
          from: member.tier_code,
          to: earned.code,
          reason: 'yearly_review',
          at: ctx.now,
        });
      });
      reviewed++;
      if (moved) changed++;
    }
  }
  return { reviewed, changed };
}
