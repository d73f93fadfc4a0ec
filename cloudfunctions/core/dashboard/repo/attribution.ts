import { sql } from 'kysely';
import type { Executor } from '../../db/db';
import { PURCHASED } from '../../nudge';

/** Per-shop or per-advisor numbers over the last 30 days, for the attribution charts. */
export interface AttributionRow {
  key: string;
  label: string;
  /** Members whose first scanned code (member_origins) was this shop's / advisor's. */
  new_members: number;
  /** Members with at least one / at least two purchases attributed here in the window. */
  buyers: number;
  repeaters: number;
  /** Paid orders' payable amount net of succeeded refunds, in fen. */
  revenue_fen: number;
}

export type AttributionDimension = 'shop' | 'advisor';

const WINDOW = sql`interval '30 days'`;

/**
 * One row per shop (every shop of the store) or per advisor (active staff with a shop, and any
 * advisor, even revoked, with members or orders in the window). Revenue and repurchase follow
 * `orders.shop_id` / `orders.advisor_openid`, stamped when the order was created, so a later
 * reassignment does not move revenue already earned. Reads member_origins by (shop_id, created_at)
 * and orders by the partial indexes orders_shop / orders_advisor.
 */
export async function attributionRows(
  exec: Executor,
  q: { storeId: string; now: Date; by: AttributionDimension },
): Promise<AttributionRow[]> {
  const col = sql.ref(q.by === 'shop' ? 'shop_id' : 'advisor_openid');
  const since = sql`${q.now}::timestamptz - ${WINDOW}`;
  const keys =
    q.by === 'shop'
      ? sql`select id as key, name as label from shops where store_id = ${q.storeId}`
      : sql`select k.key, coalesce(s.display_name, m.nickname, k.key) as label
              from (select openid as key from staff where store_id = ${q.storeId} and revoked_at is null and shop_id is not null
                    union select advisor_openid from member_origins where store_id = ${q.storeId} and created_at > ${since} and advisor_openid is not null
                    union select advisor_openid from orders where store_id = ${q.storeId} and paid_at > ${since} and advisor_openid is not null) k
              left join staff s on s.store_id = ${q.storeId} and s.openid = k.key
              left join members m on m.store_id = ${q.storeId} and m.openid = k.key`;
  const { rows } = await sql<AttributionRow>`
    with keys as (${keys}),
    origins as (
      select ${col} as key, count(*)::int as n from member_origins
       where store_id = ${q.storeId} and created_at > ${since} and created_at <= ${q.now} and ${col} is not null
       group by 1),
    paid as (
      select o.${col} as key, o.member_id, o.status,
             o.payable_fen - coalesce((select sum(r.amount_fen) from refunds r where r.order_id = o.id and r.status = 'succeeded'), 0) as net
        from orders o
       where o.store_id = ${q.storeId} and o.paid_at > ${since} and o.paid_at <= ${q.now} and o.${col} is not null),
    per_member as (
      select key, member_id, count(*) filter (where status in ${PURCHASED}) as purchases from paid group by 1, 2),
    agg as (
      select key, (count(*) filter (where purchases >= 1))::int as buyers, (count(*) filter (where purchases >= 2))::int as repeaters
        from per_member group by 1),
    revenue as (select key, sum(net)::bigint as fen from paid group by 1)
    select k.key, k.label, coalesce(o.n, 0)::int as new_members, coalesce(a.buyers, 0)::int as buyers,
           coalesce(a.repeaters, 0)::int as repeaters, coalesce(r.fen, 0)::bigint as revenue_fen
      from keys k
      left join origins o on o.key = k.key
      left join agg a on a.key = k.key
      left join revenue r on r.key = k.key
     order by k.label, k.key`.execute(exec);
  return rows.map((r) => ({
    ...r,
    new_members: Number(r.new_members),
    buyers: Number(r.buyers),
    repeaters: Number(r.repeaters),
    revenue_fen: Number(r.revenue_fen),
  }));
}
