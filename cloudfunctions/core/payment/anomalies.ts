import type { Executor } from '../db/db';
import { insertAnomaly, type AnomalyKind } from './repo/anomaly.repo';

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
  await insertAnomaly(exec, {
    kind,
    outTradeNo: facts.outTradeNo ?? null,
    transactionId: facts.transactionId ?? null,
    amountFen: facts.amountFen ?? null,
    detail: facts.outRefundNo ? `${facts.outRefundNo}: ${detail}` : detail,
    raw,
  });
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
