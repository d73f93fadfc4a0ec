import { sql } from 'kysely';
import type { Executor } from '../../db/db';

/**
 * Who serves a member (member_advisors) as the manager and a revocation change it. Lock order, the
 * same on every path so they cannot deadlock: the advisor's staff row first, then bindings.
 */

/**
 * The advisor a member may be moved to, locked FOR SHARE until the transaction ends: a revocation
 * updates this row first, so it waits for the reassignment to commit and then hands the member back;
 * a reassignment that comes second re-reads the revoked row and finds no active advisor.
 */
export function lockActiveAdvisor(tx: Executor, storeId: string, openid: string) {
  return tx
    .selectFrom('staff')
    .select(['openid', 'shop_id', 'role'])
    .where('store_id', '=', storeId)
    .where('openid', '=', openid)
    .where('revoked_at', 'is', null)
    .forShare()
    .executeTakeFirst();
}

/** The member's binding, locked for the reassignment's conditional update. */
export function lockBinding(tx: Executor, storeId: string, memberId: string) {
  return tx
    .selectFrom('member_advisors')
    .select(['member_id', 'shop_id', 'advisor_openid'])
    .where('store_id', '=', storeId)
    .where('member_id', '=', memberId)
    .forUpdate()
    .executeTakeFirst();
}

/** Moves a member from `from` to `to` (null: the shop's pool) only if `from` still serves them. */
export async function moveBinding(
  tx: Executor,
  q: { storeId: string; memberId: string; from: string | null; to: string | null; by: string; now: Date },
): Promise<boolean> {
  const rows = await tx
    .updateTable('member_advisors')
    .set({ advisor_openid: q.to, updated_at: q.now, updated_by: q.by })
    .where('store_id', '=', q.storeId)
    .where('member_id', '=', q.memberId)
    .where(sql<boolean>`advisor_openid is not distinct from ${q.from}`)
    .returning('member_id')
    .execute();
  return rows.length === 1;
}

/** Every member an advisor serves goes back to their shop's pool; answers who moved. */
export async function handBackBindings(
  tx: Executor,
  q: { storeId: string; advisorOpenid: string; by: string; now: Date },
): Promise<string[]> {
  const rows = await tx
    .updateTable('member_advisors')
    .set({ advisor_openid: null, updated_at: q.now, updated_by: q.by })
    .where('store_id', '=', q.storeId)
    .where('advisor_openid', '=', q.advisorOpenid)
    .returning('member_id')
    .execute();
  return rows.map((r) => r.member_id);
}

/** Whether `advisorOpenid` serves the member now (the advisor's pages show their own customers only). */
export async function servesMember(
  exec: Executor,
  q: { storeId: string; advisorOpenid: string; memberId: string },
): Promise<boolean> {
  const row = await exec
    .selectFrom('member_advisors')
    .select('member_id')
    .where('store_id', '=', q.storeId)
    .where('member_id', '=', q.memberId)
    .where('advisor_openid', '=', q.advisorOpenid)
    .executeTakeFirst();
  return Boolean(row);
}

/** Active staff with their shop, customer count and this month's budget row; each shop's pool size. */
export async function staffWithCustomers(exec: Executor, storeId: string, month: string) {
  const staff = await exec
    .selectFrom('staff as s')
    .leftJoin('members as m', (j) => j.onRef('m.store_id', '=', 's.store_id').onRef('m.openid', '=', 's.openid'))
    .leftJoin('shops as sh', 'sh.id', 's.shop_id')
    .leftJoin('advisor_budgets as b', (j) =>
      j.onRef('b.store_id', '=', 's.store_id').onRef('b.staff_openid', '=', 's.openid').on('b.month', '=', month),
    )
    .select((eb) => [
      's.openid',
      's.role',
      's.shop_id',
      's.code',
      's.display_name',
      's.monthly_budget_fen',
      'm.nickname',
      'sh.name as shop_name',
      'b.budget_fen',
      'b.spent_fen',
      eb
        .selectFrom('member_advisors as ma')
        .select(eb.fn.countAll<string | number>().as('n'))
        .whereRef('ma.store_id', '=', 's.store_id')
        .whereRef('ma.advisor_openid', '=', 's.openid')
        .as('customers'),
    ])
    .where('s.store_id', '=', storeId)
    .where('s.revoked_at', 'is', null)
    .orderBy('s.shop_id')
    .orderBy('s.created_at')
    .execute();
  const pools = await exec
    .selectFrom('shops as sh')
    .leftJoin('member_advisors as ma', (j) => j.onRef('ma.shop_id', '=', 'sh.id').on('ma.advisor_openid', 'is', null))
    .select((eb) => ['sh.id', 'sh.name', eb.fn.count<string | number>('ma.member_id').as('n')])
    .where('sh.store_id', '=', storeId)
    .groupBy(['sh.id', 'sh.name', 'sh.created_at'])
    .orderBy('sh.created_at')
    .orderBy('sh.id')
    .execute();
  return { staff, pools };
}
