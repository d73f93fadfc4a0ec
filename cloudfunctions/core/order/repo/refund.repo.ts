import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/db';
import type { Database } from '../../db/schema';
import {
  COMMITTED_REFUND_STATUSES,
  refundTransition,
  type RefundStatus,
  type RefundTransitionName,
} from '../domain/refund-state-machine';

/**
 * Makes the named transition of the refund state machine (domain/refund-state-machine.ts), setting
 * the given columns, only if the refund is still in one of its `from` statuses: exactly one caller wins.
 */
export async function moveRefund(
  tx: Executor,
  refundId: string,
  name: RefundTransitionName,
  set: Omit<Updateable<Database['refunds']>, 'status'> = {},
): Promise<boolean> {
  const { from, to } = refundTransition(name);
  const r = await tx
    .updateTable('refunds')
    .set({ ...set, status: to })
    .where('id', '=', refundId)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * What is left to refund of one payment: paid minus every refund approved, on its way or done. Locks
 * the payment row, so a refund about to be approved holds the room it saw until its transaction ends;
 * the database trigger `refunds_within_payment` refuses anything this check would have missed.
 */
export async function lockRefundRoom(tx: Executor, transactionId: string | null): Promise<number> {
  if (!transactionId) return 0;
  const payment = await tx
    .selectFrom('payments')
    .select('amount_fen')
    .where('transaction_id', '=', transactionId)
    .forUpdate()
    .executeTakeFirst();
  if (!payment) return 0;
  const committed = await tx
    .selectFrom('refunds')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('fen'))
    .where('transaction_id', '=', transactionId)
    .where('status', 'in', [...COMMITTED_REFUND_STATUSES])
    .executeTakeFirstOrThrow();
  return payment.amount_fen - Number(committed.fen);
}

export type RefundRow = NonNullable<Awaited<ReturnType<typeof findRefund>>>;

/** A refund by id or by its outRefundNo, with its order's number (what WeChat Pay knows the payment by). */
export async function findRefund(exec: Executor, q: { id: string } | { outRefundNo: string }) {
  let query = exec
    .selectFrom('refunds as r')
    .innerJoin('orders as o', 'o.id', 'r.order_id')
    .selectAll('r')
    .select('o.order_no');
  query = 'id' in q ? query.where('r.id', '=', q.id) : query.where('r.out_refund_no', '=', q.outRefundNo);
  return query.executeTakeFirst();
}

/** Locks the refund row until the transaction ends: outcomes for one refund apply one at a time. */
export async function lockRefund(tx: Executor, refundId: string): Promise<void> {
  await tx.selectFrom('refunds').select('id').where('id', '=', refundId).forUpdate().execute();
}

export async function insertRefund(tx: Executor, refund: Insertable<Database['refunds']>): Promise<void> {
  await tx.insertInto('refunds').values(refund).execute();
}

/** A refund of the store's, with its order's store and the status the order had before the refund opened. */
export async function findStoreRefund(exec: Executor, storeId: string, refundId: string) {
  return exec
    .selectFrom('refunds as r')
    .innerJoin('orders as o', 'o.id', 'r.order_id')
    .selectAll('r')
    .select(['o.store_id', 'o.status_before_refund'])
    .where('r.id', '=', refundId)
    .where('o.store_id', '=', storeId)
    .executeTakeFirst();
}

/** The store's latest refunds (100), newest first, with order number and member nickname. */
export async function findStoreRefunds(exec: Executor, storeId: string, status: RefundStatus | undefined) {
  let q = exec
    .selectFrom('refunds as r')
    .innerJoin('orders as o', 'o.id', 'r.order_id')
    .innerJoin('members as m', 'm.id', 'o.member_id')
    .selectAll('r')
    .select(['o.order_no', 'm.nickname'])
    .where('o.store_id', '=', storeId);
  if (status) q = q.where('r.status', '=', status);
  return q.orderBy('r.created_at', 'desc').limit(100).execute();
}

/** Marks the lines a refund returned (those no other refund took meanwhile). */
export async function markLinesRefunded(tx: Executor, refundId: string, lineIds: readonly string[]): Promise<void> {
  if (lineIds.length === 0) return;
  await tx
    .updateTable('order_lines')
    .set({ refund_id: refundId })
    .where('id', 'in', [...lineIds])
    .where('refund_id', 'is', null)
    .execute();
}

/** The money refunds of this order have paid back. */
export async function succeededRefundsFen(exec: Executor, orderId: string): Promise<number> {
  const row = await exec
    .selectFrom('refunds')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('total'))
    .where('order_id', '=', orderId)
    .where('status', '=', 'succeeded')
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** The store's return address for 退货退款 ('' when the store has not set one). */
export async function findReturnAddress(exec: Executor, storeId: string): Promise<string> {
  const row = await exec.selectFrom('stores').select('return_address').where('id', '=', storeId).executeTakeFirst();
  return row?.return_address ?? '';
}
