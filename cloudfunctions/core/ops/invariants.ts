import { sql } from 'kysely';
import type { Executor } from '../db/db';
import { invariants as registry, type Invariant } from './invariant-registry';

export type { Invariant } from './invariant-registry';

/** One offending object: its id and what is wrong with it. */
export interface Violation {
  id: string;
  detail: string;
}

export interface InvariantResult {
  code: string;
  description: string;
  /** How many objects the law was checked on (SKUs, members, payments ...). */
  checked: number;
  violations: Violation[];
}

/**
 * Runs every invariant (read-only) and answers each with its violations. The one function the
 * integration tests, the crash test, the soak and `npm run check:invariants` share. Each query sees
 * its own snapshot: on a busy database an in-flight change can show between two laws, so callers
 * that need an exact answer run it when the workload is quiet.
 */
export async function checkInvariants(
  exec: Executor,
  only: readonly Invariant[] = registry,
): Promise<InvariantResult[]> {
  const results: InvariantResult[] = [];
  for (const invariant of only) {
    const { rows } = await sql<Violation>`${sql.raw(invariant.violations)}`.execute(exec);
    const { rows: counted } = await sql<{ n: number | string }>`${sql.raw(invariant.checked)}`.execute(exec);
    results.push({
      code: invariant.code,
      description: invariant.description,
      checked: Number(counted[0]?.n ?? 0),
      violations: rows.map((r) => ({ id: String(r.id), detail: String(r.detail) })),
    });
  }
  return results;
}

/** Lines for a terminal: `PASS CODE (checked n)` or `FAIL CODE: k violation(s)` followed by up to `limit` of them. */
export function formatInvariantResults(results: readonly InvariantResult[], limit = 10): string[] {
  const lines: string[] = [];
  for (const r of results) {
    if (r.violations.length === 0) {
      lines.push(`PASS ${r.code} (${r.checked} checked): ${r.description}`);
      continue;
    }
    lines.push(`FAIL ${r.code}: ${r.violations.length} violation(s) of ${r.checked} checked: ${r.description}`);
    for (const v of r.violations.slice(0, limit)) lines.push(`     ${v.id}: ${v.detail}`);
    if (r.violations.length > limit) lines.push(`     ... ${r.violations.length - limit} more`);
  }
  return lines;
}

export const invariantCodes = registry.map((i) => i.code);
