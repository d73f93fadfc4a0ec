import type { Executor } from '../../db/db';

/** Staff invites, staff rows and counter receipts. Every state change is a conditional update. */

export async function insertInvite(
  exec: Executor,
  i: { id: string; storeId: string; tokenHash: string; role: 'staff' | 'manager'; createdBy: string; now: Date; expiresAt: Date },
): Promise<void> {
  await exec
    .insertInto('staff_invites')
    .values({ id: i.id, store_id: i.storeId, token_hash: i.tokenHash, role: i.role, created_by: i.createdBy, created_at: i.now, expires_at: i.expiresAt })
    .execute();
}

export function findInviteByHash(exec: Executor, storeId: string, tokenHash: string) {
  return exec.selectFrom('staff_invites').selectAll().where('store_id', '=', storeId).where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Takes the invite: of two members opening one link at once, exactly one updates the row. */
export async function useInvite(exec: Executor, q: { id: string; openid: string; now: Date }): Promise<boolean> {
  const rows = await exec
    .updateTable('staff_invites')
    .set({ used_by: q.openid, used_at: q.now })
    .where('id', '=', q.id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', q.now)
    .returning('id')
    .execute();
  return rows.length === 1;
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
  return exec.selectFrom('staff_invites').selectAll().where('store_id', '=', storeId).where('id', '=', id).executeTakeFirst();
}

export function recentInvites(exec: Executor, storeId: string, limit = 30) {
  return exec.selectFrom('staff_invites').selectAll().where('store_id', '=', storeId).orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
}

/** Makes (store, openid) active staff with `role`; a revoked row comes back to life. */
export async function upsertStaff(exec: Executor, s: { storeId: string; openid: string; role: 'staff' | 'manager'; invitedBy: string; now: Date }) {
  await exec
    .insertInto('staff')
    .values({ store_id: s.storeId, openid: s.openid, role: s.role, created_at: s.now, revoked_at: null, invited_by: s.invitedBy })
    .onConflict((oc) =>
      oc.columns(['store_id', 'openid']).doUpdateSet({ role: s.role, created_at: s.now, revoked_at: null, revoked_by: null, invited_by: s.invitedBy }),
    )
    .execute();
}

export async function revokeStaffRow(exec: Executor, q: { storeId: string; openid: string; by: string; now: Date }): Promise<boolean> {
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

export function activeStaff(exec: Executor, storeId: string) {
  return exec
    .selectFrom('staff as s')
    .leftJoin('members as m', (j) => j.onRef('m.store_id', '=', 's.store_id').onRef('m.openid', '=', 's.openid'))
    .select(['s.openid', 's.role', 's.created_at', 'm.nickname'])
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
    .values({ store_id: r.storeId, receipt_no: r.receiptNo, member_id: r.memberId, amount_fen: r.amountFen, points: r.points, awarded_by: r.by, awarded_at: r.at })
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
  return exec.selectFrom('member_code_uses').select(['used_by', 'used_at']).where('member_id', '=', memberId).where('step', '=', step).executeTakeFirst();
}
