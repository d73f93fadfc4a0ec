import { sql } from 'kysely';
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

/** Where a page of the log starts and what it narrows to. */
export interface AuditQuery {
  storeId: string;
  before: { at: Date; id: string } | null;
  action: string | null;
  who: string | null;
  limit: number;
}

/**
 * Newest first by the time of the action (then id, so rows of one instant keep one order), keyset
 * paged on (created_at, id). Names the actor by their staff name (else nickname), and the order the
 * action touched: named in its input or answer, or reached through the refund it decided; the member
 * is the row's own, else the order's.
 */
export function auditPage(exec: Executor, q: AuditQuery) {
  const orderRef = sql<string | null>`coalesce(a.detail->>'orderId', a.detail->'result'->>'orderId', r.order_id)`;
  let query = exec
    .selectFrom('audit_log as a')
    .leftJoin('members as w', (j) => j.onRef('w.store_id', '=', 'a.store_id').onRef('w.openid', '=', 'a.who'))
    .leftJoin('staff as st', (j) => j.onRef('st.store_id', '=', 'a.store_id').onRef('st.openid', '=', 'a.who'))
    .leftJoin('refunds as r', (j) =>
      j.on('r.id', '=', sql<string>`coalesce(a.detail->>'refundId', a.detail->'result'->>'refundId')`),
    )
    .leftJoin('orders as o', (j) => j.onRef('o.store_id', '=', 'a.store_id').on('o.id', '=', orderRef))
    .leftJoin('members as m', (j) => j.on(sql<boolean>`m.id = coalesce(a.member_id, o.member_id)`))
    .select((eb) => [
      'a.id',
      'a.who',
      'a.role',
      'a.action',
      'a.amount_fen',
      'a.detail',
      'a.created_at',
      eb.fn.coalesce('a.member_id', 'o.member_id').as('member_id'),
      eb.fn.coalesce('st.display_name', 'w.nickname').as('who_nickname'),
      'm.nickname as member_nickname',
      'o.order_no',
    ])
    .where('a.store_id', '=', q.storeId);
  if (q.action) query = query.where('a.action', '=', q.action);
  if (q.who) query = query.where('a.who', '=', q.who);
  if (q.before) query = query.where(sql<boolean>`(a.created_at, a.id) < (${q.before.at}, ${q.before.id})`);
  return query.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(q.limit).execute();
}

/** The people and action kinds the store's log holds, for 操作日志's filters (names as in the rows). */
export async function auditFilterOptions(exec: Executor, storeId: string) {
  const people = await exec
    .selectFrom('audit_log as a')
    .leftJoin('members as w', (j) => j.onRef('w.store_id', '=', 'a.store_id').onRef('w.openid', '=', 'a.who'))
    .leftJoin('staff as st', (j) => j.onRef('st.store_id', '=', 'a.store_id').onRef('st.openid', '=', 'a.who'))
    .select((eb) => ['a.who', eb.fn.coalesce('st.display_name', 'w.nickname', 'a.who').as('name')])
    .where('a.store_id', '=', storeId)
    .groupBy(['a.who', 'st.display_name', 'w.nickname'])
    .orderBy('name')
    .execute();
  const actions = await exec
    .selectFrom('audit_log')
    .select('action')
    .where('store_id', '=', storeId)
    .groupBy('action')
    .orderBy('action')
    .execute();
  return { people: people.map((p) => ({ openid: p.who, name: p.name })), actions: actions.map((a) => a.action) };
}
