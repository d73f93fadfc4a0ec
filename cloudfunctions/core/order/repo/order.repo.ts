import { sql } from 'kysely';
import type { Executor } from '../../db/db';
import type { Database } from '../../db/schema';
import type { OrderStatus } from '../../contract';
import type { InsertObject, Insertable, Updateable } from 'kysely';
import {
  resolveTransition,
  type OrderTransitionName,
  type ReturningTransitionName,
} from '../domain/order-state-machine';

/**
 * Takes `qty` from a SKU's stock only if that much is there: the conditional update is the lock.
 * Zero rows changed means someone else bought it first.
 */
export async function reserveStock(tx: Executor, skuId: string, qty: number): Promise<boolean> {
  const result = await tx
    .updateTable('skus')
    .set((eb) => ({ stock: eb('stock', '-', qty) }))
    .where('id', '=', skuId)
    .where('stock', '>=', qty)
    .where('active', '=', true)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function releaseStock(tx: Executor, skuId: string, qty: number): Promise<void> {
  await tx
    .updateTable('skus')
    .set((eb) => ({ stock: eb('stock', '+', qty) }))
    .where('id', '=', skuId)
    .execute();
}

/**
 * Inserts the order and its lines in one statement (`order` may carry expressions, the attribution
 * subqueries, evaluated by the insert itself). With `reserve`, the same statement also takes that
 * much of one SKU's stock, conditionally as `reserveStock` does, and answers whether it was there:
 * the SKU's row lock is then held for this statement and the commit only. On `false` the rows were
 * written all the same, and the caller must fail its transaction so they roll back.
 */
export async function insertOrder(
  tx: Executor,
  order: InsertObject<Database, 'orders'>,
  lines: Insertable<Database['order_lines']>[],
  reserve?: { skuId: string; qty: number },
): Promise<boolean> {
  if (!reserve) {
    await tx
      .with('placed', (db) => db.insertInto('orders').values(order).returning('id'))
      .insertInto('order_lines')
      .values(lines)
      .execute();
    return true;
  }
  const rows = await tx
    .with('reserved', (db) =>
      db
        .updateTable('skus')
        .set((eb) => ({ stock: eb('stock', '-', reserve.qty) }))
        .where('id', '=', reserve.skuId)
        .where('stock', '>=', reserve.qty)
        .where('active', '=', true)
        .returning('id'),
    )
    .with('placed', (db) => db.insertInto('orders').values(order).returning('id'))
    .insertInto('order_lines')
    .values(lines)
    .returning(sql<number>`(select count(*) from reserved)`.as('reserved'))
    .execute();
  return Number(rows[0]?.reserved) === 1;
}

export async function findOrder(exec: Executor, orderId: string) {
  return exec.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
}

export async function findOrderByPickupCode(exec: Executor, storeId: string, pickupCode: string) {
  return exec
    .selectFrom('orders')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('pickup_code', '=', pickupCode)
    .where('status', '=', 'ready_for_pickup')
    .executeTakeFirst();
}

/** The nickname the counter sees for the customer collecting an order. */
export async function findMemberNickname(exec: Executor, memberId: string): Promise<string | undefined> {
  const row = await exec.selectFrom('members').select('nickname').where('id', '=', memberId).executeTakeFirst();
  return row?.nickname;
}

/** Whether an order of the store already carries this pickup code. */
export async function pickupCodeTaken(exec: Executor, storeId: string, code: string): Promise<boolean> {
  const row = await exec
    .selectFrom('orders')
    .select('id')
    .where('store_id', '=', storeId)
    .where('pickup_code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

/** What WeChat's shipping upload needs of an order: its payment and its member's openid. */
export async function findShippingFacts(exec: Executor, orderId: string) {
  return exec
    .selectFrom('orders as o')
    .innerJoin('members as m', 'm.id', 'o.member_id')
    .select(['o.id', 'o.order_no', 'o.transaction_id', 'o.address', 'm.openid'])
    .where('o.id', '=', orderId)
    .executeTakeFirst();
}

export async function findLines(exec: Executor, orderIds: readonly string[]) {
  if (orderIds.length === 0) return [];
  return exec.selectFrom('order_lines').selectAll().where('order_id', 'in', orderIds).orderBy('sort').execute();
}

export async function findRefundsOf(exec: Executor, orderIds: readonly string[]) {
  if (orderIds.length === 0) return [];
  return exec.selectFrom('refunds').selectAll().where('order_id', 'in', orderIds).orderBy('created_at').execute();
}

/**
 * Makes the named transition of the order state machine (domain/order-state-machine.ts), setting the
 * given columns, only if the order is still in one of the transition's `from` statuses: returns
 * whether this call made the change. Concurrent callers: exactly one wins. A `previous` transition
 * names its target (`{ to }`, checked against the table); `{ only }` narrows `from` to the status the
 * caller read, so the move fails if the order changed since.
 */
export async function transitionOrder<N extends OrderTransitionName>(
  tx: Executor,
  orderId: string,
  name: N,
  ...[set = {}, opts = {}]: N extends ReturningTransitionName
    ? [set: OrderChanges, opts: { to: OrderStatus; only?: readonly OrderStatus[] }]
    : [set?: OrderChanges, opts?: { only?: readonly OrderStatus[] }]
): Promise<boolean> {
  const { from, to } = resolveTransition(name, opts);
  if (from.length === 0) return false;
  const result = await tx
    .updateTable('orders')
    .set({ ...set, status: to })
    .where('id', '=', orderId)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The `pay` transition by order number, only for the amount the order asks: one conditional update
 * that also answers what the payment needs of the order. No row: unknown order, another amount, or
 * no longer pending (the caller reads the order to tell which).
 */
export async function payPendingOrder(
  tx: Executor,
  q: { orderNo: string; amountFen: number; paidAt: Date; transactionId: string },
) {
  const { from, to } = resolveTransition('pay', {});
  return tx
    .updateTable('orders')
    .set({ status: to, paid_at: q.paidAt, transaction_id: q.transactionId })
    .where('order_no', '=', q.orderNo)
    .where('status', 'in', from)
    .where('payable_fen', '=', q.amountFen)
    .returning(['id', 'store_id', 'member_id', 'coupon_id', 'group_buy', 'payable_fen'])
    .executeTakeFirst();
}

/** The order with this number, locked until the transaction ends. */
export async function lockOrderByNo(tx: Executor, orderNo: string) {
  return tx
    .selectFrom('orders')
    .select(['id', 'status', 'payable_fen', 'store_id', 'member_id'])
    .where('order_no', '=', orderNo)
    .forUpdate()
    .executeTakeFirst();
}

/** Locks the order row until the transaction ends (refund paths: the order row, then the payment row). */
export async function lockOrder(tx: Executor, orderId: string): Promise<void> {
  await tx.selectFrom('orders').select('id').where('id', '=', orderId).forUpdate().execute();
}

/** Columns a transition may set beside the status (which only the state machine chooses). */
type OrderChanges = Omit<Updateable<Database['orders']>, 'status'>;

/** Orders of one member, newest first, keyset-paged on (created_at, id). */
export async function findMemberOrders(
  exec: Executor,
  memberId: string,
  statuses: readonly OrderStatus[] | null,
  after: { createdAt: Date; id: string } | null,
  limit: number,
) {
  let q = exec.selectFrom('orders').selectAll().where('member_id', '=', memberId);
  if (statuses) q = q.where('status', 'in', [...statuses]);
  if (after) q = q.where(sql<boolean>`(created_at, id) < (${after.createdAt}, ${after.id})`);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function findStoreOrders(
  exec: Executor,
  storeId: string,
  status: OrderStatus | null,
  after: { createdAt: Date; id: string } | null,
  limit: number,
  search: string | null = null,
) {
  let q = exec
    .selectFrom('orders as o')
    .innerJoin('members as m', 'm.id', 'o.member_id')
    .selectAll('o')
    .select('m.nickname as member_nickname')
    .where('o.store_id', '=', storeId);
  if (status) q = q.where('o.status', '=', status);
  // An order number (or its start), a phone (whole) or part of a nickname; LIKE's wildcards in the
  // text are matched literally.
  if (search) {
    const literal = search.replace(/[\\%_]/g, (c) => `\\${c}`);
    q = q.where((eb) =>
      eb.or([
        eb('o.order_no', 'like', `${literal}%`),
        eb('m.phone', '=', search),
        eb('m.nickname', 'ilike', `%${literal}%`),
      ]),
    );
  }
  if (after) q = q.where(sql<boolean>`(o.created_at, o.id) < (${after.createdAt}, ${after.id})`);
  return q.orderBy('o.created_at', 'desc').orderBy('o.id', 'desc').limit(limit).execute();
}

export async function countMemberOrdersByStatus(exec: Executor, memberId: string) {
  const rows = await exec
    .selectFrom('orders')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('member_id', '=', memberId)
    .groupBy('status')
    .execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

/** Unpaid orders past their expiry, oldest first (the timer works in batches). */
export async function findExpiredUnpaid(exec: Executor, now: Date, limit: number) {
  return exec
    .selectFrom('orders')
    .select('id')
    .where('status', '=', 'pending_payment')
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(limit)
    .execute();
}

export async function findOrdersIn(
  exec: Executor,
  status: OrderStatus,
  column: 'shipped_at' | 'completed_at',
  days: 'auto_confirm_days' | 'refund_window_days',
  now: Date,
  limit: number,
) {
  // Each order's own window (its rules when placed): due once `column` + its days has passed.
  return exec
    .selectFrom('orders')
    .select('id')
    .where('status', '=', status)
    .where(sql<boolean>`${sql.ref(column)} + ${sql.ref(days)} * interval '1 day' <= ${now}`)
    .orderBy(column)
    .limit(limit)
    .execute();
}

/** The store's order with this number (what a shipping spreadsheet names an order by). */
export async function findOrderByNo(exec: Executor, storeId: string, orderNo: string) {
  return exec
    .selectFrom('orders')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('order_no', '=', orderNo)
    .executeTakeFirst();
}
