import type { ChartProvider } from './chart';
import memberTags from './member-tags.chart';
import nudgeConversion from './nudge-conversion.chart';
import repurchaseRate from './repurchase-rate.chart';
import rfmSegments from './rfm-segments.chart';
import groupbuySuccess from './groupbuy-success.chart'; // issue 8 follow-up

/**
 * The manager dashboard's charts, in display order. Each is one file; the referral funnel
 * (referral_events) is added here with its issue.
 */
export const chartProviders: readonly ChartProvider[] = [rfmSegments, repurchaseRate, nudgeConversion, memberTags, groupbuySuccess];
