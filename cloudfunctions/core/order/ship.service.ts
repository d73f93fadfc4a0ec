import type { ActionInput, OrderView } from '../contract';
import type { ServiceArgs } from '../context';
import type { Executor } from '../db/db';
import { fail, type Result } from '../errors';
import { enqueue } from '../outbox/outbox';
import { shippingUpload, storeOrderView } from './lifecycle.service';
import { findOrder, findOrderByNo, transitionOrder } from './repo/order.repo';

/** A parcel handed to a carrier for one order, named by id (the ship sheet) or by number (a spreadsheet). */
export interface Parcel {
  storeId: string;
  order: { id: string } | { orderNo: string };
  /** The carrier's display name (WeChat's shipping upload maps it to its own company id). */
  carrier: string;
  trackingNo: string;
  now: Date;
}

/**
 * What shipping a parcel did. `already_shipped`: the order left with this very parcel before (a
 * repeated row or a second import), so nothing changed; `shipped_other`: it left with another one.
 */
export type ParcelOutcome =
  | { outcome: 'shipped' | 'already_shipped'; orderId: string }
  | { outcome: 'shipped_other'; orderId: string; carrier: string | null; trackingNo: string | null }
  | { outcome: 'not_express' | 'not_paid'; orderId: string; status: string }
  | { outcome: 'not_found' };

const LEFT_STATUSES = ['shipped', 'completed', 'settled'];

/**
 * Paid express order -> shipped, and WeChat's shipping-info upload queued, as one conditional update:
 * of two imports racing on an order, one ships it and the other reads what the winner wrote.
 */
export async function shipParcel(exec: Executor, parcel: Parcel): Promise<ParcelOutcome> {
  const order =
    'id' in parcel.order
      ? await findOrder(exec, parcel.order.id)
      : await findOrderByNo(exec, parcel.storeId, parcel.order.orderNo);
  if (!order || order.store_id !== parcel.storeId) return { outcome: 'not_found' };
  if (order.delivery_type !== 'express') return { outcome: 'not_express', orderId: order.id, status: order.status };
  const shipped = await transitionOrder(exec, order.id, 'ship', {
    carrier: parcel.carrier,
    tracking_no: parcel.trackingNo,
    shipped_at: parcel.now,
  });
  if (shipped) {
    await enqueue(
      exec,
      shippingUpload(order, { logisticsType: 1, carrier: parcel.carrier, trackingNo: parcel.trackingNo }, parcel.now),
    );
    return { outcome: 'shipped', orderId: order.id };
  }
  // Lost the update: read the row again (on Postgres this sees what a concurrent winner committed).
  const now = (await findOrder(exec, order.id))!;
  if (!LEFT_STATUSES.includes(now.status)) return { outcome: 'not_paid', orderId: order.id, status: now.status };
  const same = now.tracking_no === parcel.trackingNo && now.carrier === parcel.carrier;
  return same
    ? { outcome: 'already_shipped', orderId: order.id }
    : { outcome: 'shipped_other', orderId: order.id, carrier: now.carrier, trackingNo: now.tracking_no };
}

/** `manager.shipOrder` once the carrier is resolved to its display name (logistics checks it against its list). */
export async function shipOrder({
  input,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'manager.shipOrder'>>): Promise<Result<OrderView>> {
  const result = await shipParcel(exec, {
    storeId: ctx.storeId,
    order: { id: input.orderId },
    carrier: input.carrier,
    trackingNo: input.trackingNo,
    now: ctx.now,
  });
  switch (result.outcome) {
    case 'not_found':
      return fail('NOT_FOUND', '订单不存在', { orderId: input.orderId });
    case 'not_express':
      return fail('ORDER_STATE_CONFLICT', '自提订单无需发货', { deliveryType: 'pickup' });
    case 'not_paid':
      return fail('ORDER_STATE_CONFLICT', undefined, { status: result.status });
    case 'shipped_other':
    case 'already_shipped':
      return fail('ORDER_STATE_CONFLICT', undefined, { status: 'shipped' });
    default:
      return storeOrderView(exec, ctx.storeId, result.orderId, ctx.now);
  }
}
