import { sql } from 'kysely';
import type { Executor } from '../../db/db';
import type { TierBenefits } from '../domain/tiers';

export interface ProfileExtrasRow {
  birthday: string | null;
  phone: string | null;
  coupon_count: number | string;
  from_code: string | null;
  from_name: string | null;
  to_code: string | null;
  to_name: string | null;
}

/**
 * What `member.me` shows beyond the members row, in one round trip: birthday (as text, see schema),
 * phone, usable coupons (usable status, not past valid_until), and the latest unacknowledged upgrade
 * with both tiers' names.
 */
export async function findProfileExtras(
  exec: Executor,
  memberId: string,
  now: Date,
): Promise<ProfileExtrasRow | undefined> {
  const { rows } = await sql<ProfileExtrasRow>`
    select to_char(m.birthday, 'YYYY-MM-DD') as birthday,
           m.phone,
           (select count(*) from coupons c
             where c.member_id = m.id and c.status = 'usable' and c.valid_until > ${now})::int as coupon_count,
           tc.from_code, ft.name as from_name, tc.to_code, tt.name as to_name
      from members m
      left join lateral (
        select from_code, to_code from tier_changes
         where member_id = m.id and reason = 'upgrade' and acknowledged_at is null
         order by id desc limit 1
      ) tc on true
      left join tiers ft on ft.store_id = m.store_id and ft.code = tc.from_code
      left join tiers tt on tt.store_id = m.store_id and tt.code = tc.to_code
     where m.id = ${memberId}`.execute(exec);
  return rows[0];
}

/** Sets what the member changed; the birthday only while it is unset (set once, conditional update). */
export async function updateProfileFields(
  exec: Executor,
  memberId: string,
  fields: { nickname?: string; avatarUrl?: string },
): Promise<void> {
  const values: { nickname?: string; avatar_url?: string } = {};
  if (fields.nickname !== undefined) values.nickname = fields.nickname;
  if (fields.avatarUrl !== undefined) values.avatar_url = fields.avatarUrl;
  if (Object.keys(values).length === 0) return;
  await exec.updateTable('members').set(values).where('id', '=', memberId).execute();
}

/**
 * `update ... where birthday is null`: of two concurrent first settings one wins. Returns the stored
 * birthday afterwards, so the caller can tell "set now", "same as before" and "already different".
 */
export async function setBirthdayOnce(
  exec: Executor,
  memberId: string,
  birthday: string,
): Promise<{ changed: boolean; stored: string | null }> {
  const updated = await exec
    .updateTable('members')
    .set({ birthday })
    .where('id', '=', memberId)
    .where('birthday', 'is', null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 1) return { changed: true, stored: birthday };
  const { rows } = await sql<{ birthday: string | null }>`
    select to_char(birthday, 'YYYY-MM-DD') as birthday from members where id = ${memberId}`.execute(exec);
  return { changed: false, stored: rows[0]?.birthday ?? null };
}

export async function setPhone(exec: Executor, memberId: string, phone: string, countryCode: string): Promise<void> {
  await exec.updateTable('members').set({ phone, phone_country: countryCode }).where('id', '=', memberId).execute();
}

/** Marks every pending tier change of the member as seen; returns how many were pending. */
export async function acknowledgeTierChanges(exec: Executor, memberId: string, now: Date): Promise<number> {
  const result = await exec
    .updateTable('tier_changes')
    .set({ acknowledged_at: now })
    .where('member_id', '=', memberId)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The store's tiers with their declarative benefits, lowest first. */
export async function findTiersWithBenefits(exec: Executor, storeId: string) {
  const rows = await exec
    .selectFrom('tiers')
    .select(['code', 'name', 'min_growth', 'benefits'])
    .where('store_id', '=', storeId)
    .orderBy('min_growth')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    minGrowth: r.min_growth,
    benefits: r.benefits as Partial<TierBenefits>,
  }));
}

/** The signed-in caller's tier code without creating a member (benefits is open to anyone). */
export async function findTierCodeByOpenid(exec: Executor, storeId: string, openid: string): Promise<string | null> {
  const row = await exec
    .selectFrom('members')
    .select('tier_code')
    .where('store_id', '=', storeId)
    .where('openid', '=', openid)
    .executeTakeFirst();
  return row?.tier_code ?? null;
}
