import { sql } from 'kysely';
import { z } from 'zod';
import { days, defineTrigger, PURCHASED } from './trigger';

/**
 * 复购提醒: the member's last purchase of a product is one repurchase cycle old. Due while that
 * purchase is between `cycle` and `cycle + windowDays` old, so a missed daily run catches up; the
 * subject is product + order, so each purchase is reminded once and a newer purchase resets it.
 * Reads orders by (store_id, paid_at) per product: cost follows the purchases in the window.
 */
export default defineTrigger({
  code: 'repurchase_due',
  title: '复购提醒',
  args: z.object({ windowDays: z.number().int().min(1).max(30).default(3) }),
  argFields: [
    {
      key: 'windowDays',
      label: '补发窗口',
      kind: 'int',
      min: 1,
      max: 30,
      unit: '天',
      help: '到了复购周期后，这几天内仍会提醒（漏跑的一天可补上）',
    },
  ],
  select: ({ storeId, now, args }) => sql`
    select o.member_id, p.id || ':' || o.id as subject,
           jsonb_build_object('productId', p.id, 'title', p.title, 'orderId', o.id, 'paidAt', o.paid_at, 'cycleDays', p.repurchase_cycle_days) as detail
      from products p
      cross join lateral (
        select o.id, o.member_id, o.paid_at
          from orders o
         where o.store_id = ${storeId}
           and o.paid_at > ${now}::timestamptz - ${days(sql`(p.repurchase_cycle_days + ${args.windowDays})`)}
           and o.paid_at <= ${now}::timestamptz - ${days(sql`p.repurchase_cycle_days`)}
           and o.status in ${PURCHASED}
           and exists (select 1 from order_lines l where l.order_id = o.id and l.product_id = p.id)) o
     where p.store_id = ${storeId}
       -- A scalar subquery with limit stays a per-candidate lookup (orders_member index); a plain
       -- NOT EXISTS is planned as a hash anti-join over every order, which grows with the total.
       and (select 1 from orders o2 join order_lines l2 on l2.order_id = o2.id
             where o2.member_id = o.member_id and o2.paid_at > o.paid_at and o2.status in ${PURCHASED} and l2.product_id = p.id
             limit 1) is null`,
  message: (d) => ({
    page: `packages/goods/detail?id=${encodeURIComponent(String(d.productId))}`,
    title: String(d.title),
    body: '您的宝贝快用完啦，点击一键回购',
  }),
});
