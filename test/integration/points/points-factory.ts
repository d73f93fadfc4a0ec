import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { runOrderTimer } from '../../../cloudfunctions/core/order/lifecycle.service';
import { runOutboxWorker } from '../../../cloudfunctions/core/outbox/outbox-worker';
import { creditPoints } from '../../../cloudfunctions/core/points/points-ledger';
import { callAction, okData } from '../../support/call';
import { MANAGER, daysAfter, jobContext, newKey, orderRow, type MadeOrder } from '../order/order-factory';

/** The member behind an openid (created by its first call). */
async function memberOf(db: Db, openid: string) {
  return db.kysely
    .selectFrom('members')
    .selectAll()
    .where('openid', '=', openid)
    .where('store_id', '=', 'demo')
    .executeTakeFirstOrThrow();
}

/** A member created through `member.me`. */
export async function makeMember(db: Db, openid = `o_${randomUUID().replace(/-/g, '').slice(0, 24)}`) {
  okData(await callAction(db, 'member.me', {}, { openid }));
  return await memberOf(db, openid);
}

/**
 * Ships a paid order, lets the order timer auto-confirm and settle it, and runs the outbox worker so
 * the `order.settled` consumers (points, growth) run. Returns the settlement time.
 */
export async function settleOrder(db: Db, order: MadeOrder & { paidAt: Date }): Promise<Date> {
  const shippedAt = daysAfter(order.paidAt, 1);
  okData(
    await callAction(
      db,
      'manager.shipOrder',
      { orderId: order.orderId, carrier: '顺丰速运', trackingNo: `SF${Date.now()}` },
      { openid: MANAGER, now: shippedAt, idempotencyKey: newKey() },
    ),
  );
  await runOrderTimer(jobContext(db, daysAfter(shippedAt, 7)));
  const settledAt = daysAfter(shippedAt, 14);
  await runOrderTimer(jobContext(db, settledAt));
  expect((await orderRow(db, order.orderId)).status).toBe('settled');
  await runOutboxWorker(jobContext(db, settledAt));
  return settledAt;
}

/** Credits points directly (as a settled order would), keyed so a test can find the entry. */
export async function credit(db: Db, memberId: string, points: number, at: Date, key = `earn:test-${randomUUID()}`) {
  await db.kysely.transaction().execute((tx) => creditPoints(tx, { memberId, points, reason: 'earn', key, at }));
  return key;
}

/** Balance, sum of entries and sum of lots' remaining: the ledger invariant says all three agree. */
export async function ledgerOf(db: Db, memberId: string) {
  const m = await db.kysely
    .selectFrom('members')
    .select(['points_balance', 'growth', 'tier_code'])
    .where('id', '=', memberId)
    .executeTakeFirstOrThrow();
  const e = await db.kysely
    .selectFrom('points_entries')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('delta'), eb.lit(0)).as('n'))
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow();
  const l = await db.kysely
    .selectFrom('points_lots')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('remaining'), eb.lit(0)).as('n'),
      eb.fn.coalesce(eb.fn.min<number>('remaining'), eb.lit(0)).as('min'),
    ])
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow();
  return {
    balance: m.points_balance,
    entries: Number(e.n),
    lots: Number(l.n),
    minLot: Number(l.min),
    growth: m.growth,
    tier: m.tier_code,
  };
}

export async function expectBalanced(db: Db, memberId: string): Promise<number> {
  const ledger = await ledgerOf(db, memberId);
  expect(ledger.entries).toBe(ledger.balance);
  expect(ledger.lots).toBe(ledger.balance);
  expect(ledger.balance).toBeGreaterThanOrEqual(0);
  expect(ledger.minLot).toBeGreaterThanOrEqual(0);
  return ledger.balance;
}

export async function entriesOf(db: Db, memberId: string) {
  return db.kysely.selectFrom('points_entries').selectAll().where('member_id', '=', memberId).orderBy('id').execute();
}

export async function tierChangesOf(db: Db, memberId: string) {
  return db.kysely.selectFrom('tier_changes').selectAll().where('member_id', '=', memberId).orderBy('id').execute();
}

/** Sets a member's growth history: one event at `at` and the cached value (a member with a past). */
export async function giveGrowth(db: Db, memberId: string, yuan: number, at: Date, tierCode?: string) {
  await db.kysely
    .insertInto('growth_events')
    .values({
      member_id: memberId,
      delta: yuan,
      source: 'order_settled',
      order_id: null,
      idempotency_key: `growth:test-${randomUUID()}`,
      at,
    })
    .execute();
  await db.kysely
    .updateTable('members')
    .set((eb) => ({ growth: eb('growth', '+', yuan), ...(tierCode ? { tier_code: tierCode } : {}) }))
    .where('id', '=', memberId)
    .execute();
}
