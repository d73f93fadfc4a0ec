import { sql } from 'kysely';
import { clip } from '../../nudge';
import { percent, type ChartProvider } from './chart';

/** Campaigns shown: the ones whose teams finished most recently. */
const MAX_CAMPAIGNS = 6;

/**
 * Group-buy success rate per campaign: teams finished in the last 30 days that filled (成团) vs
 * failed (refunded). Virtual groups (expired unfilled, counted as succeeded because the campaign
 * allows it) are listed apart and left out of the rate: they say nothing about whether members
 * bring friends, which is what the rate is read for. Reads groupbuy_teams by (store_id, created_at):
 * a team finishes at most 168 h after it is created.
 */
const groupbuySuccess: ChartProvider = {
  code: 'groupbuy_success',
  title: '拼团成团率',
  load: async (exec, { storeId, now }) => {
    const { rows } = await sql<{ title: string; filled: number; failed: number; virtual: number }>`
      select c.title,
             (count(*) filter (where t.status = 'succeeded' and not t.virtual))::int as filled,
             (count(*) filter (where t.status = 'failed'))::int as failed,
             (count(*) filter (where t.status = 'succeeded' and t.virtual))::int as virtual
        from groupbuy_teams t
        join groupbuy_campaigns c on c.id = t.campaign_id
       where t.store_id = ${storeId} and t.status <> 'open'
         and t.created_at > ${now}::timestamptz - interval '37 days'
         and t.finished_at > ${now}::timestamptz - interval '30 days' and t.finished_at <= ${now}
       group by c.id, c.title
       order by max(t.finished_at) desc, c.id
       limit ${MAX_CAMPAIGNS}`.execute(exec);
    return {
      kind: 'pairs',
      unit: '个团',
      valueLabel: '成团',
      secondaryLabel: '失败',
      rows: rows.map((r) => {
        const filled = Number(r.filled);
        const failed = Number(r.failed);
        const virtual = Number(r.virtual);
        // No rate without a filled or failed team (a campaign with only virtual groups so far).
        const parts = [
          filled + failed > 0 ? `成团率 ${percent(filled, filled + failed)}%` : '',
          virtual > 0 ? `虚拟成团 ${virtual}` : '',
        ];
        return { label: clip(r.title, 8), value: filled, secondary: failed, hint: parts.filter(Boolean).join(' · ') };
      }),
      note: '近30天结束的团；成团率 = 满员成团 ÷ (满员成团 + 失败)，虚拟成团（到期未满按成功处理）单列不计入',
    };
  },
};
export default groupbuySuccess;
