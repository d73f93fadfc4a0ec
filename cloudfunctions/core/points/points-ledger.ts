import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import { lotExpiresAt, planConsumption, type ConsumptionPlan, type PointsReason } from './domain/points-rules';
import {
  changeBalance,
  findEntry,
  findLots,
  insertEntry,
  insertLot,
  lockMember,
  moveLot,
  openLots,
} from './repo/points.repo';

/**
 * The ledger's transactional moves. Each runs inside the caller's transaction, takes the member's row
 * lock first, writes an entry keyed for idempotency, and moves lots and the cached balance with it:
 * balance = sum(entries) = sum(lots.remaining), always.
 */

type Lots = Array<{ lotId: string; points: number }>;

async function applyTakes(tx: Executor, takes: Lots): Promise<void> {
  for (const take of takes) {
    if (!(await moveLot(tx, take.lotId, -take.points)))
      throw new Error(`lot ${take.lotId} could not give ${take.points} points`);
  }
}

/**
 * Credits points as a new lot that expires at the end of the following year. Returns false when the
 * key was credited before (nothing changes).
 */
export async function creditPoints(
  tx: Executor,
  c: {
    memberId: string;
    points: number;
    reason: Extract<PointsReason, 'earn' | 'award' | 'referral'>;
    key: string;
    at: Date;
    orderId?: string;
    metadata?: Record<string, unknown>;
  },
): Promise<boolean> {
  if (c.points <= 0) return false;
  if (!(await lockMember(tx, c.memberId))) throw new Error(`no member ${c.memberId}`);
  if (await findEntry(tx, c.key)) return false;
  const lotId = await insertLot(tx, {
    memberId: c.memberId,
    amount: c.points,
    earnedAt: c.at,
    expiresAt: lotExpiresAt(c.at),
  });
  await insertEntry(tx, {
    memberId: c.memberId,
    delta: c.points,
    reason: c.reason,
    key: c.key,
    at: c.at,
    orderId: c.orderId,
    lotId,
    metadata: c.metadata,
  });
  await changeBalance(tx, c.memberId, c.points);
  return true;
}

/**
 * Writes an expiry entry for each of the member's lots past `expiresAt` that still holds points.
 * The caller holds the member lock; the lot update is conditional, so a second run finds nothing.
 */
export async function expireDueLots(tx: Executor, memberId: string, now: Date): Promise<number> {
  let expired = 0;
  for (const lot of await openLots(tx, memberId)) {
    if (lot.expiresAt > now) continue;
    if (
      !(await insertEntry(tx, {
        memberId,
        delta: -lot.remaining,
        reason: 'expire',
        key: `expire:${lot.id}`,
        at: now,
        lotId: lot.id,
      }))
    )
      continue;
    if (!(await moveLot(tx, lot.id, -lot.remaining))) throw new Error(`lot ${lot.id} changed under the member lock`);
    if (!(await changeBalance(tx, memberId, -lot.remaining))) throw new Error(`balance of ${memberId} below its lots`);
    expired++;
  }
  return expired;
}

/** Spendable points: the balance minus lots already past expiry that the timer has not expired yet. */
export async function spendableBalance(exec: Executor, memberId: string, now: Date): Promise<number> {
  const member = await exec
    .selectFrom('members')
    .select('points_balance')
    .where('id', '=', memberId)
    .executeTakeFirst();
  if (!member) return 0;
  const due = await exec
    .selectFrom('points_lots')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('remaining'), eb.lit(0)).as('n'))
    .where('member_id', '=', memberId)
    .where('remaining', '>', 0)
    .where('expires_at', '<=', now)
    .executeTakeFirstOrThrow();
  return Math.max(0, member.points_balance - Number(due.n));
}

/**
 * checkout's `holdPoints`: in the order's transaction, expire the member's due lots, then the
 * conditional update `points_balance >= n` (a concurrent spender waits on the row and then fails the
 * condition), then consume lots oldest first under entry `spend:<orderId>`.
 */
