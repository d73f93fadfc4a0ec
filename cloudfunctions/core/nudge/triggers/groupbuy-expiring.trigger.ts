import { sql } from 'kysely';
import { z } from 'zod';
import { defineTrigger } from './trigger';
import { inShanghai } from '../../shared/time';

/**
 * 拼团即将到期: the member holds a paid seat (order still `grouping`) in an open team that is still
 * short of members and expires within `withinHours`, so they share the team before it fails.
 * The default is 24 h because the timer runs once a day (10:00): that run is the last chance before
 * every team expiring until the next run; a shorter window would skip the teams expiring between
 * 10:00+N and the next 10:00 (the quiet hours and the 7-day cap still apply, like every trigger).
 * Teams of campaigns that allow virtual groups are skipped: they succeed at expiry anyway, and a
 * nudge would spend the member's scarce quota for nothing. Reads the partial index
 * groupbuy_teams_expiry (open teams by expires_at). One nudge per member and team.
 */
export default defineTrigger({
  code: 'groupbuy_expiring',
  title: '拼团即将到期',
  args: z.object({ withinHours: z.number().int().min(1).max(72).default(24) }),
  argFields: [{ key: 'withinHours', label: '到期前', kind: 'int', min: 1, max: 72, unit: '小时内提醒' }],
  select: ({ storeId, now, args }) => sql`
    select tm.member_id, 'team:' || t.id as subject,
           jsonb_build_object('teamId', t.id, 'title', c.title, 'missing', t.size - t.joined, 'expiresAt', t.expires_at) as detail
      from groupbuy_teams t
      join groupbuy_campaigns c on c.id = t.campaign_id
      join groupbuy_team_members tm on tm.team_id = t.id
      join orders o on o.id = tm.order_id and o.status = 'grouping'
     where t.status = 'open' and t.store_id = ${storeId} and t.joined < t.size and not c.allow_virtual
       and t.expires_at > ${now} and t.expires_at <= ${now}::timestamptz + (${args.withinHours} * interval '1 hour')`,
  message: (d) => ({
    page: `packages/groupbuy/team?teamId=${encodeURIComponent(String(d.teamId))}`,
    title: String(d.title),
    body: `还差${Number(d.missing)}人成团，${shanghaiTime(d.expiresAt)}截止`,
  }),
});

/** `MM-DD HH:mm` in Asia/Shanghai: the deadline the member can act on. */
function shanghaiTime(at: unknown): string {
  return inShanghai(new Date(String(at))).format('MM-DD HH:mm');
}
