import { attributionChart } from './attribution-chart';

/** 门店业绩（近30天）: see attribution-chart.ts and dashboard/repo/attribution.ts. */
export default attributionChart({ code: 'shop_revenue', title: '门店业绩（近30天）', by: 'shop', metric: 'revenue' });
