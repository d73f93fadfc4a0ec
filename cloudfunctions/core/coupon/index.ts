/** coupon's front door: what other contexts and the composition root may use (nothing else is reachable from outside). */
export { issueNewMemberGifts, runBirthdayTimer } from './auto-issue.service';
export { redeemAtCounter } from './counter-redeem';
export {
  couponOffer,
  liveCouponOffers,
  lockCoupon,
  markCouponUsed,
  releaseCoupon,
  type CouponOffer,
  type LiveCouponOffer,
} from './coupon-seams';
export { claimCoupon, listClaimable, memberCoupons } from './coupon.service';
export { type CouponScope } from './domain/scope';
export { issueCoupon } from './issue-coupon';
export { createCouponTemplate, listCouponTemplates, stopCouponTemplate } from './manager-templates.service';
export { activeTemplateChoices, findTemplate, voidUnusedCoupon } from './repo/coupon.repo';
export { couponRule, type CouponArgs, type CouponKind } from './rules';
