import type { Executor } from '../db/db';

type AnomalyKind =
  | 'amount_mismatch'
  | 'unknown_order'
  | 'failed_result'
  | 'late_payment'
  | 'unconfirmed_payment'
  | 'unconfirmed_refund'
  | 'refund_conflict';

/** What an anomaly is about, as far as it is known: the payment, its amount, the refund. */
export interface AnomalyFacts {
  outTradeNo?: string | null;
  transactionId?: string | null;
  amountFen?: number | null;
  outRefundNo?: string | null;
}

/**
 * A payment or refund outcome we refused or could not apply: a `payment_anomalies` row the runbook
 * lists, and one structured log line an operator's alert can match on. In the caller's executor, so
 * an anomaly found inside a transaction commits with it.
 */
export async function recordAnomaly(
  exec: Executor,
  kind: AnomalyKind,
  facts: AnomalyFacts,
  detail: string,
  raw: unknown,
): Promise<void> {
  await exec
    .insertInto('payment_anomalies')
    .values({
      kind,
      out_trade_no: facts.outTradeNo ?? null,
      transaction_id: facts.transactionId ?? null,
      amount_fen: facts.amountFen ?? null,
      detail: facts.outRefundNo ? `${facts.outRefundNo}: ${detail}` : detail,
      raw: JSON.stringify(raw ?? null),
    })
    .execute();
  console.warn(
    JSON.stringify({
      alert: 'payment_anomaly',
      kind,
      outTradeNo: facts.outTradeNo ?? undefined,
      outRefundNo: facts.outRefundNo ?? undefined,
      detail,
    }),
  );
}
