import { clip } from '../../nudge';
import { groupbuyOutcomes } from '../repo/chart-queries';
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
    const rows = await groupbuyOutcomes(exec, { storeId, now, limit: MAX_CAMPAIGNS });
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
