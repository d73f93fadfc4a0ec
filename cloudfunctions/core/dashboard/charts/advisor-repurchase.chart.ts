import { attributionChart } from './attribution-chart';

/** 导购复购率（近30天）: see attribution-chart.ts and dashboard/repo/attribution.ts. */
export default attributionChart({
  code: 'advisor_repurchase',
  title: '导购复购率（近30天）',
  by: 'advisor',
  metric: 'repurchase',
});
