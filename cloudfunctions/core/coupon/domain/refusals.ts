import type { ErrorCode } from '../../errors';

/** Every way a coupon can be refused, each with its own stable code (the client toasts by code). */
const COUPON_REFUSALS = {
  not_found: 'COUPON_UNAVAILABLE',
  ended: 'COUPON_UNAVAILABLE',
  sold_out: 'COUPON_SOLD_OUT',
  limit_reached: 'COUPON_LIMIT_REACHED',
  not_started: 'COUPON_NOT_STARTED',
  expired: 'COUPON_EXPIRED',
  used: 'COUPON_USED',
  locked: 'COUPON_IN_USE',
  threshold: 'COUPON_THRESHOLD_NOT_MET',
  scope: 'COUPON_NOT_APPLICABLE',
} as const satisfies Record<string, ErrorCode>;

export type CouponRefusal = keyof typeof COUPON_REFUSALS;

export function couponRefusalCode(reason: CouponRefusal): ErrorCode {
  return COUPON_REFUSALS[reason];
}

/** The refusals a coupon's own state can give. */
export type StateRefusal = Extract<CouponRefusal, 'used' | 'locked' | 'expired' | 'not_started'>;

/**
 * Why a member's own coupon cannot be used at `now`, or null when it can: the one order of checks
 * for checkout (couponOffer) and the counter (redeemAtCounter), so both name the same reason.
 */
export function couponStateRefusal(
  c: { status: string; validFrom: Date; validUntil: Date },
  now: Date,
): StateRefusal | null {
  if (c.status === 'used') return 'used';
  if (c.status === 'locked') return 'locked';
  if (c.status === 'expired' || c.validUntil <= now) return 'expired';
  if (c.validFrom > now) return 'not_started';
  return null;
}
