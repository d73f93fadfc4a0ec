import { referralStagePeople } from '../repo/chart-queries';
import { percent, type ChartProvider } from './chart';

const STAGES = [
  { kind: 'card_shown', label: '邀请卡展示' },
  { kind: 'opened', label: '好友打开' },
  { kind: 'bound', label: '绑定成功' },
  { kind: 'first_order', label: '好友首单' },
  { kind: 'rewarded', label: '发放奖励' },
] as const;

/**
 * The referral funnel over the last 30 days, from `referral_events`. A stage counts distinct
 * people, not events (a member reloading 邀请有礼 or a friend reopening a card counts once):
 * members who were shown their card, then friends.
 */
const referralFunnel: ChartProvider = {
  code: 'referral_funnel',
  title: '邀请转化漏斗',
  load: async (exec, { storeId, now }) => {
    const rows = await referralStagePeople(exec, { storeId, now });
    const count = new Map(rows.map((r) => [r.kind, Number(r.people)]));
    return {
      kind: 'funnel',
      unit: '人',
      rows: STAGES.map((s, i) => {
        const value = count.get(s.kind) ?? 0;
        // Stage 0 counts inviters, the rest friends: a step rate only makes sense between friends.
        if (i < 2) return { label: s.label, value };
        return { label: s.label, value, hint: `转化 ${percent(value, count.get(STAGES[i - 1]!.kind) ?? 0)}%` };
      }),
      note: '近30天；展示按邀请人计，之后按好友计（转化率只在好友之间计算）',
    };
  },
};
export default referralFunnel;
