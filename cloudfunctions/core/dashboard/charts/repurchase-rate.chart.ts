import { monthlyRepurchase } from '../repo/chart-queries';
import { percent, type ChartProvider } from './chart';

/**
 * Repurchase rate by month (last 6 Shanghai months): of the month's buyers, the share who bought
 * before that month or more than once in it.
 */
const repurchaseRate: ChartProvider = {
  code: 'repurchase_rate',
  title: '月度复购率',
  load: async (exec, { storeId, now }) => {
    const rows = await monthlyRepurchase(exec, { storeId, now });
    return {
      kind: 'bars',
      unit: '%',
      rows: rows.map((r) => ({
        label: r.label.slice(2).replace('-', '/'),
        value: percent(Number(r.repeaters), Number(r.buyers)),
        hint: `${r.repeaters}/${r.buyers}人`,
      })),
      note: '当月购买会员中，曾经购买或当月多次购买的占比',
    };
  },
};
export default repurchaseRate;
