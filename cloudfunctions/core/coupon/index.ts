/** coupon's front door: what other contexts may use. */
export { couponOffer, lockCoupon, markCouponUsed, releaseCoupon, type CouponOffer } from './coupon-seams';
export { liveCouponsOf } from './repo/coupon.repo';
