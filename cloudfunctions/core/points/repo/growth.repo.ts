import { sql } from 'kysely';
import type { Executor } from '../../db/db';

/** Appends a growth event; false when its idempotency key is already there. */
export async function insertGrowthEvent(
  tx: Executor,
  e: {
    memberId: string;
    delta: number;
    source: 'order_settled' | 'order_refunded';
    orderId: string;
    key: string;
    at: Date;
  },
): Promise<boolean> {
  const rows = await tx
    .insertInto('growth_events')
    .values({
      member_id: e.memberId,
      delta: e.delta,
      source: e.source,
      order_id: e.orderId,
      idempotency_key: e.key,
      at: e.at,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .execute();
  return rows.length === 1;
}

/** Adds to the cached growth, never below 0; returns the member after the change (row now locked). */
export async function addGrowth(tx: Executor, memberId: string, delta: number) {
  return tx
    .updateTable('members')
    .set({ growth: sql`greatest(0, growth + ${delta})` })
    .where('id', '=', memberId)
    .returning(['id', 'store_id', 'growth', 'tier_code'])
    .executeTakeFirst();
}

/** Growth in a window: the sum of events after `since`, never below 0. */
export async function growthSince(exec: Executor, memberId: string, since: Date): Promise<number> {
  const row = await exec
    .selectFrom('growth_events')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('delta'), eb.lit(0)).as('n'))
    .where('member_id', '=', memberId)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Math.max(0, Number(row.n));
}

/**
 * Moves a member from one tier to another, only if still on `from` (conditional update), and records
 * the change for the celebration page. False when someone else moved the member first.
 */
export async function changeTier(
  tx: Executor,
  c: { memberId: string; from: string; to: string; reason: 'upgrade' | 'yearly_review'; at: Date },
): Promise<boolean> {
  const rows = await tx
    .updateTable('members')
    .set({ tier_code: c.to })
    .where('id', '=', c.memberId)
    .where('tier_code', '=', c.from)
    .returning('id')
    .execute();
  if (rows.length === 0) return false;
  await tx
    .insertInto('tier_changes')
    .values({
      member_id: c.memberId,
      from_code: c.from,
      to_code: c.to,
      reason: c.reason,
      created_at: c.at,
      acknowledged_at: null,
    })
    .execute();
  return true;
}

/** A page of member ids (the yearly review walks every member in id order). */
export async function memberIdsAfter(exec: Executor, afterId: string | null, limit: number): Promise<string[]> {
  let q = exec.selectFrom('members').select('id').orderBy('id').limit(limit);
  if (afterId !== null) q = q.where('id', '>', afterId);
  return (await q.execute()).map((r) => r.id);
}
