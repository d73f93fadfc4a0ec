import type { ChartProvider } from './chart';
import memberTags from './member-tags.chart';
import nudgeConversion from './nudge-conversion.chart';
import repurchaseRate from './repurchase-rate.chart';
import rfmSegments from './rfm-segments.chart';

/**
 * The manager dashboard's charts, in display order. Each is one file; the referral funnel
 * (referral_events) and the group-buy success rate (groupbuy_teams) are added here with their issues.
 */
export const chartProviders: readonly ChartProvider[] = [rfmSegments, repurchaseRate, nudgeConversion, memberTags];
