import { sql } from 'kysely';
import type { Executor } from '../../db/db';
import type { TierBenefits } from '../domain/tiers';

export interface StoredTier {
  name: string;
  minGrowth: number;
  benefits: TierBenefits;
}

/** The store's tiers by code, as kept in `tiers`. */
export async function storedTiers(exec: Executor, storeId: string): Promise<Map<string, StoredTier>> {
  const rows = await exec.selectFrom('tiers').selectAll().where('store_id', '=', storeId).execute();
  return new Map(
    rows.map((r) => [
      r.code,
      { name: r.name, minGrowth: r.min_growth, benefits: r.benefits as unknown as TierBenefits },
    ]),
  );
}

/**
 * Locks, in id order, the store's members on the given tiers (the ones a lowered threshold may
 * upgrade). A settlement adding growth holds its member's row while it reads the thresholds; taking
 * these locks before the thresholds change makes the two serialize: either the settlement finishes
 * first and the upgrade below sees its growth, or it waits and then reads the new thresholds.
 */
export async function lockMembersOnTiers(tx: Executor, storeId: string, codes: readonly string[]): Promise<void> {
  if (codes.length === 0) return;
  await sql`
    select count(*) from (
      select 1 from members
       where store_id = ${storeId} and tier_code in (${sql.join(codes)})
       order by id
         for update
    ) locked`.execute(tx);
}

/** Parks every threshold above any allowed value, so a save may reorder them under unique (store, min_growth). */
export async function parkThresholds(tx: Executor, storeId: string, codes: readonly string[], above: number) {
  for (const [i, code] of codes.entries()) {
    await tx
      .updateTable('tiers')
      .set({ min_growth: above + i })
      .where('store_id', '=', storeId)
      .where('code', '=', code)
      .execute();
  }
}

export async function upsertTier(tx: Executor, storeId: string, code: string, t: StoredTier): Promise<void> {
  const row = { name: t.name, min_growth: t.minGrowth, benefits: JSON.stringify(t.benefits) };
  await tx
    .insertInto('tiers')
    .values({ store_id: storeId, code, ...row })
    .onConflict((oc) => oc.columns(['store_id', 'code']).doUpdateSet(row))
    .execute();
}

/**
 * One set-based statement: every member of the store whose growth now reaches a tier above their
 * own moves up to the highest tier they reach, if still on the tier read (conditional update), and
 * each move is recorded as an upgrade (the member's celebration page). Never moves anyone down: the
 * yearly review alone does. Returns how many members moved.
 */
export async function upgradeQualifiedMembers(tx: Executor, storeId: string, at: Date): Promise<number> {
  const { rows } = await sql<{ member_id: string }>`
    with earned as (
      select m.id, m.tier_code as from_code, e.code as to_code
        from members m
        join tiers cur on cur.store_id = m.store_id and cur.code = m.tier_code
        cross join lateral (
          select t.code, t.min_growth from tiers t
           where t.store_id = m.store_id and t.min_growth <= m.growth
           order by t.min_growth desc
           limit 1
        ) e
       where m.store_id = ${storeId} and e.min_growth > cur.min_growth
    ), moved as (
      update members m set tier_code = earned.to_code
        from earned
       where m.id = earned.id and m.tier_code = earned.from_code
      returning m.id, earned.from_code, earned.to_code
    )
    insert into tier_changes (member_id, from_code, to_code, reason, created_at, acknowledged_at)
    select id, from_code, to_code, 'upgrade', ${at}::timestamptz, null from moved
    returning member_id`.execute(tx);
  return rows.length;
}
