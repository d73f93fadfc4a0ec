import { attributionChart } from './attribution-chart';

/** 导购业绩（近30天）: see attribution-chart.ts and dashboard/repo/attribution.ts. */
export default attributionChart({
  code: 'advisor_revenue',
  title: '导购业绩（近30天）',
  by: 'advisor',
  metric: 'revenue',
});
