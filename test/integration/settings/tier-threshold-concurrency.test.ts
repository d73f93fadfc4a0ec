/**
 * A tier threshold saved while a member's growth changes (Postgres only: PGlite cannot interleave).
 * The settlement reads the thresholds while holding its member; the save upgrades from the growth
 * it sees. Without the save locking the members first, a settlement that read the old threshold and
 * a save that could not see the new growth would both leave the member below the tier it reaches.
 * A deferred trigger that sleeps at commit holds one side open, so each order is forced, not hoped for.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import '../../support/subscribers';
import { describeOnPostgres } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { addGrowthOnSettled } from '../../../cloudfunctions/core/points/tier.service';
import { fen } from '../../../cloudfunctions/core/shared/money';
import { MANAGER, T0, jobContext, newKey } from '../order/order-factory';
import { makeMember } from '../points/points-factory';

async function saveSilverThreshold(db: Db, minGrowth: number) {
  const view = okData(await callAction(db, 'manager.getSettings', {}, { openid: MANAGER, now: T0 }));
  const tiers = view.sections.find((s) => s.code === 'tiers')!;
  const values = tiers.fields.map((f) => ({ key: f.key, value: f.key === 'silver.minGrowth' ? minGrowth : f.value }));
  return callAction(
    db,
    'manager.saveSettings',
    { section: 'tiers', values, version: view.version },
    { openid: MANAGER, now: T0, idempotencyKey: newKey() },
  );
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Makes every commit of a transaction that wrote `table` wait a second (dropped afterwards). */
async function slowCommits(db: Db, table: 'growth_events' | 'store_settings') {
  await sql`create or replace function test_slow_commit() returns trigger language plpgsql as $$
    begin perform pg_sleep(1); return null; end $$`.execute(db.kysely);
  await sql`create constraint trigger test_slow_commit after insert on ${sql.table(table)}
    deferrable initially deferred for each row execute function test_slow_commit()`.execute(db.kysely);
  return () => sql`drop trigger test_slow_commit on ${sql.table(table)}`.execute(db.kysely);
}

async function memberAt500(db: Db) {
  const m = await makeMember(db);
  await db.kysely.updateTable('members').set({ growth: 500 }).where('id', '=', m.id).execute();
  return m;
}

/** +200 yuan settled: 700 is short of the old 1,000 but reaches the new 600. */
const settle = (db: Db, memberId: string, tag: string) =>
  addGrowthOnSettled(jobContext(db, T0), {
    orderId: `race-${tag}-${memberId}`,
    storeId: 'demo',
    memberId,
    paidFen: fen(20_000),
    settledAt: T0.toISOString(),
  });

async function expectSilverOnce(db: Db, memberId: string) {
  const row = await db.kysely
    .selectFrom('members')
    .select(['growth', 'tier_code'])
    .where('id', '=', memberId)
    .executeTakeFirstOrThrow();
  expect(row).toEqual({ growth: 700, tier_code: 'silver' });
  const upgrades = await db.kysely
    .selectFrom('tier_changes')
    .select('to_code')
    .where('member_id', '=', memberId)
    .execute();
  expect(upgrades).toEqual([{ to_code: 'silver' }]);
}

describeOnPostgres('tier threshold saved during a growth change', (use) => {
  it('the settlement read the old threshold and is still open when the save upgrades: the save waits for it', async () => {
    okData(await saveSilverThreshold(use(), 1_000));
    const m = await memberAt500(use());
    const restore = await slowCommits(use(), 'growth_events');
    try {
      const settled = settle(use(), m.id, 'a');
      await pause(400);
      okData(await saveSilverThreshold(use(), 600));
      await settled;
    } finally {
      await restore();
    }
    await expectSilverOnce(use(), m.id);
  });

  it('the save is still open when the settlement adds growth: the settlement waits and reads the new threshold', async () => {
    okData(await saveSilverThreshold(use(), 1_000));
    const m = await memberAt500(use());
    const restore = await slowCommits(use(), 'store_settings');
    try {
      const saved = saveSilverThreshold(use(), 600);
      await pause(400);
      await settle(use(), m.id, 'b');
      okData(await saved);
    } finally {
      await restore();
    }
    await expectSilverOnce(use(), m.id);
  });
});
