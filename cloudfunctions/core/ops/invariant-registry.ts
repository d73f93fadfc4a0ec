/**
 * The store's conservation laws, one declarative entry each: a `violations` query returning one row
 * per offending object (`id` + `detail`) and a `checked` query counting what was looked at. Nothing
 * here writes. Read by `checkInvariants` (tests, the crash test, the soak, `npm run check:invariants`).
 */

import { HOLDS_COUPON as COUPON_HOLDERS, HOLDS_STOCK, PAID_STATUSES as PAID } from '../order';
import { COMMITTED_REFUND_STATUSES } from '../order';

/**
 * A list of statuses as SQL, `('paid','shipped')`. The statuses are the state machines' constants,
 * never input; the pattern check keeps it so.
 */
function sqlList(statuses: readonly string[]): string {
  for (const s of statuses) if (!/^[a-z_]+$/.test(s)) throw new Error(`not a status: ${s}`);
  return `(${statuses.map((s) => `'${s}'`).join(',')})`;
}

/** Order statuses that hold the stock `order.create` reserved (every one but cancelled). */
const LIVE_OR_DONE = `o.status in ${sqlList(HOLDS_STOCK)}`;
/** Statuses an order can only reach by being paid. */
const PAID_STATUSES = sqlList(PAID);
/** Orders that still hold their coupon (a cancel or whole refund hands it back). */
const HOLDS_COUPON = `o.status in ${sqlList(COUPON_HOLDERS)}`;

/** One conservation law: a stable code, what it says, and the read-only SQL that finds its violations. */
export interface Invariant {
  code: string;
  description: string;
  /** Rows `{ id, detail }`, one per violation; empty when the law holds. */
  violations: string;
  /** One row `{ n }`: how many objects the law was checked on. */
  checked: string;
}

