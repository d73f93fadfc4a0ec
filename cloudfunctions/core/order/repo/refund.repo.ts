import type { Updateable } from 'kysely';
import type { Executor } from '../../db/db';
import type { Database } from '../../db/schema';
import { COMMITTED_REFUND_STATUSES, refundTransition, type RefundTransitionName } from '../domain/refund-state-machine';

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
