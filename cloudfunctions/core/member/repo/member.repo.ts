import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../db/db';

export async function findMemberByOpenid(exec: Executor, storeId: string, openid: string) {
  return exec
    .selectFrom('members')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('openid', '=', openid)
    .executeTakeFirst();
}

/** The signed-in caller's member id without creating a member (for actions open to anyone). */
export async function memberIdByOpenid(exec: Executor, storeId: string, openid: string): Promise<string | null> {
  const row = await exec
    .selectFrom('members')
    .select('id')
    .where('store_id', '=', storeId)
    .where('openid', '=', openid)
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Inserts a member unless one exists for (store, openid) or the invite code is taken; either
 * conflict inserts nothing (returns false) and the caller re-reads. Safe under concurrent first calls.
 */
export async function insertMember(
  exec: Executor,
  m: { storeId: string; openid: string; nickname: string; tierCode: string; inviteCode: string; now: Date },
): Promise<boolean> {
  const rows = await exec
    .insertInto('members')
    .values({
      id: `m_${randomUUID().replace(/-/g, '').slice(0, 20)}`,
      store_id: m.storeId,
      openid: m.openid,
      nickname: m.nickname,
      avatar_url: null,
      tier_code: m.tierCode,
      invite_code: m.inviteCode,
      created_at: m.now,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  return rows.length === 1;
}

export async function findTiers(exec: Executor, storeId: string) {
  const rows = await exec
    .selectFrom('tiers')
    .select(['code', 'name', 'min_growth'])
    .where('store_id', '=', storeId)
    .orderBy('min_growth')
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, minGrowth: r.min_growth }));
}

/**
 * Who is calling, in one round trip: the caller's staff role (null for customers) and their member
 * id (null before their first signed-in call).
 */
export async function findCaller(exec: Executor, storeId: string, openid: string) {
  const { rows } = await sql<{ role: 'staff' | 'manager' | null; member_id: string | null }>`
    select s.role, m.id as member_id
      from (select 1) as one
      left join staff s on s.store_id = ${storeId} and s.openid = ${openid} and s.revoked_at is null
      left join members m on m.store_id = ${storeId} and m.openid = ${openid}`.execute(exec);
  return rows[0] ?? { role: null, member_id: null };
}

/** The benefits of the member's current tier (declarative configuration in `tiers.benefits`). */
export async function findTierBenefits(exec: Executor, memberId: string): Promise<Record<string, unknown> | null> {
  const row = await exec
    .selectFrom('members as m')
    .innerJoin('tiers as t', (j) => j.onRef('t.store_id', '=', 'm.store_id').onRef('t.code', '=', 'm.tier_code'))
    .select('t.benefits')
    .where('m.id', '=', memberId)
    .executeTakeFirst();
  return (row?.benefits as Record<string, unknown> | undefined) ?? null;
}
