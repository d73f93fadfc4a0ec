import type { ActionInput, OrderView, PickupPreview } from '../contract';
import type { CallContext, MemberArgs, ServiceArgs } from '../context';
import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import { enqueue, type PayloadOf } from '../outbox/outbox';
import { releaseOrderHolds } from './checkout.service';
import { newPickupCode } from './domain/order-ids';
import { loadOwnOrder, viewsOf } from './order-queries';
import { checkoutSeams } from './seams';
import {
  findMemberNickname,
  findExpiredUnpaid,
  findLines,
  findOrder,
  findOrderByPickupCode,
  findOrdersIn,
  pickupCodeTaken,
  transitionOrder,
} from './repo/order.repo';
import { succeededRefundsFen } from './repo/refund.repo';

const BATCH = 100;

/** The event points and referral consume through the outbox; its schema is the `order.settled` topic's. */
export type OrderSettledEvent = PayloadOf<'order.settled'>;

/** Cancels an unpaid order and releases its holds, once: only the caller that wins the update releases. */
async function cancelUnpaid(
  tx: Executor,
  orderId: string,
  reason: 'customer' | 'expired',
  now: Date,
): Promise<boolean> {
  const won = await transitionOrder(tx, orderId, reason === 'expired' ? 'expire' : 'cancel', {
    cancelled_at: now,
    cancel_reason: reason,
  });
  if (!won) return false;
  const order = (await findOrder(tx, orderId))!;
  await releaseOrderHolds(tx, order, await findLines(tx, [orderId]), now);
  return true;
}

async function stateConflict(exec: Executor, memberId: string, orderId: string, now: Date): Promise<Result<OrderView>> {
  const current = await loadOwnOrder(exec, memberId, orderId, now);
  return current.ok ? fail('ORDER_STATE_CONFLICT', undefined, { status: current.data.status }) : current;
}

/** `order.cancel`: the customer cancels an unpaid order. */
export async function cancelOrder({
  input,
  caller,
  ctx,
  exec,
}: MemberArgs<ActionInput<'order.cancel'>>): Promise<Result<OrderView>> {
  const own = await loadOwnOrder(exec, caller.memberId, input.orderId, ctx.now);
  if (!own.ok) return own;
  if (!(await cancelUnpaid(exec, input.orderId, 'customer', ctx.now)))
    return stateConflict(exec, caller.memberId, input.orderId, ctx.now);
  return loadOwnOrder(exec, caller.memberId, input.orderId, ctx.now);
}

/**
 * `order.confirmReceipt`: shipped -> completed; the refund window starts now. A payment under
 * 发货信息管理 is refused: WeChat releases the store's funds only once the customer confirms in
 * WeChat's own component (`order.recordWechatReceipt` records that, checked with WeChat), so a
 * completion here would start the refund window and settle points for money WeChat still holds.
 */
export async function confirmReceipt({
  input,
  caller,
  ctx,
  exec,
}: MemberArgs<ActionInput<'order.confirmReceipt'>>): Promise<Result<OrderView>> {
  const own = await loadOwnOrder(exec, caller.memberId, input.orderId, ctx.now);
  if (!own.ok) return own;
  if (own.data.wechatReceipt) return fail('CONFIRM_RECEIPT_IN_WECHAT', undefined, { orderId: input.orderId });
  if (!(await transitionOrder(exec, input.orderId, 'confirmReceipt', { completed_at: ctx.now }))) {
    return stateConflict(exec, caller.memberId, input.orderId, ctx.now);
  }
  return loadOwnOrder(exec, caller.memberId, input.orderId, ctx.now);
}

/** The order as the manager sees it, or NOT_FOUND outside the store. */
export async function storeOrderView(
  exec: Executor,
  storeId: string,
  orderId: string,
  now: Date,
): Promise<Result<OrderView>> {
  const order = await findOrder(exec, orderId);
  if (!order || order.store_id !== storeId) return fail('NOT_FOUND', '订单不存在', { orderId });
  const [{ view }] = await viewsOf(exec, [order], now);
  return ok(view!);
}

/** The outbox message that uploads an order's shipping info to WeChat (once per order). */
export function shippingUpload(
  order: { id: string; transaction_id: string | null },
  info: Omit<PayloadOf<'shipping.upload'>, 'orderId'>,
  now: Date,
) {
  return {
    topic: 'shipping.upload' as const,
    dedupeKey: `shipping:${order.id}`,
    payload: { orderId: order.id, ...info },
    now,
  };
}

