import { sql } from 'kysely';
import { z } from 'zod';
import { days, defineTrigger, shanghaiDate } from './trigger';

/**
 * 优惠券即将过期: a usable coupon whose validity ends within `withinDays` (default 3). Reads the
 * partial index coupons_usable_expiry. One nudge per coupon.
 */
export default defineTrigger({
  code: 'coupon_expiring',
  title: '优惠券到期',
  args: z.object({ withinDays: z.number().int().min(1).max(30).default(3) }),
  argFields: [{ key: 'withinDays', label: '到期前', kind: 'int', min: 1, max: 30, unit: '天内提醒' }],
  select: ({ storeId, now, args }) => sql`
    select c.member_id, 'coupon:' || c.id as subject,
           jsonb_build_object('couponId', c.id, 'title', t.title, 'validUntil', c.valid_until) as detail
      from coupons c
      join coupon_templates t on t.id = c.template_id
     where c.status = 'usable' and c.store_id = ${storeId}
       and c.valid_until > ${now} and c.valid_until <= ${now}::timestamptz + ${days(args.withinDays)}`,
  message: (d) => ({
    page: 'packages/member/coupons',
    title: String(d.title),
    body: `${shanghaiDate(d.validUntil)}到期，别忘了使用`,
  }),
});
