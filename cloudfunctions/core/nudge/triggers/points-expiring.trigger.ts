import { sql } from 'kysely';
import { z } from 'zod';
import { days, defineTrigger, shanghaiDate } from './trigger';

/**
 * 积分即将过期: points lots expiring within `withinDays` (default 30). Reads the partial index
 * points_lots_due (expires_at where remaining > 0). One nudge per member and expiry date.
 */
export default defineTrigger({
  code: 'points_expiring',
  title: '积分到期',
  args: z.object({ withinDays: z.number().int().min(1).max(90).default(30) }),
  argFields: [{ key: 'withinDays', label: '到期前', kind: 'int', min: 1, max: 90, unit: '天内提醒' }],
  select: ({ storeId, now, args }) => sql`
    select l.member_id, 'points:' || to_char(min(l.expires_at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as subject,
           jsonb_build_object('points', sum(l.remaining), 'expiresAt', min(l.expires_at)) as detail
      from points_lots l
      join members m on m.id = l.member_id and m.store_id = ${storeId}
     where l.remaining > 0 and l.expires_at > ${now} and l.expires_at <= ${now}::timestamptz + ${days(args.withinDays)}
     group by l.member_id`,
  message: (d) => ({
    page: 'packages/member/points',
    title: `${Number(d.points)}积分即将过期`,
    body: `${shanghaiDate(d.expiresAt)}前使用可抵现`,
  }),
});
