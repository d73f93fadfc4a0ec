import { sql } from 'kysely';
import type { Executor } from '../../db/db';

export interface CountedHit {
  bucket: string;
  windowStart: Date;
  count: number;
}

/**
 * Counts one call in each bucket with a single upsert: the row lock taken by `on conflict do update`
 * serialises concurrent calls on a bucket, so each sees a distinct count and no more than the limit
 * are ever admitted, on any number of replicas. A bucket whose window started at or before
 * `expiredBefore` starts a new window at `now` in the same statement. Keys must come sorted (see
 * bucketsFor) so rows are always locked in one order.
 */
export async function countHits(
  exec: Executor,
  buckets: readonly string[],
  now: Date,
  expiredBefore: Date,
): Promise<CountedHit[]> {
  if (buckets.length === 0) return [];
  const rows = await exec
    .insertInto('rate_limit_counters')
    .values(buckets.map((bucket) => ({ bucket, window_start: now, count: 1 })))
    .onConflict((oc) =>
      oc.column('bucket').doUpdateSet({
        window_start: sql<Date>`case when rate_limit_counters.window_start <= ${expiredBefore} then excluded.window_start else rate_limit_counters.window_start end`,
        count: sql<number>`case when rate_limit_counters.window_start <= ${expiredBefore} then 1 else rate_limit_counters.count + 1 end`,
      }),
    )
    .returning(['bucket', 'window_start', 'count'])
    .execute();
  return rows.map((r) => ({ bucket: r.bucket, windowStart: new Date(r.window_start), count: Number(r.count) }));
}

/**
 * Takes back a hit counted in `bucket` for a call another bucket refused, unless the window has
 * moved on since (then the hit is already gone with it).
 */
export async function uncountHit(exec: Executor, bucket: string, windowStart: Date): Promise<void> {
  await exec
    .updateTable('rate_limit_counters')
    .set({ count: sql<number>`count - 1` })
    .where('bucket', '=', bucket)
    .where('window_start', '=', windowStart)
    .where('count', '>', 0)
    .execute();
}

/**
 * Deletes buckets whose window ran out: idle identities and addresses. Deleting one is the same as
 * the reset its next hit would do, so pruning never changes a decision.
 */
export async function pruneExpired(exec: Executor, expiredBefore: Date): Promise<number> {
  const result = await exec
    .deleteFrom('rate_limit_counters')
    .where('window_start', '<=', expiredBefore)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
