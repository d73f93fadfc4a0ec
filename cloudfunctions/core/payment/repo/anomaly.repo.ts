import type { Executor } from '../../db/db';
import type { Database } from '../../db/schema';

export type AnomalyKind = Database['payment_anomalies']['kind'];

/** One `payment_anomalies` row. */
export async function insertAnomaly(
  exec: Executor,
  a: {
    kind: AnomalyKind;
    outTradeNo: string | null;
    transactionId: string | null;
    amountFen: number | null;
    detail: string;
    raw: unknown;
  },
): Promise<void> {
  await exec
    .insertInto('payment_anomalies')
    .values({
      kind: a.kind,
      out_trade_no: a.outTradeNo,
      transaction_id: a.transactionId,
      amount_fen: a.amountFen,
      detail: a.detail,
      raw: JSON.stringify(a.raw ?? null),
    })
    .execute();
}
