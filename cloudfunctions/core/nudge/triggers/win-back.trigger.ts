import { sql } from 'kysely';
import { z } from 'zod';
import { issueCoupon } from '../../coupon';
import { refreshMemberStats } from '../repo/member-stats.repo';
import { days, defineTrigger, shanghaiDate } from './trigger';

/**
 * 唤醒回访 (RFM "at risk"): no purchase in 2x the member's usual interval between orders. Reads
 * nudge_member_stats by its at_risk_at index (refreshed first for members who paid since the last
 * run). Optionally carries a coupon of `couponTemplateId`, issued through the coupon context; a
 * refused issue (sold out, limit) still sends the nudge, without the coupon.
 */
export default defineTrigger({
  code: 'win_back',
  title: '唤醒回访',
  args: z.object({
    windowDays: z.number().int().min(1).max(30).default(3),
    couponTemplateId: z.string().min(1).max(64).nullable().default(null),
  }),
  argFields: [
    {
      key: 'windowDays',
      label: '补发窗口',
      kind: 'int',
      min: 1,
      max: 30,
      unit: '天',
      help: '成为沉睡会员后，这几天内仍会提醒',
    },
    { key: 'couponTemplateId', label: '随提醒发放的券', kind: 'couponTemplate', help: '不选则只发提醒' },
  ],
  prepare: (tx, q) => refreshMemberStats(tx, q),
  select: ({ storeId, now, args }) => sql`
    select s.member_id, 'at_risk:' || to_char(s.last_paid_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as subject,
           jsonb_build_object('lastPaidAt', s.last_paid_at, 'orders', s.orders) as detail
      from nudge_member_stats s
     where s.store_id = ${storeId} and s.at_risk_at is not null
       and s.at_risk_at <= ${now} and s.at_risk_at > ${now}::timestamptz - ${days(args.windowDays)}`,
  onQueued: async (tx, nudge, { args, now }) => {
    if (!args.couponTemplateId) return null;
    const issued = await issueCoupon(tx, {
      storeId: nudge.storeId,
      memberId: nudge.memberId,
      templateId: args.couponTemplateId,
      source: 'win_back',
      now,
    });
    return issued.ok
      ? { couponId: issued.data.couponId, couponValidUntil: issued.data.validUntil.toISOString() }
      : null;
  },
  message: (d) =>
    d.couponId
      ? {
          page: 'packages/member/coupons',
          title: '好久不见，送您一张回归礼券',
          body: `${shanghaiDate(d.couponValidUntil)}前有效，点击查看`,
        }
      : { page: 'pages/home/index', title: '好久不见，想您了', body: '新品已上架，回来看看吧' },
});
