import { couponRule, type CouponKind } from '../../coupon';
import { fen, type Fen } from '../../shared/money';

/**
 * What one advisor-issued coupon costs the advisor's monthly budget: its face value in fen, the
 * most the brand can give away with it, as its kind's rule declares (`advisorCost`). A kind with no
 * bounded cost (a 折扣 without a cap) cannot be charged against a budget and is never
 * advisor-issuable (null).
 *
 * Face value rather than a count of coupons: a ¥5 and a ¥50 coupon should not cost the same budget,
 * and rather than the discount actually redeemed: that is only known at checkout, weeks later,
 * while the budget must say no at the moment of issuing.
 */
export function advisorCouponCost(kind: CouponKind, rawArgs: unknown): Fen | null {
  const rule = couponRule(kind);
  const parsed = rule.args.safeParse(rawArgs);
  if (!parsed.success) return null;
  const cost = rule.advisorCost(parsed.data);
  return typeof cost === 'number' && cost > 0 ? fen(cost) : null;
}
