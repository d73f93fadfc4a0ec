import type { CouponArgs, CouponRule } from './coupon-rule';
import { fullReduction } from './full-reduction.coupon-rule';
import { noThreshold } from './no-threshold.coupon-rule';
import { percentOff } from './percent-off.coupon-rule';

/** Every coupon kind a template may name. A new kind is one file and one line here. */
export const COUPON_RULES = {
  full_reduction: fullReduction,
  percent_off: percentOff,
  no_threshold: noThreshold,
} as const;

export type CouponKind = keyof typeof COUPON_RULES;
export const COUPON_KINDS = Object.keys(COUPON_RULES) as CouponKind[];

/** The rule for a kind, typed loosely: args are validated by the rule's own schema before use. */
export function couponRule(kind: CouponKind): CouponRule<CouponArgs> {
  return COUPON_RULES[kind] as unknown as CouponRule<CouponArgs>;
}

export type { CouponArgs, CouponCheck, CouponLine, CouponRule } from './coupon-rule';
