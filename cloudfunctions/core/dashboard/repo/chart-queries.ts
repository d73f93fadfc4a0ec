/** The dashboard charts' queries (read-only); the providers in charts/ shape their rows. */
import { sql } from 'kysely';
import type { Executor } from '../../db/db';
import { converted, PURCHASED } from '../../nudge';

/** Teams of the store finished in the last 30 days, per campaign (the latest `limit` campaigns): filled, failed, virtual. Reads groupbuy_teams by (store_id, created_at): a team finishes at most 168 h after it is created. */
export async function groupbuyOutcomes(exec: Executor, q: { storeId: string; now: Date; limit: number }) {
  const { rows } = await sql<{ title: string; filled: number; failed: number; virtual: number }>`
      select c.title,
             (count(*) filter (where t.status = 'succeeded' and not t.virtual))::int as filled,
             (count(*) filter (where t.status = 'failed'))::int as failed,
             (count(*) filter (where t.status = 'succeeded' and t.virtual))::int as virtual
        from groupbuy_teams t
        join groupbuy_campaigns c on c.id = t.campaign_id
       where t.store_id = ${q.storeId} and t.status <> 'open'
         and t.created_at > ${q.now}::timestamptz - interval '37 days'
         and t.finished_at > ${q.now}::timestamptz - interval '30 days' and t.finished_at <= ${q.now}
       group by c.id, c.title
       order by max(t.finished_at) desc, c.id
       limit ${q.limit}`.execute(exec);
  return rows;
}

/** Nudges sent in the last 30 days per trigger, and how many converted. */
export async function nudgeConversions(exec: Executor, q: { storeId: string; now: Date }) {
  const { rows } = await sql<{ trigger: string; sent: number; converted: number }>`
      select n.trigger, count(*)::int as sent, (count(*) filter (where ${converted('n')}))::int as converted
        from nudges n
       where n.store_id = ${q.storeId} and n.status = 'sent' and n.sent_at > ${q.now}::timestamptz - interval '30 days'
       group by n.trigger`.execute(exec);
  return rows;
}

/** Distinct people per referral stage over the last 30 days (inviters for `card_shown`, friends after). */
export async function referralStagePeople(exec: Executor, q: { storeId: string; now: Date }) {
  const { rows } = await sql<{ kind: string; people: number }>`
      select kind,
             count(distinct case when kind = 'card_shown' then inviter_member_id else friend_member_id end)::int as people
        from referral_events
       where store_id = ${q.storeId}
         and kind in ('card_shown', 'opened', 'bound', 'first_order', 'rewarded')
         and created_at > ${q.now}::timestamptz - interval '30 days'
       group by kind`.execute(exec);
  return rows;
}

/** Per Shanghai month (the last 6): buyers, and those who bought before that month or more than once in it. */
export async function monthlyRepurchase(exec: Executor, q: { storeId: string; now: Date }) {
  const { rows } = await sql<{ label: string; buyers: number; repeaters: number }>`
      with months as (
        select generate_series(date_trunc('month', ${q.now}::timestamptz at time zone 'Asia/Shanghai') - interval '5 months',
                               date_trunc('month', ${q.now}::timestamptz at time zone 'Asia/Shanghai'), interval '1 month') as mon),
      buys as (
        select o.member_id, date_trunc('month', o.paid_at at time zone 'Asia/Shanghai') as mon, count(*) as n
          from orders o
         where o.store_id = ${q.storeId} and o.status in ${PURCHASED} and o.paid_at is not null
           and o.paid_at >= (date_trunc('month', ${q.now}::timestamptz at time zone 'Asia/Shanghai') - interval '5 months') at time zone 'Asia/Shanghai'
         group by 1, 2)
      select to_char(m.mon, 'YYYY-MM') as label, count(b.member_id)::int as buyers,
             (count(b.member_id) filter (where b.n > 1 or exists (
               select 1 from orders p where p.member_id = b.member_id and p.status in ${PURCHASED}
                  and p.paid_at < m.mon at time zone 'Asia/Shanghai')))::int as repeaters
        from months m left join buys b on b.mon = m.mon
       group by m.mon order by m.mon`.execute(exec);
  return rows;
}
