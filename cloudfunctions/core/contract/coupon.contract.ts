/** Coupons: the claim center, the member's coupons, the checkout picker. */
import { z } from 'zod';
import type { Fen } from '../shared/money';
import type { CouponDescription, CouponKind } from '../coupon/rules';
import { action, cartItems, id, pricingInput } from './action';

// The kinds are the coupon rule registry's codes: the rules directory imports nothing server-only,
// so the contract may take them at runtime (the client imports the contract as types only).
export { COUPON_KIND_CODES } from '../coupon/rules';
export type { CouponDescription, CouponKind, CouponKindField, CouponKindForm } from '../coupon/rules';

// ---------- membership: coupons (types) ----------
export type CouponStatus = 'usable' | 'locked' | 'used' | 'expired';

/**
 * A template's discount: the kind's title and the server's words for it (the ticket and lists show
 * these as they come), and the numbers of the kinds that have them (null where a kind has none).
 */
export interface CouponTermsView {
  kind: CouponKind;
  /** 满减 / 折扣 / 无门槛 ... */
  kindTitle: string;
  /** 满199减30, and the ticket's face: ¥ 30 over 满199可用. */
  description: CouponDescription;
  thresholdFen: Fen | null;
  amountFen: Fen | null;
  /** Percent taken off: 15 means 8.5 折. */
  percentOff: number | null;
  capFen: Fen | null;
  /** 全场通用 / 限面霜乳液可用 ... */
  scopeText: string;
  /** Where 去使用 leads: the categories or products the coupon is limited to (none for 全场通用). */
  scope: { kind: 'all' | 'categories' | 'products'; targets: Array<{ id: string; name: string }> };
}

export interface ClaimableCoupon extends CouponTermsView {
  templateId: string;
  title: string;
  remaining: number;
  total: number;
  /** 领取后7天内有效 / 2026.03.01-2026.03.31. */
  validityText: string;
  /** Signed-in callers: whether they hold one of this template already; null when anonymous. */
  claimedByMe: boolean | null;
  /** Signed-in callers: whether the per-member limit still allows a claim. */
  canClaim: boolean;
}

export interface MemberCoupon extends CouponTermsView {
  couponId: string;
  templateId: string;
  title: string;
  status: CouponStatus;
  validFrom: string;
  validUntil: string;
}

export interface UsableCoupon {
  couponId: string;
  title: string;
  validUntil: string;
  /** What the coupon takes off this cart (after member price); 0 when not usable. */
  discountFen: Fen;
  usable: boolean;
  /** Why not, in words for the customer (未满¥199，还差¥20 / 所选商品不适用此券 ...). */
  reason?: string;
}

export const couponActions = {
  'coupon.listClaimable': action<{ items: ClaimableCoupon[] }>()({
    input: z.object({}).strict(),
    role: 'any',
  }),
  'member.claimCoupon': action<{ couponId: string }>()({
    input: z.object({ templateId: id }).strict(),
    role: 'customer',
    mutating: true,
  }),
  'member.coupons': action<{ items: MemberCoupon[] }>()({
    input: z.object({ status: z.enum(['usable', 'used', 'expired']).optional() }).strict(),
    role: 'customer',
  }),
  /** The checkout picker: every coupon the member holds, priced against this cart, best first. */
  'order.usableCoupons': action<{ items: UsableCoupon[] }>()({
    input: z
      .object({
        items: cartItems,
        pointsToUse: pricingInput.pointsToUse,
        groupBuy: pricingInput.groupBuy,
        deliveryType: z.enum(['express', 'pickup']).optional(),
      })
      .strict(),
    role: 'customer',
  }),
} as const;
