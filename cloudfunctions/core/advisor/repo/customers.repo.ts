import { sql, type RawBuilder } from 'kysely';
import type { CustomerSort } from '../../contract/advisor.contract';
import type { Executor } from '../../db/db';
import { repurchaseDue } from '../../nudge';
import { PURCHASED } from '../../nudge';
import type { CustomerPosition } from '../domain/customer-cursor';

/** How far back a product's repurchase cycle may have come due and still count as "due" for an advisor. */
const DUE_WINDOW_DAYS = 30;

export interface CustomerRow {
  member_id: string;
  nickname: string;
  avatar_url: string | null;
  points_balance: number;
  tier_code: string;
  tier_name: string;
  bound_at: Date;
  last_order_at: Date | null;
  birthday_this_month: boolean;
  due: boolean;
  sort_value: Date | number;
}

/** Never-bought members sort last under 最近下单 (a key, not null, keeps the keyset comparison total). */
const SORT_KEYS: Record<CustomerSort, RawBuilder<unknown>> = {
  lastOrder: sql`coalesce(c.last_order_at, 'epoch'::timestamptz)`,
  points: sql`c.points_balance`,
  bound: sql`c.bound_at`,
};

/**
 * Members served by an advisor (or one of them: `memberId`), with what 我的顾客 shows. "Due for
 * repurchase" is the nudge context's repurchase-due trigger itself, over a 30-day window: the same
 * rule that sends the 复购提醒, so the advisor and the message never disagree about who is due.
 */
export async function advisorCustomers(
  exec: Executor,
  q: {
    storeId: string;
    advisorOpenid: string;
    now: Date;
    birthdayMonth: string;
    memberId?: string;
    filter?: 'due' | 'birthday';
    tier?: string;
    sort: CustomerSort;
    after: CustomerPosition | null;
    limit: number;
  },
): Promise<CustomerRow[]> {
  const dueSelect = repurchaseDue.select({
    storeId: q.storeId,
    now: q.now,
    args: repurchaseDue.args.parse({ windowDays: DUE_WINDOW_DAYS }),
  });
  const key = SORT_KEYS[q.sort];
  const afterValue = q.after
    ? q.sort === 'points'
      ? sql`${q.after.value}::int`
      : sql`${q.after.value}::timestamptz`
    : null;
  const { rows } = await sql<CustomerRow>`
    with c as (
      select ma.member_id, ma.bound_at, m.nickname, m.avatar_url, m.points_balance, m.tier_code, t.name as tier_name,
             coalesce(to_char(m.birthday, 'MM') = ${q.birthdayMonth}, false) as birthday_this_month,
             (select max(o.paid_at) from orders o where o.member_id = ma.member_id and o.status in ${PURCHASED}) as last_order_at
        from member_advisors ma
        join members m on m.id = ma.member_id
        join tiers t on t.store_id = m.store_id and t.code = m.tier_code
       where ma.store_id = ${q.storeId} and ma.advisor_openid = ${q.advisorOpenid}
         ${q.memberId ? sql`and ma.member_id = ${q.memberId}` : sql``}),
    due as (select distinct d.member_id from (${dueSelect}) d join c on c.member_id = d.member_id)
    select c.*, (due.member_id is not null) as due, ${key} as sort_value
      from c left join due on due.member_id = c.member_id
     where true
       ${q.filter === 'due' ? sql`and due.member_id is not null` : sql``}
       ${q.filter === 'birthday' ? sql`and c.birthday_this_month` : sql``}
       ${q.tier ? sql`and c.tier_code = ${q.tier}` : sql``}
       ${afterValue ? sql`and (${key}, c.member_id) < (${afterValue}, ${q.after!.id})` : sql``}
     order by ${key} desc, c.member_id desc
     limit ${q.limit}`.execute(exec);
  return rows;
}

/** A shop's served members (all, one advisor's, or the pool: advisorOpenid null), newest binding first. */
export async function shopCustomers(
  exec: Executor,
  q: {
    storeId: string;
    shopId?: string;
    advisorOpenid?: string | null;
    after: { at: Date; id: string } | null;
    limit: number;
  },
) {
  let query = exec
    .selectFrom('member_advisors as ma')
    .innerJoin('members as m', 'm.id', 'ma.member_id')
    .innerJoin('tiers as t', (j) => j.onRef('t.store_id', '=', 'm.store_id').onRef('t.code', '=', 'm.tier_code'))
    .leftJoin('staff as s', (j) =>
      j.onRef('s.store_id', '=', 'ma.store_id').onRef('s.openid', '=', 'ma.advisor_openid'),
    )
    .leftJoin('members as sm', (j) =>
      j.onRef('sm.store_id', '=', 'ma.store_id').onRef('sm.openid', '=', 'ma.advisor_openid'),
    )
    .select([
      'ma.member_id',
      'ma.shop_id',
      'ma.advisor_openid',
      'ma.bound_at',
      'm.nickname',
      'm.avatar_url',
      't.code as tier_code',
      't.name as tier_name',
      's.display_name',
      'sm.nickname as advisor_nickname',
    ])
    .where('ma.store_id', '=', q.storeId);
  if (q.shopId) query = query.where('ma.shop_id', '=', q.shopId);
  if (q.advisorOpenid === null) query = query.where('ma.advisor_openid', 'is', null);
  else if (q.advisorOpenid) query = query.where('ma.advisor_openid', '=', q.advisorOpenid);
  if (q.after) query = query.where(sql<boolean>`(ma.bound_at, ma.member_id) < (${q.after.at}, ${q.after.id})`);
  return query.orderBy('ma.bound_at', 'desc').orderBy('ma.member_id', 'desc').limit(q.limit).execute();
}
