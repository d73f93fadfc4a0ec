import { FRIEND_GIFT_TEMPLATE_ID } from '../../referral';
import type { SeedCouponTemplate } from './coupon-templates.data';

/** Issuer-only template for invited friends (referral.attribute issues it on binding). */
export const REFERRAL_COUPON_TEMPLATES: SeedCouponTemplate[] = [
  {
    id: FRIEND_GIFT_TEMPLATE_ID,
    title: '好友专享 无门槛15元',
    kind: 'no_threshold',
    args: { amountFen: 1500 },
    scope: 'all',
    validDays: 30,
    total: 1000000,
    perMemberLimit: 1,
    claimable: false,
    sort: 920,
  },
];
