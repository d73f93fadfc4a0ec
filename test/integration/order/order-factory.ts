import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Db } from '../../../cloudfunctions/core/db/db';
import type { CallContext } from '../../../cloudfunctions/core/context';
import type { Address, DeliveryType } from '../../../cloudfunctions/core/contract';
import { recordPayment, type CallbackAnswer } from '../../../cloudfunctions/core/payment/pay-callback';
import { createLocalPlatform, type LocalPlatform } from '../../../cloudfunctions/core/platform/local/local-platform';
import { callAction, okData } from '../../support/call';
import { tableCounts } from '../../support/databases';

/** Fixed clock for the money path: every test moves it explicitly. */
export const T0 = new Date('2026-03-02T02:00:00.000Z');
export const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);
export const daysAfter = (at: Date, days: number) => new Date(at.getTime() + days * 86_400_000);

export const ADDRESS: Address = {
  name: '张三',
  phone: '13800138000',
  province: '上海市',
  city: '上海市',
  district: '浦东新区',
  detail: '世纪大道 100 号',
};

export const MANAGER = 'demo-manager';
export const newOpenid = () => `o_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
export const newKey = () => `k-${randomUUID()}`;

export type Items = Array<{ skuId: string; qty: number }>;

export interface MadeOrder {
  orderId: string;
  orderNo: string;
  payableFen: number;
  openid: string;
  createdAt: Date;
}

export function createInput(items: Items, delivery: DeliveryType = 'express') {
  return {
    items,
    delivery: delivery === 'express' ? { type: 'express' as const, address: ADDRESS } : { type: 'pickup' as const },
  };
}

/** A pending_payment order, created through the dispatcher (`order.create`). */
export async function makeOrder(
  db: Db,
  options: { items: Items; delivery?: DeliveryType; openid?: string; now?: Date },
): Promise<MadeOrder> {
  const openid = options.openid ?? newOpenid();
  const now = options.now ?? T0;
  const created = okData(
    await callAction(db, 'order.create', createInput(options.items, options.delivery), {
      openid,
      now,
      idempotencyKey: newKey(),
    }),
  );
  expect(created.status).toBe('pending_payment');
  return { orderId: created.orderId, orderNo: created.orderNo, payableFen: created.payableFen, openid, createdAt: now };
}

/** WeChat Pay's callback event for an order (a successful payment of its payable, unless overridden). */
export function payEvent(order: { orderNo: string; payableFen: number }, overrides: Record<string, unknown> = {}) {
  return {
    returnCode: 'SUCCESS',
    resultCode: 'SUCCESS',
    outTradeNo: order.orderNo,
    transactionId: `42000${randomUUID().replace(/-/g, '').slice(0, 20)}`,
    totalFee: order.payableFen,
    timeEnd: '20260302100100',
    ...overrides,
  };
}

export async function pay(
  db: Db,
  order: MadeOrder,
  now = minutesAfter(order.createdAt, 1),
  event = payEvent(order),
): Promise<CallbackAnswer> {
  return recordPayment(db, event, now);
}

/** A paid order: created through `order.create`, paid through the real payment callback. */
export async function makePaidOrder(
  db: Db,
  options: { items: Items; delivery?: DeliveryType; openid?: string; now?: Date },
): Promise<MadeOrder & { transactionId: string; paidAt: Date }> {
  const order = await makeOrder(db, options);
  const event = payEvent(order);
  const paidAt = minutesAfter(order.createdAt, 1);
  expect(await recordPayment(db, event, paidAt)).toEqual({ errcode: 0, errmsg: 'ok' });
  expect((await orderRow(db, order.orderId)).status).toBe('paid');
  return { ...order, transactionId: event.transactionId, paidAt };
}

export async function setStock(db: Db, skuId: string, stock: number): Promise<void> {
  await db.kysely.updateTable('skus').set({ stock }).where('id', '=', skuId).execute();
}

export async function stockOf(db: Db, skuId: string): Promise<number> {
  const row = await db.kysely.selectFrom('skus').select('stock').where('id', '=', skuId).executeTakeFirstOrThrow();
  return row.stock;
}

export async function orderRow(db: Db, orderId: string) {
  return db.kysely.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirstOrThrow();
}

export async function linesOf(db: Db, orderId: string) {
  return db.kysely.selectFrom('order_lines').selectAll().where('order_id', '=', orderId).orderBy('sort').execute();
}

export async function refundsOf(db: Db, orderId: string) {
  return db.kysely.selectFrom('refunds').selectAll().where('order_id', '=', orderId).orderBy('created_at').execute();
}

export async function paymentsOf(db: Db, orderId: string) {
  return db.kysely.selectFrom('payments').selectAll().where('order_id', '=', orderId).execute();
}

export async function outboxOf(db: Db, topic: string, dedupeKey?: string) {
  let q = db.kysely.selectFrom('outbox').selectAll().where('topic', '=', topic);
  if (dedupeKey) q = q.where('dedupe_key', '=', dedupeKey);
  return q.orderBy('id').execute();
}

export async function anomaliesFor(db: Db, outTradeNo: string) {
  return db.kysely.selectFrom('payment_anomalies').selectAll().where('out_trade_no', '=', outTradeNo).execute();
}

/** Row counts of every table the money path writes, plus the catalog/member tables. */
export async function moneyCounts(db: Db): Promise<Record<string, number>> {
  const counts = await tableCounts(db);
  for (const table of ['orders', 'order_lines', 'payments', 'payment_anomalies', 'refunds', 'outbox'] as const) {
    const row = await db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/** A local platform (refund simulator included) whose clock is `clock.now`. */
export function localPlatform(db: Db, clock: { now: Date }): LocalPlatform {
  return createLocalPlatform({ devAuth: true, db, now: () => clock.now });
}

/** The context a timer or the outbox worker runs with. */
export function jobContext(db: Db, now: Date, platform?: LocalPlatform): CallContext {
  return {
    db,
    platform: platform ?? localPlatform(db, { now }),
    identity: { openid: null, source: 'none' },
    storeId: 'demo',
    now,
    requestId: randomUUID(),
    clientIp: null,
  };
}

export function errorCode(envelope: { ok: boolean; error?: { code: string } }): string | null {
  return envelope.ok ? null : envelope.error!.code;
}