/** Every law `checkInvariants` runs, in the order it reports them. */
export const invariants: Invariant[] = [
  {
    code: 'STOCK_CONSERVED',
    description: 'per SKU: stock + sold - returned = initial (baseline + manager adjustments)',
    violations: `
      with sold as (select l.sku_id, sum(l.qty)::int as qty from order_lines l join orders o on o.id = l.order_id
                    where ${LIVE_OR_DONE} group by l.sku_id),
           returned as (select sku_id, sum(qty)::int as qty from order_lines where refund_id is not null group by sku_id),
           adjusted as (select sku_id, sum(delta)::int as qty from sku_stock_adjustments group by sku_id)
      select s.id,
             case when b.sku_id is null then 'no recorded initial stock'
                  else 'stock ' || s.stock || ' + sold ' || coalesce(sd.qty, 0) || ' - returned ' || coalesce(r.qty, 0)
                       || ' <> initial ' || (b.initial_stock + coalesce(a.qty, 0)) end as detail
      from skus s
      left join sku_stock_baselines b on b.sku_id = s.id
      left join sold sd on sd.sku_id = s.id
      left join returned r on r.sku_id = s.id
      left join adjusted a on a.sku_id = s.id
      where b.sku_id is null
         or s.stock + coalesce(sd.qty, 0) - coalesce(r.qty, 0) <> b.initial_stock + coalesce(a.qty, 0)`,
    checked: `select count(*)::int as n from skus`,
  },
  {
    code: 'POINTS_BALANCED',
    description: 'per member: points balance = sum of ledger entries = sum of open lots, and >= 0',
    violations: `
      with entries as (select member_id, sum(delta)::int as total from points_entries group by member_id),
           lots as (select member_id, sum(remaining)::int as total from points_lots group by member_id)
      select m.id,
             'balance ' || m.points_balance || ', entries ' || coalesce(e.total, 0) || ', lots ' || coalesce(l.total, 0) as detail
      from members m
      left join entries e on e.member_id = m.id
      left join lots l on l.member_id = m.id
      where m.points_balance < 0 or m.points_balance <> coalesce(e.total, 0) or m.points_balance <> coalesce(l.total, 0)`,
    checked: `select count(*)::int as n from members`,
  },
  {
    code: 'PAID_ORDER_HAS_ONE_PAYMENT',
    description: 'every paid order has exactly one payment record of its amount; any other payment is being refunded',
    violations: `
      select o.id, 'status ' || o.status || ': ' || count(p.transaction_id) || ' matching payment(s)' as detail
      from orders o
      left join payments p on p.order_id = o.id and p.transaction_id = o.transaction_id and p.amount_fen = o.payable_fen
      where o.status in ${PAID_STATUSES} or o.paid_at is not null
      group by o.id, o.status
      having count(p.transaction_id) <> 1
      union all
      select p.order_id, 'payment ' || p.transaction_id || ' is not the order''s and is not being returned' as detail
      from payments p join orders o on o.id = p.order_id
      where p.transaction_id is distinct from o.transaction_id
        and not exists (select 1 from refunds r where r.transaction_id = p.transaction_id and r.kind = 'payment_return')`,
    checked: `select count(*)::int as n from payments`,
  },
  {
    code: 'REFUND_RECORDED',
    description: 'every refunded line and order has a succeeded refund record, and refunds never exceed what was paid',
    violations: `
      select l.order_id as id, 'line ' || l.id || ' marked refunded by ' || l.refund_id || ' which is not a succeeded refund of the order' as detail
      from order_lines l left join refunds r on r.id = l.refund_id
      where l.refund_id is not null and (r.id is null or r.status <> 'succeeded' or r.order_id <> l.order_id)
      union all
      select o.id, 'refunded order with ' || count(l.id) filter (where l.refund_id is null) || ' unrefunded line(s)'
      from orders o join order_lines l on l.order_id = o.id
      where o.status = 'refunded'
      group by o.id
      having count(l.id) filter (where l.refund_id is null) > 0
      union all
      select r.order_id, 'succeeded refund ' || r.id || ' has lines not marked with it'
      from refunds r
      where r.status = 'succeeded'
        and exists (select 1 from order_lines l where l.id = any(r.line_ids) and l.refund_id is distinct from r.id)
      union all
      select r.order_id, 'refunded ' || sum(r.amount_fen) || ' fen of ' || max(o.payable_fen) || ' paid'
      from refunds r join orders o on o.id = r.order_id
      where r.status = 'succeeded' and r.kind = 'order'
      group by r.order_id
      having sum(r.amount_fen) > max(o.payable_fen)`,
    checked: `select count(*)::int as n from refunds`,
  },
  {
    code: 'REFUNDS_WITHIN_PAYMENT',
    description: 'per payment: refunds approved, on their way or done never exceed what that payment brought in',
    violations: `
      select p.transaction_id as id,
             'paid ' || p.amount_fen || ' fen, refunds committed ' || sum(r.amount_fen) || ' fen (' || count(r.id) || ' refund(s))' as detail
      from payments p join refunds r on r.transaction_id = p.transaction_id
      where r.status in ${sqlList(COMMITTED_REFUND_STATUSES)}
      group by p.transaction_id, p.amount_fen
      having sum(r.amount_fen) > p.amount_fen
      union all
      select r.id, 'refund returns ' || coalesce(r.transaction_id, 'no payment') || ', which was never recorded'
      from refunds r left join payments p on p.transaction_id = r.transaction_id
      where p.transaction_id is null`,
    checked: `select count(*)::int as n from payments`,
  },
  {
    code: 'TEAM_WITHIN_SIZE',
    description: 'no group-buy team over its size, joined = its members, a filled team succeeded',
    violations: `
      select t.id, 'size ' || t.size || ', joined ' || t.joined || ', members ' || count(m.order_id) || ', ' || t.status as detail
      from groupbuy_teams t left join groupbuy_team_members m on m.team_id = t.id
      group by t.id
      having t.joined > t.size or count(m.order_id) <> t.joined
          or (t.status = 'succeeded' and not t.virtual and t.joined <> t.size)`,
    checked: `select count(*)::int as n from groupbuy_teams`,
  },
  {
    code: 'COUPON_USED_ONCE',
    description: 'every coupon is held by at most one order, the one it names, and never also redeemed at the counter',
    violations: `
      select o.coupon_id as id, count(*) || ' orders hold it: ' || string_agg(o.id, ', ') as detail
      from orders o where o.coupon_id is not null and ${HOLDS_COUPON}
      group by o.coupon_id having count(*) > 1
      union all
      select c.id, 'held by order ' || o.id || ' but coupon is ' || c.status || ' for ' || coalesce(c.order_id, 'no order')
        || case when c.redeemed_by is not null then ', redeemed at the counter' else '' end
      from orders o join coupons c on c.id = o.coupon_id
      where ${HOLDS_COUPON}
        and (c.order_id is distinct from o.id or c.status not in ('locked', 'used') or c.redeemed_by is not null)`,
    checked: `select count(*)::int as n from coupons`,
  },
  {
    code: 'REWARD_HAS_SETTLED_ORDER',
    description: "every referral reward has the friend's settled first order",
    violations: `
      select r.id, 'rewarded for order ' || coalesce(r.first_order_id, 'none') || coalesce(' (' || o.status || ')', '') as detail
      from referrals r left join orders o on o.id = r.first_order_id
      where r.rewarded_at is not null
        and (o.id is null or o.settled_at is null or o.member_id <> r.friend_member_id)
      union all
      select e.id::text, 'referral points ' || e.idempotency_key || ' without a rewarded referral'
      from points_entries e
      where e.reason = 'referral' and e.delta > 0
        and not exists (select 1 from referrals r where 'referral:' || r.id = e.idempotency_key and r.rewarded_at is not null)`,
    checked: `select count(*)::int as n from referrals`,
  },
];
