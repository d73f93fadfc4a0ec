import type { DeliveryType, OrderAmounts } from '../../contract';
import { fail, ok, type Result } from '../../errors';
import { allocateLargestRemainder } from '../../shared/allocate';
import { fen, sumFen, timesQty, type Fen } from '../../shared/money';
import { memberUnitPrice } from '../../shared/member-price';
import { DEFAULT_REDEEM_POINTS_PER_YUAN, redeemPoints } from './pricing-points';

/** A line as the catalog knows it, before any discount. */
export interface CatalogLine {
  skuId: string;
  productId: string;
  categoryId: string;
  title: string;
  image: string;
  specsText: string;
  qty: number;
  unitPriceFen: Fen;
  /** The SKU's own 会员价 (null or absent: the tier's percentage applies). */
  skuMemberPriceFen?: number | null;
  fulfilment: DeliveryType[];
}

export interface PricedLine extends CatalogLine {
  memberPriceFen: Fen;
  couponShareFen: Fen;
  pointsShareFen: Fen;
  payableFen: Fen;
}

import type { CouponOffer } from '../../coupon';

export type { CouponOffer };

export interface PricingInput {
  lines: CatalogLine[];
  memberPricePercent: number;
  freeShippingThresholdFen: Fen;
  expressFeeFen: Fen;
  /** Omitted: the first type every line allows (express before pickup). */
  deliveryType?: DeliveryType;
  coupon: CouponOffer | null;
  /** Points the customer asked to use, and what they have. */
  pointsRequested: number;
  pointsBalance: number;
  /** Points that pay ¥1 (store settings, copied onto the order); omitted: the default 100. */
  redeemPointsPerYuan?: number;
  /** The store's cap on points, % of the goods after coupon (store settings); omitted: the default 50%. */
  pointsMaxSharePercent?: number;
  /** group-buy unit prices by SKU, applied after the member price (the lower one wins). */
  groupPrices?: ReadonlyMap<string, Fen>;
  /**
   * Express shipping for the discounted lines (freight templates, the address's province); it may
   * refuse (an undeliverable province). Omitted: the flat fee below the free-shipping threshold.
   */
  expressShipping?: (lines: readonly PricedLine[], goodsPayableFen: Fen) => Result<Fen>;
}

/** Every amount the contract's OrderAmounts names, plus the priced lines. */
export interface PricedOrder extends OrderAmounts {
  lines: PricedLine[];
  deliveryType: DeliveryType;
  deliveryOptions: DeliveryType[];
  /** The most points may pay here, in fen: the store's share of the goods after coupon, never the last fen. */
  pointsCapFen: Fen;
  /** The redeem rate this order was priced at. */
  redeemPointsPerYuan: number;
}

/** A line that keeps the cart from one delivery type. */
interface BlockingLine {
  skuId: string;
  title: string;
}

/**
 * Why a delivery type is refused: `blockers.express` are the lines that cannot be shipped (pickup
 * only), `blockers.pickup` the lines that cannot be collected (express only). Removing one side's
 * blockers makes that type possible.
 */
export interface DeliveryConflict {
  deliveryOptions: DeliveryType[];
  blockers: Record<DeliveryType, BlockingLine[]>;
}

/** The delivery type to price with, or DELIVERY_CONFLICT naming the lines in the way. */
function chooseDelivery(
  lines: CatalogLine[],
  requested: DeliveryType | undefined,
): Result<{ type: DeliveryType; options: DeliveryType[] }> {
  const blockers = {} as Record<DeliveryType, BlockingLine[]>;
  for (const d of ['express', 'pickup'] as const)
    blockers[d] = lines.filter((l) => !l.fulfilment.includes(d)).map((l) => ({ skuId: l.skuId, title: l.title }));
  const options = (['express', 'pickup'] as const).filter((d) => blockers[d].length === 0);
  const chosen = requested ?? options[0];
  if (chosen && options.includes(chosen)) return ok({ type: chosen, options: [...options] });
  const details: DeliveryConflict = { deliveryOptions: [...options], blockers };
  const message =
    options.length === 0
      ? '部分商品仅支持快递，部分仅支持门店自提，请分开下单'
      : chosen === 'pickup'
        ? '部分商品不支持门店自提'
        : '部分商品仅支持门店自提';
  return fail('DELIVERY_CONFLICT', message, details);
}

/** Points may pay at most this share of the goods (after member price and coupon), unless the store set its own. */
export const POINTS_MAX_SHARE_PERCENT = 50;
/** WeChat Pay needs at least ¥0.01: discounts never take the goods below this. */
export const MIN_PAYABLE_FEN = 1;

