import type { Executor } from '../db/db';

export interface AuditRow {
  storeId: string;
  who: string;
  role: 'customer' | 'staff' | 'manager';
  action: string;
  memberId: string | null;
  amountFen: number | null;
  detail: Record<string, unknown>;
  at: Date;
}

/** Appends one row, in the caller's transaction: the action and its audit commit together. */
export async function insertAudit(exec: Executor, a: AuditRow): Promise<void> {
  await exec
    .insertInto('audit_log')
    .values({
      store_id: a.storeId,
      who: a.who,
      role: a.role,
      action: a.action,
      member_id: a.memberId,
      amount_fen: a.amountFen,
      detail: JSON.stringify(a.detail),
      created_at: a.at,
    })
    .execute();
}

/** Newest first, keyset-paged by id; nicknames of the actor and the member where they are members. */
export function auditPage(exec: Executor, storeId: string, beforeId: string | null, limit: number) {
  let q = exec
    .selectFrom('audit_log as a')
    .leftJoin('members as w', (j) => j.onRef('w.store_id', '=', 'a.store_id').onRef('w.openid', '=', 'a.who'))
    .leftJoin('members as m', 'm.id', 'a.member_id')
    .select([
      'a.id',
      'a.who',
      'a.role',
      'a.action',
      'a.member_id',
      'a.amount_fen',
      'a.detail',
      'a.created_at',
      'w.nickname as who_nickname',
      'm.nickname as member_nickname',
    ])
    .where('a.store_id', '=', storeId);
  if (beforeId) q = q.where('a.id', '<', beforeId);
  return q.orderBy('a.id', 'desc').limit(limit).execute();
}
