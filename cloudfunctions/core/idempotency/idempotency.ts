import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Kdb } from '../db/db';
import type { Database } from '../db/schema';
import { fail, type Result } from '../errors';

/** Stable hash of a request payload: same data in any key order hashes the same. */
export function requestHash(payload: unknown): string {
  return createHash('sha256').update(canonicalJson(payload)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Runs `work` once per (scope, key). The key row is inserted first, in the same transaction as the
 * work: a concurrent duplicate blocks on the primary key until the first commits, then replays its
 * stored answer. The same key with a different payload is IDEMPOTENCY_CONFLICT. A business failure
 * rolls everything back (nothing changed, so a retry may recompute); only successes are stored.
 */
export async function withIdempotency<T>(
  db: Kdb,
  request: { scope: string; key: string; payload: unknown },
  work: (tx: Transaction<Database>) => Promise<Result<T>>,
): Promise<Result<T> & { replayed?: boolean }> {
  const hash = requestHash(request.payload);
  const rollback = Symbol('rollback');
  let failure: Result<T> | null = null;
  try {
    return await db.transaction().execute(async (tx) => {
      const inserted = await tx
        .insertInto('idempotency_keys')
        .values({ scope: request.scope, key: request.key, request_hash: hash, response: null })
        .onConflict((oc) => oc.doNothing())
        .returning('key')
        .execute();
      if (inserted.length === 0) {
        const prior = await tx
          .selectFrom('idempotency_keys')
          .select(['request_hash', 'response'])
          .where('scope', '=', request.scope)
          .where('key', '=', request.key)
          .executeTakeFirstOrThrow();
        if (prior.request_hash !== hash) {
          return fail('IDEMPOTENCY_CONFLICT', undefined, { key: request.key });
        }
        return { ...(prior.response as Result<T>), replayed: true };
      }
      const result = await work(tx);
      if (!result.ok) {
        failure = result;
        throw rollback;
      }
      await tx
        .updateTable('idempotency_keys')
        .set({ response: JSON.stringify(result) })
        .where('scope', '=', request.scope)
        .where('key', '=', request.key)
        .execute();
      return result;
    });
  } catch (error) {
    if (error === rollback && failure) return failure;
    throw error;
  }
}
