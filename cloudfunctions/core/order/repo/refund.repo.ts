import type { Executor } from '../../db/db';

/** Moves a refund from one of `from` (setting the given columns) only if it is still there: exactly one caller wins. */
export async function moveRefund(tx: Executor, refundId: string, from: string[], set: Record<string, unknown>): Promise<boolean> {
  const r = await tx.updateTable('refunds').set(set).where('id', '=', refundId).where('status', 'in', from as never[]).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * What is left to refund of one payment: paid minus every refund approved, on its way or done. Locks
 * the payment row, so a refund about to be approved holds the room it saw until its transaction ends;
 * the database trigger `refunds_within_payment` refuses anything this check would have missed.
 */
export async function lockRefundRoom(tx: Executor, transactionId: string | null): Promise<number> {
  if (!transactionId) return 0;
  const payment = await tx.selectFrom('payments').select('amount_fen').where('transaction_id', '=', transactionId).forUpdate().executeTakeFirst();
  if (!payment) return 0;
  const committed = await tx
    .selectFrom('refunds')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('fen'))
    .where('transaction_id', '=', transactionId)
    .where('status', 'in', ['approved', 'processing', 'succeeded'])
    .executeTakeFirstOrThrow();
  return payment.amount_fen - Number(committed.fen);
}
