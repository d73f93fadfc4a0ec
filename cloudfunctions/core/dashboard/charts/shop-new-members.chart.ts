import { attributionChart } from './attribution-chart';

/** 门店新会员（近30天）: see attribution-chart.ts and dashboard/repo/attribution.ts. */
export default attributionChart({
  code: 'shop_new_members',
  title: '门店新会员（近30天）',
  by: 'shop',
  metric: 'newMembers',
});
