import type { Executor } from '../db/db';
import type { Result } from '../errors';
import { groupBuyPrice } from '../groupbuy/groupbuy-price';
import type { CouponOffer } from './domain/pricing';
import { couponOffer, lockCoupon, releaseCoupon } from '../coupon/coupon-seams';
import { holdPoints, releasePoints, spendableBalance } from '../points/points-ledger';

/**
 * Where coupons, points and group-buy plug into checkout. The membership issue (coupons, points)
 * and the group-buy issue replace these defaults; checkout calls only this interface.
 * Every `lock`/`hold` runs inside the order's transaction and has a `release` that undoes it when
 * the order is cancelled, expires unpaid, or is refunded.
 */
export interface CheckoutSeams {
  couponOffer(exec: Executor, q: { storeId: string; memberId: string; couponId: string; now: Date }): Promise<Result<CouponOffer>>;
  lockCoupon(tx: Executor, q: { couponId: string; memberId: string; orderId: string; now: Date }): Promise<Result<null>>;
  releaseCoupon(tx: Executor, q: { couponId: string; orderId: string; now: Date }): Promise<void>;
  /** Points spendable now: lots past their expiry do not count even before the expiry timer sweeps them. */
  pointsBalance(exec: Executor, memberId: string, now: Date): Promise<number>;
  holdPoints(tx: Executor, q: { memberId: string; points: number; orderId: string; now: Date }): Promise<Result<null>>;
  releasePoints(tx: Executor, q: { memberId: string; orderId: string; now: Date }): Promise<void>;
  /**
   * The group price per SKU for a group-buy order (issue 6), after checking the campaign, the team
   * and the member's limit; any refusal is a clear code and checkout writes nothing.
   */
  groupBuyPrice(
    exec: Executor,
    q: { campaignId: string; teamId?: string; storeId: string; memberId: string; now: Date; items: ReadonlyArray<{ skuId: string; qty: number }> },
  ): Promise<Result<Map<string, number>>>;
}

/**
 * Coupons (coupon/coupon-seams.ts), points (points/points-ledger.ts) and group-buy
 * (groupbuy/groupbuy-price.ts) plug in here.
 */
export const defaultSeams: CheckoutSeams = {
  couponOffer,
  lockCoupon,
  releaseCoupon,
  // Points ledger (points/points-ledger.ts): conditional balance update + oldest-first lot consumption.
  pointsBalance: (exec, memberId, now) => spendableBalance(exec, memberId, now),
  holdPoints: (tx, q) => holdPoints(tx, q),
  releasePoints: (tx, q) => releasePoints(tx, q),
  // Group-buy (groupbuy/groupbuy-price.ts): campaign, team and per-member checks, then the group price.
  groupBuyPrice,
};

let active: CheckoutSeams = defaultSeams;

export function checkoutSeams(): CheckoutSeams {
  return active;
}

/** For the issues that fill the seams (and for tests). */
export function useCheckoutSeams(seams: CheckoutSeams): void {
  active = seams;
}
