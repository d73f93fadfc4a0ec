import { randomUUID } from 'node:crypto';
import type { ActionInput, ActionOutput } from '../contract';
import type { MemberArgs } from '../context';
import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import { addMinutes } from '../shared/time';
import { newOrderNo } from './domain/order-ids';
import { orderRulesSnapshot, type OrderRulesSnapshot } from './domain/order-rules';
import type { PricedOrder } from './domain/pricing';
import { insertOrder, releaseStock, reserveStock } from './repo/order.repo';
import { addressForOrder } from '../member';
import { loadCart, priceCart, type ShipTo } from './cart-pricing';
import { checkoutSeams } from './seams';

/** Prices a cart for an order: the coupon asked for, the points asked for (checked against the balance). */
async function price(
  exec: Executor,
  q: { storeId: string; memberId: string; now: Date },
  request: ActionInput<'order.create'>,
  shipTo: ShipTo,
): Promise<Result<PricedOrder & { rules: OrderRulesSnapshot }>> {
  const cart = await loadCart(exec, q, request);
  if (!cart.ok) return cart;
  const seams = checkoutSeams();
  let coupon = null;
  if (request.couponId) {
    const offer = await seams.couponOffer(exec, { ...q, couponId: request.couponId });
    if (!offer.ok) return offer;
    coupon = offer.data;
  }
  const priced = priceCart(
    cart.data,
    {
      deliveryType: request.delivery.type,
      coupon,
      pointsRequested: request.pointsToUse ?? 0,
      // The balance matters only when points are asked for: skip the read otherwise (hot path).
      pointsBalance: request.pointsToUse ? await seams.pointsBalance(exec, q.memberId, q.now) : 0,
    },
    shipTo,
  );
  return priced.ok ? ok({ ...priced.data, rules: orderRulesSnapshot(cart.data.settings) }) : priced;
}

/** The pickup shop an order names: the one chosen, else the member's own, else the store's first. */
async function pickupShopFor(
  exec: Executor,
  q: { storeId: string; memberId: string },
  shopId: string | undefined,
): Promise<Result<string | null>> {
  const shops = await checkoutSeams().pickupShops(exec, q);
  if (!shopId) return ok(shops[0]?.shopId ?? null);
  return shops.some((s) => s.shopId === shopId) ? ok(shopId) : fail('SHOP_NOT_FOUND', undefined, { shopId });
}

/** The named steps of `order.create`; `failAfter` lets tests crash the use case after any of them. */
export const CREATE_STEPS = ['price', 'lockCoupon', 'holdPoints', 'reserveStock', 'insertOrder'] as const;
export type CreateStep = (typeof CREATE_STEPS)[number];

/**
 * `order.create`: price -> lock coupon -> hold points -> reserve stock -> insert the order
 * (pending_payment, expiring in 30 minutes). All steps share the idempotent call's transaction, so a
 * failure or crash after any step leaves nothing behind; the same holds are released by
 * `releaseOrderHolds` when the order is cancelled or expires unpaid. Stock comes last: a SKU's row
 * is the one many buyers share, and its lock is held from its update to the commit, so nothing but
 * the order's insert (the same statement, for an order of one SKU) and the commit runs under it.
 */
