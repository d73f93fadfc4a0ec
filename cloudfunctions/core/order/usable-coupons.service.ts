import type { ActionInput, DeliveryType, UsableCoupon } from '../contract';
import type { MemberArgs } from '../context';
import type { Executor } from '../db/db';
import { ok, type Result } from '../errors';
import { fen } from '../shared/money';
import { loadCart, priceCart, type LoadedCart } from './cart-pricing';
import { checkoutSeams } from './seams';

/** A coupon as the picker shows it, with what the order would then cost (shipping included). */
export type RankedCoupon = UsableCoupon & { payableFen: number | null };

/**
 * The coupon checkout preselects: the one that leaves the least to pay (a coupon that takes the
 * goods under the free-shipping threshold may save less than its face value), and only when it
 * saves something; ties go to the picker's order (bigger discount, sooner expiry).
 */
export function bestCoupon(ranked: RankedCoupon[], payableWithoutFen: number): string | undefined {
  let best: RankedCoupon | undefined;
  for (const c of ranked) if (c.payableFen !== null && c.payableFen < (best?.payableFen ?? payableWithoutFen)) best = c;
  return best?.couponId;
}

/**
 * Each of the member's live coupons priced against this cart (member price -> coupon, caps
 * included), usable first, the biggest discount first, then the one expiring soonest. The coupons
 * and their terms are read in one statement; pricing each is pure. Points are left out: they are
 * applied after the coupon and do not change its discount.
 */
export async function rankCoupons(
  exec: Executor,
  q: { storeId: string; memberId: string; now: Date },
  cart: LoadedCart,
  deliveryType: DeliveryType,
): Promise<RankedCoupon[]> {
  const items: RankedCoupon[] = (await checkoutSeams().liveCouponOffers(exec, q)).map((c) => {
    const priced = priceCart(cart, { deliveryType, coupon: c.offer, pointsRequested: 0, pointsBalance: 0 });
    return {
      couponId: c.couponId,
      title: c.title,
      validUntil: c.validUntil.toISOString(),
      discountFen: priced.ok ? priced.data.couponDiscountFen : fen(0),
      usable: priced.ok,
      ...(priced.ok ? {} : { reason: priced.error.message }),
      payableFen: priced.ok ? priced.data.payableFen : null,
    };
  });
  return items.sort(
    (a, b) =>
      Number(b.usable) - Number(a.usable) || b.discountFen - a.discountFen || a.validUntil.localeCompare(b.validUntil),
  );
}

/** `order.usableCoupons`: the checkout picker, in the order `rankCoupons` gives. */
export async function usableCoupons({
  input,
  caller,
  ctx,
  exec,
}: MemberArgs<ActionInput<'order.usableCoupons'>>): Promise<Result<{ items: UsableCoupon[] }>> {
  const who = { storeId: ctx.storeId, memberId: caller.memberId, now: ctx.now };
  const cart = await loadCart(exec, who, input);
  if (!cart.ok) return cart;
  // The same delivery type quote would use, so shipping-sensitive thresholds agree with it.
  const base = priceCart(cart.data, {
    deliveryType: input.deliveryType,
    coupon: null,
    pointsRequested: 0,
    pointsBalance: 0,
  });
  if (!base.ok) return base;
  const ranked = await rankCoupons(exec, who, cart.data, base.data.deliveryType);
  return ok({ items: ranked.map(({ payableFen: _payable, ...c }) => c) });
}