export async function holdPoints(
  tx: Executor,
  q: { memberId: string; points: number; orderId: string; now: Date },
): Promise<Result<null>> {
  if (q.points <= 0) return ok(null);
  const key = `spend:${q.orderId}`;
  if (await findEntry(tx, key)) return ok(null);
  if (!(await lockMember(tx, q.memberId))) return fail('INSUFFICIENT_POINTS');
  await expireDueLots(tx, q.memberId, q.now);
  if (!(await changeBalance(tx, q.memberId, -q.points)))
    return fail('INSUFFICIENT_POINTS', undefined, { requested: q.points });
  const plan = planConsumption(await openLots(tx, q.memberId), q.points);
  if (plan.shortfall > 0) throw new Error(`member ${q.memberId}: lots hold less than the balance`);
  await applyTakes(tx, plan.takes);
  await insertEntry(tx, {
    memberId: q.memberId,
    delta: -q.points,
    reason: 'spend',
    key,
    at: q.now,
    orderId: q.orderId,
    metadata: { lots: plan.takes },
  });
  return ok(null);
}

/**
 * checkout's `releasePoints`: returns what `spend:<orderId>` took, once (`spend_return:<orderId>`).
 * Design choice: points go back into the lots they came from, keeping their original expiry; the part
 * whose lot has expired meanwhile is returned and expired at once (entry `expire:return:<orderId>`),
 * so a cancellation never extends a point's life.
 */
export async function releasePoints(tx: Executor, q: { memberId: string; orderId: string; now: Date }): Promise<void> {
  await lockMember(tx, q.memberId);
  const spend = await findEntry(tx, `spend:${q.orderId}`);
  if (!spend || spend.member_id !== q.memberId) return;
  const taken = ((spend.metadata as { lots?: Lots }).lots ?? []).filter((t) => t.points > 0);
  const total = -spend.delta;
  const lots = new Map(
    (
      await findLots(
        tx,
        taken.map((t) => t.lotId),
      )
    ).map((l) => [l.id, l]),
  );
  const expiredLots = taken.filter((t) => lots.get(t.lotId)!.expires_at <= q.now);
  const liveLots = taken.filter((t) => lots.get(t.lotId)!.expires_at > q.now);
  const expired = expiredLots.reduce((s, t) => s + t.points, 0);
  const returned = { memberId: q.memberId, orderId: q.orderId, at: q.now };
  if (
    !(await insertEntry(tx, {
      ...returned,
      delta: total,
      reason: 'spend_return',
      key: `spend_return:${q.orderId}`,
      metadata: { lots: liveLots, expiredLots },
    }))
  )
    return;
  for (const take of liveLots) {
    if (!(await moveLot(tx, take.lotId, take.points)))
      throw new Error(`lot ${take.lotId} cannot take back ${take.points}`);
  }
  if (expired > 0) {
    await insertEntry(tx, {
      ...returned,
      delta: -expired,
      reason: 'expire',
      key: `expire:return:${q.orderId}`,
      metadata: { lots: expiredLots },
    });
  }
  await changeBalance(tx, q.memberId, total - expired);
}

/**
 * Takes up to `wanted` points back (a refund reversal): what the balance allows, from the order's own
 * lot first, then the oldest. The entry always records the target and any shortfall.
 */
export async function takeBack(
  tx: Executor,
  t: {
    memberId: string;
    wanted: number;
    key: string;
    at: Date;
    orderId: string;
    preferLot: string | null;
    metadata: Record<string, unknown>;
  },
): Promise<{ taken: number; shortfall: number } | null> {
  const member = await lockMember(tx, t.memberId);
  if (!member || (await findEntry(tx, t.key))) return null;
  const take = Math.min(t.wanted, member.points_balance);
  const plan: ConsumptionPlan = planConsumption(await openLots(tx, t.memberId), take, t.preferLot ? [t.preferLot] : []);
  if (plan.shortfall > 0) throw new Error(`member ${t.memberId}: lots hold less than the balance`);
  await applyTakes(tx, plan.takes);
  const shortfall = t.wanted - take;
  await insertEntry(tx, {
    memberId: t.memberId,
    delta: -take,
    reason: 'refund_reversal',
    key: t.key,
    at: t.at,
    orderId: t.orderId,
    metadata: { ...t.metadata, target: t.wanted, shortfall, lots: plan.takes },
  });
  if (!(await changeBalance(tx, t.memberId, -take))) throw new Error(`balance of ${t.memberId} moved under its lock`);
  return { taken: take, shortfall };
}
