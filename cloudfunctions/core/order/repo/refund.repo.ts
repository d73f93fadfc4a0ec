import type { Executor } from '../../db/db';

/** Moves a refund from one of `from` (setting the given columns) only if it is still there: exactly one caller wins. */
export async function moveRefund(tx: Executor, refundId: string, from: string[], set: Record<string, unknown>): Promise<boolean> {
  const r = await tx.updateTable('refunds').set(set).where('id', '=', refundId).where('status', 'in', from as never[]).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
