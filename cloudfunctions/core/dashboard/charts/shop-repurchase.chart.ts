import { attributionChart } from './attribution-chart';

/** 门店复购率（近30天）: see attribution-chart.ts and dashboard/repo/attribution.ts. */
export default attributionChart({
  code: 'shop_repurchase',
  title: '门店复购率（近30天）',
  by: 'shop',
  metric: 'repurchase',
});
