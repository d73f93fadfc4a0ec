import { attributionChart } from './attribution-chart';

/** 导购新会员（近30天）: see attribution-chart.ts and dashboard/repo/attribution.ts. */
export default attributionChart({
  code: 'advisor_new_members',
  title: '导购新会员（近30天）',
  by: 'advisor',
  metric: 'newMembers',
});
