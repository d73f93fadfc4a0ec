import { CONVERSION_DAYS } from '../../nudge';
import { nudgeTriggers } from '../../nudge';
import { nudgeConversions } from '../repo/chart-queries';
import { percent, type ChartProvider } from './chart';

/** Nudges sent in the last 30 days and how many converted (an order within 7 days), per trigger. */
const nudgeConversion: ChartProvider = {
  code: 'nudge_conversion',
  title: '提醒发送与转化',
  load: async (exec, { storeId, now }) => {
    const rows = await nudgeConversions(exec, { storeId, now });
    const byCode = new Map(rows.map((r) => [r.trigger, r]));
    return {
      kind: 'pairs',
      unit: '条',
      valueLabel: '已发送',
      secondaryLabel: '已转化',
      rows: nudgeTriggers.map((t) => {
        const r = byCode.get(t.code);
        const sent = Number(r?.sent ?? 0);
        const conv = Number(r?.converted ?? 0);
        return { label: t.title, value: sent, secondary: conv, hint: `转化率 ${percent(conv, sent)}%` };
      }),
      note: `近30天；发送后${CONVERSION_DAYS}天内下单即计为转化`,
    };
  },
};
export default nudgeConversion;
