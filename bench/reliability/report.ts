import type { InvariantResult } from '../../cloudfunctions/core/ops/invariants';
import { formatInvariantResults } from '../../cloudfunctions/core/ops/invariants';
import { OP_KINDS, type WorkloadStats } from './workload';

/** p-th percentile (0-100) of `values`, nearest rank; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Operations attempted / acknowledged in all and per kind, refusals by code, interruptions, errors. */
export function workloadLines(stats: WorkloadStats): string[] {
  const attempted = OP_KINDS.reduce((n, k) => n + stats.attempted[k], 0);
  const acknowledged = OP_KINDS.reduce((n, k) => n + stats.acknowledged[k], 0);
  const refused = Object.entries(stats.refused).sort((a, b) => b[1] - a[1]);
  return [
    `operations attempted ${attempted}, acknowledged ${acknowledged}; requests interrupted by a crash and retried ${stats.interrupted}, never answered ${stats.lost}`,
    `per kind (acknowledged/attempted): ${OP_KINDS.map((k) => `${k} ${stats.acknowledged[k]}/${stats.attempted[k]}`).join(', ')}`,
    `business refusals: ${refused.length ? refused.map(([code, n]) => `${code} ${n}`).join(', ') : 'none'}`,
    `latency per request: p50 ${percentile(stats.latencies, 50).toFixed(1)} ms, p99 ${percentile(stats.latencies, 99).toFixed(1)} ms (${stats.latencies.length} requests)`,
    `server errors (5xx): ${stats.errors.length}`,
    ...stats.errors.slice(0, 10).map((e) => `  ${e}`),
  ];
}

/** What the end state held, then the invariant results, then durability problems, each a violation line. */
export function verdictLines(
  invariants: readonly InvariantResult[],
  durability: readonly string[],
  coverage: Record<string, number>,
): string[] {
  return [
    `end state: ${Object.entries(coverage)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
    ...formatInvariantResults(invariants),
    durability.length
      ? `FAIL ACKNOWLEDGED_IS_DURABLE: ${durability.length} acknowledged operation(s) missing`
      : 'PASS ACKNOWLEDGED_IS_DURABLE: every acknowledged operation is present',
    ...durability.slice(0, 20).map((d) => `     ${d}`),
  ];
}
