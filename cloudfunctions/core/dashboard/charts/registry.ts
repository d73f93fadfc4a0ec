import type { ChartProvider } from './chart';
import groupbuySuccess from './groupbuy-success.chart';
import memberTags from './member-tags.chart';
import nudgeConversion from './nudge-conversion.chart';
import referralFunnel from './referral-funnel.chart';
import repurchaseRate from './repurchase-rate.chart';
import rfmSegments from './rfm-segments.chart';
// per-shop and per-advisor attribution
import shopNewMembers from './shop-new-members.chart';
import shopRepurchase from './shop-repurchase.chart';
import shopRevenue from './shop-revenue.chart';
import advisorNewMembers from './advisor-new-members.chart';
import advisorRepurchase from './advisor-repurchase.chart';
import advisorRevenue from './advisor-revenue.chart';

/** The manager dashboard's charts, in display order. Each is one file and one entry here. */
export const chartProviders: readonly ChartProvider[] = [
  rfmSegments,
  repurchaseRate,
  referralFunnel,
  nudgeConversion,
  groupbuySuccess,
  memberTags,
  shopNewMembers,
  shopRepurchase,
  shopRevenue,
  advisorNewMembers,
  advisorRepurchase,
  advisorRevenue,
];