/**
 * Prices an order in the order ARCHITECTURE.md fixes: member price -> (group-buy price) -> coupon
 * -> points (whole fen at the store's redeem rate, see `redeemPoints`) -> shipping. Every discount
 * is split over lines by largest remainder, so line payables always sum to the goods' payable, and
 * payable never drops below ¥0.01.
 */
export function priceOrder(input: PricingInput): Result<PricedOrder> {
  const delivery = chooseDelivery(input.lines, input.deliveryType);
  if (!delivery.ok) return delivery;
  const { type: deliveryType, options: deliveryOptions } = delivery.data;
  const memberUnits = input.lines.map((l) => {
    const member = memberUnitPrice(l.unitPriceFen, input.memberPricePercent, l.skuMemberPriceFen ?? null);
    const group = input.groupPrices?.get(l.skuId);
    return group !== undefined && group < member ? group : member;
  });
  const memberTotals = input.lines.map((l, i) => timesQty(memberUnits[i]!, l.qty));
  const subtotalFen = sumFen(input.lines.map((l) => timesQty(l.unitPriceFen, l.qty)));
  const goodsAfterMember = sumFen(memberTotals);

  let couponShares = input.lines.map(() => fen(0));
  if (input.coupon) {
    const verdict = input.coupon.evaluate(
      input.lines.map((l, i) => ({ productId: l.productId, categoryId: l.categoryId, amountFen: memberTotals[i]! })),
    );
    if (!verdict.ok) return fail(verdict.code, verdict.message);
    const weights = memberTotals.map((t, i) => (verdict.eligible[i] ? t : 0));
    // A coupon takes at most its eligible lines (each share then stays within its line) and never
    // the last fen of the order.
    const eligibleTotal = weights.reduce<number>((a, b) => a + b, 0);
    const discount = fen(Math.max(0, Math.min(verdict.discountFen, eligibleTotal, goodsAfterMember - MIN_PAYABLE_FEN)));
    couponShares = allocateLargestRemainder(discount, weights);
  }
  const afterCoupon = memberTotals.map((t, i) => fen(t - couponShares[i]!));
  const goodsAfterCoupon = sumFen(afterCoupon);

  if (input.pointsRequested > input.pointsBalance) {
    return fail('INSUFFICIENT_POINTS', undefined, { requested: input.pointsRequested, balance: input.pointsBalance });
  }
  const pointsCapFen = fen(
    Math.max(
      0,
      Math.min(
        Math.floor((goodsAfterCoupon * (input.pointsMaxSharePercent ?? POINTS_MAX_SHARE_PERCENT)) / 100),
        goodsAfterCoupon - MIN_PAYABLE_FEN,
      ),
    ),
  );
  const redeemPointsPerYuan = input.redeemPointsPerYuan ?? DEFAULT_REDEEM_POINTS_PER_YUAN;
  const redeemed = redeemPoints({
    requested: input.pointsRequested,
    pointsPerYuan: redeemPointsPerYuan,
    capFen: pointsCapFen,
  });
  const pointsShares = allocateLargestRemainder(redeemed.valueFen, afterCoupon);

  const lines: PricedLine[] = input.lines.map((l, i) => ({
    ...l,
    memberPriceFen: memberUnits[i]!,
    couponShareFen: couponShares[i]!,
    pointsShareFen: pointsShares[i]!,
    payableFen: fen(afterCoupon[i]! - pointsShares[i]!),
  }));
  const goodsPayable = sumFen(lines.map((l) => l.payableFen));
  let shippingFen = fen(0);
  if (deliveryType === 'express' && input.expressShipping) {
    const shipping = input.expressShipping(lines, goodsPayable);
    if (!shipping.ok) return shipping;
    shippingFen = shipping.data;
  } else if (deliveryType === 'express' && goodsPayable < input.freeShippingThresholdFen)
    shippingFen = input.expressFeeFen;
  const memberDiscountFen = fen(subtotalFen - goodsAfterMember);
  const couponDiscountFen = sumFen(couponShares);
  return ok({
    lines,
    subtotalFen,
    memberDiscountFen,
    couponDiscountFen,
    pointsDiscountFen: redeemed.valueFen,
    shippingFen,
    discountFen: fen(memberDiscountFen + couponDiscountFen + redeemed.valueFen),
    pointsUsed: redeemed.points,
    payableFen: fen(goodsPayable + shippingFen),
    deliveryType,
    deliveryOptions,
    pointsCapFen,
    redeemPointsPerYuan,
  });
}
