import type { RawBuilder } from 'kysely';
import type { PickupShop, PickupShopChoice } from '../contract';
import type { Executor } from '../db/db';
import { fail, type Result } from '../errors';
import {
  couponOffer,
  liveCouponOffers,
  lockCoupon,
  releaseCoupon,
  type CouponOffer,
  type LiveCouponOffer,
} from '../coupon';
import { holdPoints, releasePoints, spendableBalance } from '../points';

/**
 * Where other contexts plug into checkout and refunds. Coupons and points sit below order and are
 * wired in directly; group-buy and shops sit above it and plug in through `plugIntoCheckout` (from
 * core/plugins.ts), so order never imports them. Every `lock`/`hold` runs inside the order's
 * transaction and has a `release` that undoes it when the order is cancelled, expires unpaid, or is
 * refunded.
 */
export interface CheckoutSeams {
  couponOffer(
    exec: Executor,
    q: { storeId: string; memberId: string; couponId: string; now: Date },
  ): Promise<Result<CouponOffer>>;
  /** The member's coupons usable now with their offers, read in one statement. */
  liveCouponOffers(exec: Executor, q: { storeId: string; memberId: string; now: Date }): Promise<LiveCouponOffer[]>;
  lockCoupon(
    tx: Executor,
    q: { couponId: string; memberId: string; orderId: string; now: Date },
  ): Promise<Result<null>>;
  releaseCoupon(tx: Executor, q: { couponId: string; orderId: string; now: Date }): Promise<void>;
  /** Points spendable now: lots past their expiry do not count even before the expiry timer sweeps them. */
  pointsBalance(exec: Executor, memberId: string, now: Date): Promise<number>;
  holdPoints(tx: Executor, q: { memberId: string; points: number; orderId: string; now: Date }): Promise<Result<null>>;
  releasePoints(tx: Executor, q: { memberId: string; orderId: string; now: Date }): Promise<void>;
  /**
   * The group price per SKU for a group-buy order, after checking the campaign, the team and the
   * member's limit; any refusal is a clear code and checkout writes nothing.
   */
  groupBuyPrice(
    exec: Executor,
    q: {
      campaignId: string;
      teamId?: string;
      storeId: string;
      memberId: string;
      now: Date;
      items: ReadonlyArray<{ skuId: string; qty: number }>;
    },
  ): Promise<Result<Map<string, number>>>;
  /** The team an order holds a seat in while the team is still open (a refund waits for the team to end). */
  openTeamSeat(exec: Executor, orderId: string): Promise<string | null>;
  /**
   * The member's shop and advisor, as expressions the order insert evaluates in its own statement,
   * so a later reassignment does not move this order's revenue.
   */
  attribution(memberId: string): {
    shop_id: RawBuilder<string | null> | null;
    advisor_openid: RawBuilder<string | null> | null;
  };
  /** The store's open shops to collect a pickup at, in the order checkout offers them. */
  pickupShops(
    exec: Executor,
    q: { storeId: string; memberId: string; near?: { latitude: number; longitude: number } },
  ): Promise<PickupShopChoice[]>;
  /** The shop a staff member serves at (null: not placed in a shop). */
  staffShopId(exec: Executor, storeId: string, openid: string): Promise<string | null>;
  /** Shops by id (closed ones too: an order keeps showing where it was collected). */
  shopsById(exec: Executor, ids: string[]): Promise<Map<string, PickupShop>>;
}

const seams: CheckoutSeams = {
  couponOffer,
  liveCouponOffers,
  lockCoupon,
  releaseCoupon,
  // Points ledger: conditional balance update + oldest-first lot consumption.
  pointsBalance: (exec, memberId, now) => spendableBalance(exec, memberId, now),
  holdPoints: (tx, q) => holdPoints(tx, q),
  releasePoints: (tx, q) => releasePoints(tx, q),
  // Until group-buy plugs in there is no campaign to join, and no team holds a seat.
  groupBuyPrice: async () => fail('GROUP_BUY_UNAVAILABLE'),
  openTeamSeat: async () => null,
  // Until shops plug in, orders carry no shop or advisor.
  attribution: () => ({ shop_id: null, advisor_openid: null }),
  pickupShops: async () => [],
  shopsById: async () => new Map(),
  staffShopId: async () => null,
};

export function checkoutSeams(): CheckoutSeams {
  return seams;
}

/** For the contexts above order: group-buy (prices, seats) and shops (attribution, pickup shops). */
export function plugIntoCheckout(
  plugs: Partial<
    Pick<CheckoutSeams, 'groupBuyPrice' | 'openTeamSeat' | 'attribution' | 'pickupShops' | 'shopsById' | 'staffShopId'>
  >,
): void {
  Object.assign(seams, plugs);
}