/** `manager.readyForPickup`: paid pickup order -> ready, with a 6-digit pickup code. */
export async function readyForPickup({
  input,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'manager.readyForPickup'>>): Promise<Result<OrderView>> {
  const order = await findOrder(exec, input.orderId);
  if (!order || order.store_id !== ctx.storeId) return fail('NOT_FOUND', '订单不存在', { orderId: input.orderId });
  if (order.delivery_type !== 'pickup')
    return fail('ORDER_STATE_CONFLICT', '快递订单请发货', { deliveryType: 'express' });
  let code = newPickupCode();
  // Codes are unique among the store's orders; a clash (1 in 10^6 per open pickup) draws again.
  while (await pickupCodeTaken(exec, ctx.storeId, code)) code = newPickupCode();
  if (!(await transitionOrder(exec, order.id, 'readyForPickup', { pickup_code: code, ready_at: ctx.now }))) {
    return fail('ORDER_STATE_CONFLICT', undefined, { status: order.status });
  }
  return storeOrderView(exec, ctx.storeId, order.id, ctx.now);
}

/** `manager.verifyPickup`: the customer shows the code at the counter -> completed. */
export async function verifyPickup({
  input,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'manager.verifyPickup'>>): Promise<Result<OrderView>> {
  const order = await findOrderByPickupCode(exec, ctx.storeId, input.pickupCode);
  if (!order) return fail('NOT_FOUND', '提货码无效或已核销', { pickupCode: input.pickupCode });
  if (!(await transitionOrder(exec, order.id, 'verifyPickup', { completed_at: ctx.now }))) {
    return fail('ORDER_STATE_CONFLICT', '提货码已核销');
  }
  await enqueue(exec, shippingUpload(order, { logisticsType: 4, carrier: null, trackingNo: null }, ctx.now));
  return storeOrderView(exec, ctx.storeId, order.id, ctx.now);
}

/**
 * `staff.previewPickup`: what a code would hand over, read-only. A pickup meant for another shop is
 * shown with a warning rather than refused: the customer standing at this counter may still be served
 * (the shops share stock), and the counter decides.
 */
export async function previewPickup({
  input,
  caller,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'staff.previewPickup'>>): Promise<Result<PickupPreview>> {
  const order = await findOrderByPickupCode(exec, ctx.storeId, input.pickupCode);
  if (!order) return fail('NOT_FOUND', '提货码无效或已核销', { pickupCode: input.pickupCode });
  const [{ view }] = await viewsOf(exec, [order], ctx.now);
  const mine = caller.openid ? await checkoutSeams().staffShopId(exec, ctx.storeId, caller.openid) : null;
  return ok({
    order: view!,
    customer: { nickname: (await findMemberNickname(exec, order.member_id)) ?? '' },
    atOtherShop: Boolean(mine && order.pickup_shop_id && order.pickup_shop_id !== mine),
  });
}

/**
 * orderTimer: expire unpaid orders (releasing their holds), auto-confirm orders shipped their
 * auto-confirm days ago, settle orders whose refund window closed (emitting order.settled); both
 * windows are the order's own, copied from the store settings when it was placed. Each change is a conditional
 * update in its own transaction, so two timers running at once change each order once.
 */
export async function runOrderTimer(ctx: CallContext): Promise<Record<string, number>> {
  const db = ctx.db.kysely;
  const now = ctx.now;
  let expired = 0;
  for (const { id } of await findExpiredUnpaid(db, now, BATCH)) {
    if (await db.transaction().execute((tx) => cancelUnpaid(tx, id, 'expired', now))) expired++;
  }
  let confirmed = 0;
  for (const { id } of await findOrdersIn(db, 'shipped', 'shipped_at', 'auto_confirm_days', now, BATCH)) {
    if (await transitionOrder(db, id, 'autoConfirm', { completed_at: now })) confirmed++;
  }
  let settled = 0;
  for (const { id } of await findOrdersIn(db, 'completed', 'completed_at', 'refund_window_days', now, BATCH)) {
    const won = await db.transaction().execute(async (tx) => {
      if (!(await transitionOrder(tx, id, 'settle', { settled_at: now }))) return false;
      const order = (await findOrder(tx, id))!;
      const refundedFen = await succeededRefundsFen(tx, id);
      const event: OrderSettledEvent = {
        orderId: id,
        storeId: order.store_id,
        memberId: order.member_id,
        paidFen: order.payable_fen - refundedFen,
        pointsPerYuan: order.points_per_yuan,
        settledAt: now.toISOString(),
      };
      await enqueue(tx, { topic: 'order.settled', dedupeKey: `settled:${id}`, payload: { ...event }, now });
      return true;
    });
    if (won) settled++;
  }
  return { expired, confirmed, settled };
}
