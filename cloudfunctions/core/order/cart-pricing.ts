import type { ActionInput, DeliveryType } from '../contract';
import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import { fen, type Fen } from '../shared/money';
import { findSkusWithProduct, specsText } from '../catalog';
import { loadFreightBook, shippingFor, type FreightBook } from '../freight';
import { DEFAULT_TIERS, findTierBenefits, type TierBenefits } from '../member';
import { currentSettings, type SettingsInForce } from '../settings';
import { ORDER_RULES } from './domain/order-rules';
import { priceOrder, type CatalogLine, type CouponOffer, type PricedOrder } from './domain/pricing';
import { checkoutSeams } from './seams';

type CartRequest = Pick<ActionInput<'order.quote'>, 'items' | 'groupBuy'>;

/** A cart read once (catalog lines, group prices, the member's tier), ready to be priced several ways. */
export interface LoadedCart {
  lines: CatalogLine[];
  groupPrices: Map<string, Fen> | undefined;
  benefits: TierBenefits;
  freight: FreightBook;
  /** The store's settings in force now: the rules a new order is placed under. */
  settings: SettingsInForce;
}

async function tierBenefits(exec: Executor, memberId: string): Promise<TierBenefits> {
  return ((await findTierBenefits(exec, memberId)) as unknown as TierBenefits | null) ?? DEFAULT_TIERS[0]!.benefits;
}

/** Reads what pricing needs at today's prices; an unavailable or short SKU is refused here. */
export async function loadCart(
  exec: Executor,
  q: { storeId: string; memberId: string; now: Date },
  request: CartRequest,
): Promise<Result<LoadedCart>> {
  const rows = await findSkusWithProduct(
    exec,
    q.storeId,
    request.items.map((i) => i.skuId),
  );
  const bySku = new Map(rows.map((r) => [r.sku_id, r]));
  const lines: CatalogLine[] = [];
  for (const item of request.items) {
    const row = bySku.get(item.skuId);
    if (!row || !row.active || row.status !== 'on_sale') {
      return fail('PRODUCT_UNAVAILABLE', undefined, { skuId: item.skuId });
    }
    if (row.stock < item.qty) return fail('INSUFFICIENT_STOCK', undefined, { skuId: item.skuId, stock: row.stock });
    lines.push({
      skuId: row.sku_id,
      productId: row.product_id,
      categoryId: row.category_id,
      title: row.title,
      image: row.images[0] ?? '',
      specsText: specsText(row.specs),
      qty: item.qty,
      unitPriceFen: fen(row.price_fen),
      skuMemberPriceFen: row.member_price_fen,
      fulfilment: row.fulfilment,
    });
  }
  let groupPrices: Map<string, Fen> | undefined;
  if (request.groupBuy) {
    const offer = await checkoutSeams().groupBuyPrice(exec, { ...request.groupBuy, ...q, items: request.items });
    if (!offer.ok) return offer;
    groupPrices = offer.data as Map<string, Fen>;
  }
  return ok({
    lines,
    groupPrices,
    benefits: await tierBenefits(exec, q.memberId),
    freight: await loadFreightBook(exec, q.storeId, rows),
    settings: await currentSettings(exec, q.storeId),
  });
}

/** Where express goes: the address's province, or null before an address is chosen (default rules). */
export interface ShipTo {
  province: string | null;
  /**
   * The address cannot take some lines (the quote names them and checkout will not submit): no fee
   * can apply, so none is charged, rather than a fee for some other province.
   */
  undeliverable?: boolean;
}

/**
 * Prices a loaded cart: the one place checkout amounts come from. Express is priced by the lines'
 * freight templates for the province (the store's flat fee for lines without one), free at the tier's
 * threshold; group-buy orders are priced the same way.
 */
export function priceCart(
  cart: LoadedCart,
  o: { deliveryType?: DeliveryType; coupon: CouponOffer | null; pointsRequested: number; pointsBalance: number },
  shipTo: ShipTo = { province: null },
): Result<PricedOrder> {
  const flatFeeFen = fen(ORDER_RULES.expressFeeFen);
  const tierFreeOverFen = fen(cart.benefits.freeShippingThresholdFen);
  return priceOrder({
    lines: cart.lines,
    memberPricePercent: cart.benefits.memberPricePercent,
    freeShippingThresholdFen: tierFreeOverFen,
    expressFeeFen: flatFeeFen,
    groupPrices: cart.groupPrices,
    expressShipping: (lines) =>
      shipTo.undeliverable
        ? ok(fen(0))
        : shippingFor(cart.freight, { province: shipTo.province, lines, flatFeeFen, tierFreeOverFen }),
    pointsMaxSharePercent: cart.settings.settings.points.redeemCapPercent,
    redeemPointsPerYuan: cart.settings.settings.points.redeemPointsPerYuan,
    ...o,
  });
}
