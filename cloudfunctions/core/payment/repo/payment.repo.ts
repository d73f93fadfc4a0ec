import type { Executor } from '../../db/db';

/**
 * Records one WeChat payment: `false` when this transaction id was recorded before (WeChat's
 * transaction id is the key, so a duplicate callback records nothing).
 */
export async function insertPayment(
  tx: Executor,
  p: { transactionId: string; orderId: string; amountFen: number; paidAt: Date; raw: unknown },
): Promise<boolean> {
  const inserted = await tx
    .insertInto('payments')
    .values({
      transaction_id: p.transactionId,
      order_id: p.orderId,
      amount_fen: p.amountFen,
      paid_at: p.paidAt,
      raw: JSON.stringify(p.raw),
    })
    .onConflict((oc) => oc.column('transaction_id').doNothing())
    .returning('transaction_id')
    .execute();
  return inserted.length === 1;
}

/** What WeChat took for this transaction. */
export async function paidAmount(exec: Executor, transactionId: string | null): Promise<number> {
  const payment = await exec
    .selectFrom('payments')
    .select('amount_fen')
    .where('transaction_id', '=', transactionId ?? '')
    .executeTakeFirstOrThrow();
  return payment.amount_fen;
}
