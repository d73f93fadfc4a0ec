import type { ActionInput, UsableCoupon } from '../contract';
import type { MemberArgs } from '../context';
import { ok, type Result } from '../errors';
import { fen } from '../shared/money';
import { liveCouponsOf } from '../coupon';
import { quoteOrder } from './checkout.service';

/**
 * `order.usableCoupons`: the checkout picker. Each of the member's live coupons is priced by the real
 * `order.quote` (member price -> coupon, caps included), so the picker shows exactly what choosing it
 * takes off. A member holds a handful of coupons; one quote each is cheap next to getting it wrong.
 * Points are left out: they are applied after the coupon and do not change its discount.
 */
export async function usableCoupons(
  args: MemberArgs<ActionInput<'order.usableCoupons'>>,
): Promise<Result<{ items: UsableCoupon[] }>> {
  const { input, caller, ctx, exec } = args;
  const cart = { items: input.items, groupBuy: input.groupBuy, deliveryType: input.deliveryType };
  const base = await quoteOrder({ ...args, input: cart });
  if (!base.ok) return base;
  const rows = await liveCouponsOf(exec, caller.memberId, ctx.now);
  const items: UsableCoupon[] = [];
  for (const row of rows) {
    const quoted = await quoteOrder({ ...args, input: { ...cart, couponId: row.id } });
    items.push({
      couponId: row.id,
      title: row.title,
      validUntil: row.valid_until.toISOString(),
      discountFen: quoted.ok ? quoted.data.couponDiscountFen : fen(0),
      usable: quoted.ok,
      ...(quoted.ok ? {} : { reason: quoted.error.message }),
    });
  }
  // Usable first, the biggest discount first, then the one expiring soonest.
  items.sort(
    (a, b) =>
      Number(b.usable) - Number(a.usable) || b.discountFen - a.discountFen || a.validUntil.localeCompare(b.validUntil),
  );
  return ok({ items });
}
