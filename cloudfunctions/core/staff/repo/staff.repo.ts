import { sql } from 'kysely';
import type { Executor } from '../../db/db';

/** Staff invites, staff rows and counter receipts. Every state change is a conditional update. */

export async function insertInvite(
  exec: Executor,
  i: {
    id: string;
    storeId: string;
    tokenHash: string;
    role: 'staff' | 'manager';
    shopId: string | null;
    createdBy: string;
    now: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await exec
    .insertInto('staff_invites')
    .values({
      id: i.id,
      store_id: i.storeId,
      token_hash: i.tokenHash,
      role: i.role,
      shop_id: i.shopId,
      created_by: i.createdBy,
      created_at: i.now,
      expires_at: i.expiresAt,
    })
    .execute();
}

export function findInviteByHash(exec: Executor, storeId: string, tokenHash: string) {
  return exec
    .selectFrom('staff_invites')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/**
 * Takes the invite: of two members opening one link at once, exactly one updates the row. Answers
 * the shop the invite names as the row it took holds it (null: none), or undefined when not taken.
 */
export async function useInvite(
  exec: Executor,
  q: { id: string; openid: string; now: Date },
): Promise<{ shopId: string | null } | undefined> {
  const rows = await exec
    .updateTable('staff_invites')
    .set({ used_by: q.openid, used_at: q.now })
    .where('id', '=', q.id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', q.now)
    .returning(['id', 'shop_id'])
    .execute();
  return rows[0] && { shopId: rows[0].shop_id };
}

/**
 * Part of a revocation, after the staff row's update: every invite the revoked member made and nobody
 * used yet stops working, so their links cannot hand the role on (or back to them). Answers how many.
 */
export async function revokeInvitesBy(
  tx: Executor,
  q: { storeId: string; createdBy: string; now: Date },
): Promise<number> {
  const rows = await tx
    .updateTable('staff_invites')
    .set({ revoked_at: q.now })
    .where('store_id', '=', q.storeId)
    .where('created_by', '=', q.createdBy)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
}

export async function revokeInvite(exec: Executor, q: { storeId: string; id: string; now: Date }): Promise<boolean> {
  const rows = await exec
    .updateTable('staff_invites')
    .set({ revoked_at: q.now })
    .where('id', '=', q.id)
    .where('store_id', '=', q.storeId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length === 1;
}

export function findInvite(exec: Executor, storeId: string, id: string) {
  return exec
    .selectFrom('staff_invites')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function recentInvites(exec: Executor, storeId: string, limit = 30) {
  return exec
    .selectFrom('staff_invites as i')
    .leftJoin('shops as sh', 'sh.id', 'i.shop_id')
    .selectAll('i')
    .select('sh.name as shop_name')
    .where('i.store_id', '=', storeId)
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id')
    .limit(limit)
    .execute();
}

/**
 * Makes (store, openid) active staff with `role`. A revoked row comes back to life only through an
 * invite made after the revocation: an invite the member kept from before would otherwise undo it.
 * `shopId` (the invite's) places them in that shop; an invite naming none leaves a returning member's
 * shop as it was. Answers false (nothing written) when the row stays revoked.
 */
export async function upsertStaff(
  exec: Executor,
  s: {
    storeId: string;
    openid: string;
    role: 'staff' | 'manager';
    shopId: string | null;
    invitedBy: string;
    inviteCreatedAt: Date;
    now: Date;
  },
): Promise<boolean> {
  const rows = await exec
    .insertInto('staff')
    .values({
      store_id: s.storeId,
      openid: s.openid,
      role: s.role,
      shop_id: s.shopId,
      created_at: s.now,
      revoked_at: null,
      invited_by: s.invitedBy,
    })
    .onConflict((oc) =>
      oc
        .columns(['store_id', 'openid'])
        .doUpdateSet((eb) => ({
          role: s.role,
          shop_id: eb.fn.coalesce(eb.ref('excluded.shop_id'), eb.ref('staff.shop_id')),
          created_at: s.now,
          revoked_at: null,
          revoked_by: null,
          invited_by: s.invitedBy,
        }))
        .where((eb) => eb.or([eb('staff.revoked_at', 'is', null), eb('staff.revoked_at', '<', s.inviteCreatedAt)])),
    )
    .returning('openid')
    .execute();
  return rows.length === 1;
}

export async function revokeStaffRow(
  exec: Executor,
  q: { storeId: string; openid: string; by: string; now: Date },
): Promise<boolean> {
  const rows = await exec
    .updateTable('staff')
    .set({ revoked_at: q.now, revoked_by: q.by })
    .where('store_id', '=', q.storeId)
    .where('openid', '=', q.openid)
    .where('revoked_at', 'is', null)
    .returning('openid')
    .execute();
  return rows.length === 1;
}

/**
 * The active staff row, locked FOR UPDATE before its shop changes: the lock a revocation's update
 * takes, in the same order (staff row first, then bindings), so a reassignment holding the row FOR
 * SHARE finishes first and its member is handed back with the others, or waits and sees the new shop.
 */
export function lockStaffForShopMove(tx: Executor, storeId: string, openid: string) {
  return tx
    .selectFrom('staff')
    .select(['openid', 'shop_id'])
    .where('store_id', '=', storeId)
    .where('openid', '=', openid)
    .where('revoked_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * The active manager behind an invite (being made or being used), locked FOR SHARE until the
 * transaction ends. A revocation updates this row first and voids the manager's open invites after,
 * so it waits for a bind or an invite in flight to commit (and then voids or keeps what it finds), or
 * has committed and this answers undefined. Same order everywhere: staff row, then invites.
 */
export function lockActiveManager(tx: Executor, storeId: string, openid: string) {
  return tx
    .selectFrom('staff')
    .select('openid')
    .where('store_id', '=', storeId)
    .where('openid', '=', openid)
    .where('role', '=', 'manager')
    .where('revoked_at', 'is', null)
    .forShare()
    .executeTakeFirst();
}

/** Places the (locked) staff member in `shopId`, conditional on the shop they were read in. */
export async function moveStaffShop(
  tx: Executor,
  q: { storeId: string; openid: string; from: string | null; to: string },
): Promise<boolean> {
  const rows = await tx
    .updateTable('staff')
    .set({ shop_id: q.to })
    .where('store_id', '=', q.storeId)
    .where('openid', '=', q.openid)
    .where('revoked_at', 'is', null)
    .where(sql<boolean>`shop_id is not distinct from ${q.from}`)
    .returning('openid')
    .execute();
  return rows.length === 1;
}

export function activeStaff(exec: Executor, storeId: string) {
  return exec
    .selectFrom('staff as s')
    .leftJoin('members as m', (j) => j.onRef('m.store_id', '=', 's.store_id').onRef('m.openid', '=', 's.openid'))
    .leftJoin('shops as sh', 'sh.id', 's.shop_id')
    .select(['s.openid', 's.role', 's.created_at', 's.shop_id', 'sh.name as shop_name', 'm.nickname', 's.display_name'])
    .where('s.store_id', '=', storeId)
    .where('s.revoked_at', 'is', null)
    .orderBy('s.role', 'desc')
    .orderBy('s.created_at')
    .execute();
}

/**
 * Records the receipt: insert-or-nothing on (store, receipt_no). A concurrent second insert waits for
 * the first to commit and then inserts nothing, so a receipt is awarded at most once.
 */
export async function insertReceipt(
  tx: Executor,
  r: { storeId: string; receiptNo: string; memberId: string; amountFen: number; points: number; by: string; at: Date },
): Promise<boolean> {
  const rows = await tx
    .insertInto('counter_receipts')
    .values({
      store_id: r.storeId,
      receipt_no: r.receiptNo,
      member_id: r.memberId,
      amount_fen: r.amountFen,
      points: r.points,
      awarded_by: r.by,
      awarded_at: r.at,
    })
    .onConflict((oc) => oc.columns(['store_id', 'receipt_no']).doNothing())
    .returning('receipt_no')
    .execute();
  return rows.length === 1;
}

/** The member as the counter shows them: nickname, avatar, tier, points. */
export function counterMember(exec: Executor, storeId: string, memberId: string) {
  return exec
    .selectFrom('members as m')
    .innerJoin('tiers as t', (j) => j.onRef('t.store_id', '=', 'm.store_id').onRef('t.code', '=', 'm.tier_code'))
    .select(['m.id', 'm.nickname', 'm.avatar_url', 'm.points_balance', 't.code as tier_code', 't.name as tier_name'])
    .where('m.id', '=', memberId)
    .where('m.store_id', '=', storeId)
    .executeTakeFirst();
}

/** The member code's use row, to recognise the scan this counter made. */
export function findCodeUse(exec: Executor, memberId: string, step: number) {
  return exec
    .selectFrom('member_code_uses')
    .select(['used_by', 'used_at'])
    .where('member_id', '=', memberId)
    .where('step', '=', step)
    .executeTakeFirst();
}

/** Sets (or clears) an active staff member's shown name; answers the name shown after, or undefined when not active staff. */
export async function setDisplayName(
  exec: Executor,
  q: { storeId: string; openid: string; name: string | null },
): Promise<string | undefined> {
  const rows = await exec
    .updateTable('staff as s')
    .set({ display_name: q.name })
    .where('s.store_id', '=', q.storeId)
    .where('s.openid', '=', q.openid)
    .where('s.revoked_at', 'is', null)
    .returning('s.openid')
    .execute();
  if (rows.length !== 1) return undefined;
  return (await staffName(exec, q.storeId, q.openid)) ?? q.openid;
}

/** The one name staff screens show for a staff member: the name set for them, else their nickname. */
export async function staffName(exec: Executor, storeId: string, openid: string): Promise<string | null> {
  const row = await exec
    .selectFrom('staff as s')
    .leftJoin('members as m', (j) => j.onRef('m.store_id', '=', 's.store_id').onRef('m.openid', '=', 's.openid'))
    .select((eb) => eb.fn.coalesce('s.display_name', 'm.nickname').as('name'))
    .where('s.store_id', '=', storeId)
    .where('s.openid', '=', openid)
    .executeTakeFirst();
  return row?.name ?? null;
}
