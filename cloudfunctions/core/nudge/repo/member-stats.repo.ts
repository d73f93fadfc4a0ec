import { sql } from 'kysely';
import type { Executor } from '../../db/db';
import { PURCHASED } from '../triggers/trigger';

/**
 * Folds into nudge_member_stats the members who paid since `since` (null: every member, the first
 * run's backfill). Each touched member's stats are recomputed from all their purchases, so the
 * step is idempotent; a day of overlap (the caller's) covers payments that committed late.
 * at_risk_at = last purchase + 2 x the usual interval ((last - first) / (orders - 1)).
 */
export async function refreshMemberStats(
  tx: Executor,
  q: { storeId: string; now: Date; since: Date | null },
): Promise<void> {
  await sql`
    with touched as (
      select distinct member_id from orders
       where store_id = ${q.storeId} and paid_at is not null and paid_at <= ${q.now}
         ${q.since ? sql`and paid_at > ${q.since}` : sql``}),
    agg as (
      select o.member_id, min(o.paid_at) as first_paid_at, max(o.paid_at) as last_paid_at, count(*)::int as orders
        from orders o join touched t on t.member_id = o.member_id
       where o.paid_at is not null and o.paid_at <= ${q.now} and o.status in ${PURCHASED}
       group by o.member_id)
    insert into nudge_member_stats (member_id, store_id, first_paid_at, last_paid_at, orders, at_risk_at, refreshed_at)
    select member_id, ${q.storeId}, first_paid_at, last_paid_at, orders,
           case when orders > 1 then last_paid_at + 2 * (last_paid_at - first_paid_at) / (orders - 1) end, ${q.now}
      from agg
    on conflict (member_id) do update set
      first_paid_at = excluded.first_paid_at, last_paid_at = excluded.last_paid_at, orders = excluded.orders,
      at_risk_at = excluded.at_risk_at, refreshed_at = excluded.refreshed_at`.execute(tx);
}
