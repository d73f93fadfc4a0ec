import type { ActionInput, DeliveryType, UsableCoupon } from '../contract';
import type { MemberArgs } from '../context';
import type { Executor } from '../db/db';
import { ok, type Result } from '../errors';
import { fen } from '../shared/money';
import { liveCouponsOf } from '../coupon';
import { loadCart, priceCart, type LoadedCart } from './cart-pricing';
import { checkoutSeams } from './seams';

/**
 * Each of the member's live coupons priced against this cart (member price -> coupon, caps
 * included), usable first, the biggest discount first, then the one expiring soonest. A member holds
 * a handful of coupons; pricing each is cheap next to getting it wrong. Points are left out: they
 * are applied after the coupon and do not change its discount.
 */
export async function rankCoupons(
  exec: Executor,
  q: { storeId: string; memberId: string; now: Date },
  cart: LoadedCart,
  deliveryType: DeliveryType,
): Promise<UsableCoupon[]> {
  const items: UsableCoupon[] = [];
  for (const row of await liveCouponsOf(exec, q.memberId, q.now)) {
    const offer = await checkoutSeams().couponOffer(exec, { ...q, couponId: row.id });
    const priced = offer.ok
      ? priceCart(cart, { deliveryType, coupon: offer.data, pointsRequested: 0, pointsBalance: 0 })
      : offer;
    items.push({
      couponId: row.id,
      title: row.title,
      validUntil: row.valid_until.toISOString(),
      discountFen: priced.ok ? priced.data.couponDiscountFen : fen(0),
      usable: priced.ok,
      ...(priced.ok ? {} : { reason: priced.error.message }),
    });
  }
  return items.sort(
    (a, b) =>
      Number(b.usable) - Number(a.usable) || b.discountFen - a.discountFen || a.validUntil.localeCompare(b.validUntil),
  );
}

/** `order.usableCoupons`: the checkout picker, in the order `rankCoupons` gives (its first usable one is preselected). */
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
  return ok({ items: await rankCoupons(exec, who, cart.data, base.data.deliveryType) });
}
