import type { ChartView } from '../../contract';
import { fen } from '../../shared/money';
import { attributionRows, type AttributionDimension, type AttributionRow } from '../repo/attribution';
import { percent, type ChartProvider } from './chart';

/** Rows shown: the shops / advisors with the largest values. */
const MAX_ROWS = 10;

type Metric = 'newMembers' | 'repurchase' | 'revenue';

const yuan = (amountFen: number) => {
  const digits = String(fen(Math.max(0, amountFen))).padStart(3, '0');
  return `¥${digits.slice(0, -2)}.${digits.slice(-2)}`;
};

const METRICS: Record<
  Metric,
  { unit: string; row(r: AttributionRow): { value: number; hint?: string }; note: string }
> = {
  newMembers: {
    unit: '人',
    row: (r) => ({ value: r.new_members }),
    note: '近30天首次扫码（门店码或导购码）入会的会员',
  },
  repurchase: {
    unit: '%',
    row: (r) => ({ value: percent(r.repeaters, r.buyers), hint: `${r.repeaters}/${r.buyers}人` }),
    note: '近30天归属订单中，下单2次及以上的会员占下单会员的比例',
  },
  revenue: {
    unit: '元',
    // Whole yuan for the bar's length; the exact amount in the hint.
    row: (r) => ({ value: Math.round(r.revenue_fen / 100), hint: yuan(r.revenue_fen) }),
    note: '近30天归属订单的实付金额（扣除退款），按下单时的门店与导购计',
  },
};

/**
 * A per-shop or per-advisor chart of one metric: each provider file names its dimension and metric;
 * the query and the shaping live here once.
 */
export function attributionChart(spec: {
  code: string;
  title: string;
  by: AttributionDimension;
  metric: Metric;
}): ChartProvider {
  const metric = METRICS[spec.metric];
  return {
    code: spec.code,
    title: spec.title,
    load: async (exec, { storeId, now }) => {
      const rows: ChartView['rows'] = (await attributionRows(exec, { storeId, now, by: spec.by }))
        .map((r) => ({ label: r.label, ...metric.row(r) }))
        .sort((a, b) => b.value - a.value)
        .slice(0, MAX_ROWS);
      return { kind: 'bars', unit: metric.unit, rows, note: metric.note };
    },
  };
}