export async function createOrder(
  { input, caller, ctx, exec }: MemberArgs<ActionInput<'order.create'>>,
  faults: { failAfter?: CreateStep } = {},
): Promise<Result<ActionOutput<'order.create'>>> {
  const seams = checkoutSeams();
  const crashAfter = (step: CreateStep) => {
    if (faults.failAfter === step) throw new Error(`injected crash after ${step}`);
  };
  const memberId = caller.memberId;
  // The order keeps a copy of the address: later edits to the address book never change it.
  let address = input.delivery.type === 'express' ? (input.delivery.address ?? null) : null;
  if (input.delivery.type === 'express' && input.delivery.addressId) {
    address = await addressForOrder(exec, memberId, input.delivery.addressId);
    if (!address) return fail('ADDRESS_NOT_FOUND', undefined, { addressId: input.delivery.addressId });
  }
  const who = { storeId: ctx.storeId, memberId, now: ctx.now };
  const pickupShop =
    input.delivery.type === 'pickup' ? await pickupShopFor(exec, who, input.delivery.shopId) : ok(null);
  if (!pickupShop.ok) return pickupShop;
  // Express is priced for the address's province; one some lines cannot go to is refused here.
  const priced = await price(exec, who, input, { province: address?.province ?? null });
  if (!priced.ok) return priced;
  const order = priced.data;
  crashAfter('price');

  const orderId = `o_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
  if (input.couponId) {
    const locked = await seams.lockCoupon(exec, { couponId: input.couponId, memberId, orderId, now: ctx.now });
    if (!locked.ok) return locked;
  }
  crashAfter('lockCoupon');
  if (order.pointsUsed > 0) {
    const held = await seams.holdPoints(exec, { memberId, points: order.pointsUsed, orderId, now: ctx.now });
    if (!held.ok) return held;
  }
  crashAfter('holdPoints');

  // One SKU: reserved by the order's insert itself. Several: one conditional update each, sorted by
  // SKU so two orders over the same SKUs lock rows in one order and cannot deadlock.
  const wanted = new Map<string, number>();
  for (const line of order.lines) wanted.set(line.skuId, (wanted.get(line.skuId) ?? 0) + line.qty);
  const single =
    wanted.size === 1 ? { skuId: order.lines[0]!.skuId, qty: wanted.get(order.lines[0]!.skuId)! } : undefined;
  if (!single) {
    for (const [skuId, qty] of [...wanted].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (!(await reserveStock(exec, skuId, qty))) return fail('INSUFFICIENT_STOCK', undefined, { skuId });
    }
    crashAfter('reserveStock');
  }

  const orderNo = newOrderNo(ctx.now);
  const expiresAt = addMinutes(ctx.now, order.rules.paymentWindowMinutes);
  const placed = await insertOrder(
    exec,
    {
      id: orderId,
      order_no: orderNo,
      store_id: ctx.storeId,
      member_id: memberId,
      status: 'pending_payment',
      status_before_refund: null,
      delivery_type: input.delivery.type,
      address: address ? JSON.stringify(address) : null,
      remark: input.remark ?? '',
      subtotal_fen: order.subtotalFen,
      member_discount_fen: order.memberDiscountFen,
      coupon_discount_fen: order.couponDiscountFen,
      points_discount_fen: order.pointsDiscountFen,
      shipping_fen: order.shippingFen,
      payable_fen: order.payableFen,
      points_used: order.pointsUsed,
      coupon_id: input.couponId ?? null,
      group_buy: input.groupBuy ? JSON.stringify(input.groupBuy) : null,
      pickup_code: null,
      carrier: null,
      tracking_no: null,
      transaction_id: null,
      expires_at: expiresAt,
      paid_at: null,
      shipped_at: null,
      ready_at: null,
      completed_at: null,
      settled_at: null,
      cancelled_at: null,
      cancel_reason: null,
      created_at: ctx.now,
      pickup_shop_id: pickupShop.data,
      // The store's rules now: later settings changes never rewrite this order's.
      settings_version: order.rules.settingsVersion,
      auto_confirm_days: order.rules.autoConfirmDays,
      refund_window_days: order.rules.refundWindowDays,
      points_per_yuan: order.rules.pointsPerYuan,
      redeem_points_per_yuan: order.rules.redeemPointsPerYuan,
      // The member's shop and advisor now, so a later reassignment does not move this revenue.
      ...seams.attribution(memberId),
    },
    order.lines.map((l, i) => ({
      id: `${orderId}_${i + 1}`,
      order_id: orderId,
      sku_id: l.skuId,
      product_id: l.productId,
      title: l.title,
      specs_text: l.specsText,
      image: l.image,
      qty: l.qty,
      unit_price_fen: l.unitPriceFen,
      member_price_fen: l.memberPriceFen,
      coupon_share_fen: l.couponShareFen,
      points_share_fen: l.pointsShareFen,
      payable_fen: l.payableFen,
      refund_id: null,
      sort: i,
    })),
    single,
  );
  // The rows just written go with the failed call's rollback.
  if (!placed) return fail('INSUFFICIENT_STOCK', undefined, { skuId: single!.skuId });
  if (single) crashAfter('reserveStock');
  crashAfter('insertOrder');
  return ok({
    orderId,
    orderNo,
    payableFen: order.payableFen,
    status: 'pending_payment',
    expiresAt: expiresAt.toISOString(),
  });
}

/**
 * The compensations of `order.create`, in reverse: give back points, coupon and stock. Callers run
 * it only after winning the conditional status update, so it runs once per order.
 */
export async function releaseOrderHolds(
  tx: Executor,
  order: { id: string; member_id: string; coupon_id: string | null; points_used: number },
  lines: ReadonlyArray<{ sku_id: string; qty: number }>,
  now: Date,
): Promise<void> {
  const seams = checkoutSeams();
  if (order.points_used > 0) await seams.releasePoints(tx, { memberId: order.member_id, orderId: order.id, now });
  if (order.coupon_id) await seams.releaseCoupon(tx, { couponId: order.coupon_id, orderId: order.id, now });
  for (const line of [...lines].sort((a, b) => (a.sku_id < b.sku_id ? -1 : 1)))
    await releaseStock(tx, line.sku_id, line.qty);
}
