import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../db/db';
import { findTierBenefits } from '../../member';
import type { OpenLot, PointsReason } from '../domain/points-rules';

/**
 * SQL for the points ledger. Callers hold the member's row lock (`lockMember`) before touching lots,
 * entries or the balance, so the three always move together and two writers never interleave.
 */

/** Locks the member row for the rest of the transaction; null when there is no such member. */
export async function lockMember(tx: Executor, memberId: string) {
  return tx
    .selectFrom('members')
    .select(['id', 'store_id', 'points_balance', 'tier_code'])
    .where('id', '=', memberId)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Conditional balance change: `balance + delta >= 0` or nothing happens (returns false). The same
 * statement serialises concurrent spenders: the loser re-evaluates the condition after the winner commits.
 */
export async function changeBalance(tx: Executor, memberId: string, delta: number): Promise<boolean> {
  if (delta === 0) return true;
  const rows = await tx
    .updateTable('members')
    .set({ points_balance: sql`points_balance + ${delta}` })
    .where('id', '=', memberId)
    .where(sql<boolean>`points_balance + ${delta} >= 0`)
    .returning('id')
    .execute();
  return rows.length === 1;
}

/** The member's lots that still hold points (expired-but-not-yet-expired ones included), oldest first. */
export async function openLots(tx: Executor, memberId: string): Promise<Array<OpenLot & { expiresAt: Date }>> {
  const rows = await tx
    .selectFrom('points_lots')
    .select(['id', 'remaining', 'earned_at', 'expires_at'])
    .where('member_id', '=', memberId)
    .where('remaining', '>', 0)
    .orderBy('earned_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, remaining: r.remaining, earnedAt: r.earned_at, expiresAt: r.expires_at }));
}

export async function findLots(tx: Executor, lotIds: readonly string[]) {
  if (lotIds.length === 0) return [];
  return tx
    .selectFrom('points_lots')
    .selectAll()
    .where('id', 'in', [...lotIds])
    .execute();
}

export async function insertLot(
  tx: Executor,
  lot: { memberId: string; amount: number; earnedAt: Date; expiresAt: Date },
): Promise<string> {
  const id = `pl_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
  await tx
    .insertInto('points_lots')
    .values({
      id,
      member_id: lot.memberId,
      amount: lot.amount,
      remaining: lot.amount,
      earned_at: lot.earnedAt,
      expires_at: lot.expiresAt,
      created_at: lot.earnedAt,
    })
    .execute();
  return id;
}

/**
 * Moves a lot's remaining by `delta`, only if it stays within [0, amount]; false means the lot did not
 * hold what the caller thought (a bug under the member lock, so callers throw).
 */
export async function moveLot(tx: Executor, lotId: string, delta: number): Promise<boolean> {
  const rows = await tx
    .updateTable('points_lots')
    .set({ remaining: sql`remaining + ${delta}` })
    .where('id', '=', lotId)
    .where(sql<boolean>`remaining + ${delta} between 0 and amount`)
    .returning('id')
    .execute();
  return rows.length === 1;
}

export interface NewEntry {
  memberId: string;
  delta: number;
  reason: PointsReason;
  key: string;
  at: Date;
  orderId?: string | null;
  lotId?: string | null;
  metadata?: Record<string, unknown>;
}

/** Appends an entry; false when its idempotency key is already there (the work was done before). */
export async function insertEntry(tx: Executor, e: NewEntry): Promise<boolean> {
  const rows = await tx
    .insertInto('points_entries')
    .values({
      member_id: e.memberId,
      delta: e.delta,
      reason: e.reason,
      order_id: e.orderId ?? null,
      lot_id: e.lotId ?? null,
      idempotency_key: e.key,
      metadata: JSON.stringify(e.metadata ?? {}),
      created_at: e.at,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .execute();
  return rows.length === 1;
}

export async function findEntry(tx: Executor, key: string) {
  return tx.selectFrom('points_entries').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
}

/** Refund reversals already written for an order (to cap what later refunds may reverse). */
export async function reversalsOf(tx: Executor, memberId: string, orderId: string) {
  return tx
    .selectFrom('points_entries')
    .select(['delta', 'metadata'])
    .where('member_id', '=', memberId)
    .where('order_id', '=', orderId)
    .where('reason', '=', 'refund_reversal')
    .execute();
}

/** Members with lots past their expiry that still hold points (the expiry timer's work list). */
export async function membersWithDueLots(exec: Executor, now: Date, limit: number): Promise<string[]> {
  const rows = await exec
    .selectFrom('points_lots')
    .select('member_id')
    .distinct()
    .where('remaining', '>', 0)
    .where('expires_at', '<=', now)
    .limit(limit)
    .execute();
  return rows.map((r) => r.member_id);
}

/** A page of a member's entries, newest first, with the expiry of the lot each credit created. */
export async function entriesPage(exec: Executor, memberId: string, beforeId: number | null, limit: number) {
  let q = exec
    .selectFrom('points_entries as e')
    .leftJoin('points_lots as l', 'l.id', 'e.lot_id')
    .select(['e.id', 'e.delta', 'e.reason', 'e.order_id', 'e.created_at', 'l.expires_at'])
    .where('e.member_id', '=', memberId)
    .where('e.delta', '<>', 0);
  if (beforeId !== null) q = q.where('e.id', '<', beforeId);
  return q.orderBy('e.id', 'desc').limit(limit).execute();
}

/** The multiplier of the member's current tier (1 when the tier has none configured). */
export async function tierMultiplier(exec: Executor, memberId: string): Promise<number> {
  const multiplier = (await findTierBenefits(exec, memberId))?.pointsMultiplier;
  return typeof multiplier === 'number' && multiplier > 0 ? multiplier : 1;
}
