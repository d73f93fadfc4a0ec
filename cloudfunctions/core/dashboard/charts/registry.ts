import type { ChartProvider } from './chart';
import groupbuySuccess from './groupbuy-success.chart';
import memberTags from './member-tags.chart';
import nudgeConversion from './nudge-conversion.chart';
import referralFunnel from './referral-funnel.chart';
import repurchaseRate from './repurchase-rate.chart';
import rfmSegments from './rfm-segments.chart';

/** The manager dashboard's charts, in display order. Each is one file and one entry here. */
export const chartProviders: readonly ChartProvider[] = [rfmSegments, repurchaseRate, referralFunnel, nudgeConversion, groupbuySuccess, memberTags];
