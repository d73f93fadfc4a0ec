import type { ActionInput, OrderQuote } from '../contract';
import type { Executor } from '../db/db';
import { parseNear } from '../contract/order.contract';
import type { MemberArgs } from '../context';
import { fail, ok, type Result } from '../errors';
import { addressForOrder } from '../member';
import { fen, points, type Fen } from '../shared/money';
import { pointsForYuan, wholeYuan } from '../points';
import type { CouponOffer, PricedOrder } from './domain/pricing';
import { redeemPoints } from './domain/pricing-points';
import { loadCart, priceCart, type ShipTo } from './cart-pricing';
import { bestCoupon, rankCoupons } from './usable-coupons.service';
import { checkoutSeams } from './seams';

/**
 * `order.quote`: what the order would cost, without reserving anything. The delivery type defaults
 * to the first the cart allows; a cart that allows none is DELIVERY_CONFLICT naming the lines in the
 * way. Without a couponId the best usable coupon is applied (unless the customer chose 不使用), and
 * the quote says which. It also carries the 积分抵扣 switch (balance, usable, value), the points
 * the order is expected to earn, and the shops a pickup can be collected at.
 */
export async function quoteOrder({
  input,
  caller,
  ctx,
  exec,
}: MemberArgs<ActionInput<'order.quote'>>): Promise<Result<OrderQuote>> {
  const seams = checkoutSeams();
  const who = { storeId: ctx.storeId, memberId: caller.memberId, now: ctx.now };
  const cart = await loadCart(exec, who, input);
  if (!cart.ok) return cart;
  const balance = await seams.pointsBalance(exec, caller.memberId, ctx.now);
  // The switch asks for the whole balance and pricing caps it; more than the balance is refused.
  const pointsRequested = input.pointsToUse ?? 0;
  const shipTo = await quotedShipTo(exec, caller.memberId, input.addressId);
  if (!shipTo.ok) return shipTo;
  // An address some lines cannot go to: said in the quote (create refuses it), and no shipping fee
  // is put in payable, since none can apply.
  let undeliverable: OrderQuote['undeliverable'] = null;
  const withCoupon = (coupon: CouponOffer | null) => {
    const priced = priceCart(
      cart.data,
      { deliveryType: input.deliveryType, coupon, pointsRequested, pointsBalance: balance },
      shipTo.data,
    );
    if (priced.ok || priced.error.code !== 'ADDRESS_UNDELIVERABLE') return priced;
    const { skuIds } = priced.error.details as { skuIds: string[] };
    undeliverable = { message: priced.error.message, skuIds };
    return priceCart(
      cart.data,
      { deliveryType: input.deliveryType, coupon, pointsRequested, pointsBalance: balance },
      { province: shipTo.data.province, undeliverable: true },
    );
  };
  const plain = withCoupon(null);
  if (!plain.ok) return plain;
  const deliveryType = plain.data.deliveryType;

  const ranked = await rankCoupons(exec, who, cart.data, deliveryType);
  // Coupons are compared without points (points come after the coupon and only cap on it).
  const bare = priceCart(cart.data, { deliveryType, coupon: null, pointsRequested: 0, pointsBalance: 0 });
  // A group-buy price is the promotion already: a coupon there is the customer's explicit pick.
  const auto = !input.noCoupon && !input.groupBuy;
  const chosen = input.couponId ?? (auto && bare.ok ? bestCoupon(ranked, bare.data.payableFen) : undefined);
  let priced: Result<PricedOrder> = plain;
  if (chosen) {
    const offer = await seams.couponOffer(exec, { ...who, couponId: chosen });
    if (!offer.ok) return offer;
    priced = withCoupon(offer.data);
  }
  if (!priced.ok) return priced;
  const { pointsCapFen, redeemPointsPerYuan, ...amounts } = priced.data;
  // What the whole balance would pay here, at the store's rate and under its cap.
  const offer = redeemPoints({ requested: balance, pointsPerYuan: redeemPointsPerYuan, capFen: pointsCapFen });
  return ok({
    ...amounts,
    lines: amounts.lines.map((l, i) => ({
      lineId: `q${i + 1}`,
      skuId: l.skuId,
      productId: l.productId,
      title: l.title,
      image: l.image,
      specsText: l.specsText,
      qty: l.qty,
      unitPriceFen: l.unitPriceFen,
      memberPriceFen: l.memberPriceFen,
      couponShareFen: l.couponShareFen,
      pointsShareFen: l.pointsShareFen,
      payableFen: l.payableFen,
      refunded: false,
    })),
    freeShippingThresholdFen: fen(cart.data.benefits.freeShippingThresholdFen) as Fen,
    couponId: chosen ?? null,
    usableCouponCount: ranked.filter((c) => c.usable).length,
    points: {
      balance: points(balance),
      usable: offer.points,
      valueFen: offer.valueFen,
      pointsPerYuan: redeemPointsPerYuan,
    },
    pointsToEarn: points(
      pointsForYuan(
        wholeYuan(amounts.payableFen) * cart.data.settings.settings.points.earnPointsPerYuan,
        cart.data.benefits.pointsMultiplier,
      ),
    ),
    pickupShops: amounts.deliveryOptions.includes('pickup')
      ? await seams.pickupShops(exec, { ...who, near: input.near ? (parseNear(input.near) ?? undefined) : undefined })
      : [],
    undeliverable,
  });
}

/** The province express would go to: the address book entry named, or none yet. */
async function quotedShipTo(exec: Executor, memberId: string, addressId: string | undefined): Promise<Result<ShipTo>> {
  if (!addressId) return ok({ province: null });
  const address = await addressForOrder(exec, memberId, addressId);
  return address ? ok({ province: address.province }) : fail('ADDRESS_NOT_FOUND', undefined, { addressId });
}
