import type { Executor } from '../../db/db';

/**
 * The advisors' monthly budgets and the ledger of what they issued. A month's row is created from
 * the staff member's standing budget on first use; spending is one conditional update.
 */

/** This month's budget row, or the standing budget when the month has none yet (spent 0). */
export async function readBudget(exec: Executor, q: { storeId: string; openid: string; month: string }) {
  const row = await exec
    .selectFrom('staff as s')
    .leftJoin('advisor_budgets as b', (j) =>
      j.onRef('b.store_id', '=', 's.store_id').onRef('b.staff_openid', '=', 's.openid').on('b.month', '=', q.month),
    )
    .select(['s.monthly_budget_fen', 'b.budget_fen', 'b.spent_fen'])
    .where('s.store_id', '=', q.storeId)
    .where('s.openid', '=', q.openid)
    .executeTakeFirst();
  if (!row) return null;
  return { budgetFen: row.budget_fen ?? row.monthly_budget_fen, spentFen: row.spent_fen ?? 0 };
}

/** Creates the month's row from the standing budget (a concurrent creator wins, this one does nothing). */
export async function ensureMonthRow(
  tx: Executor,
  q: { storeId: string; openid: string; month: string; now: Date },
): Promise<void> {
  await tx
    .insertInto('advisor_budgets')
    .columns(['store_id', 'staff_openid', 'month', 'budget_fen', 'spent_fen', 'updated_at'])
    .expression((eb) =>
      eb
        .selectFrom('staff')
        .select((s) => [
          'store_id',
          'openid',
          s.val(q.month).as('month'),
          'monthly_budget_fen',
          s.val(0).as('spent_fen'),
          s.val(q.now).as('updated_at'),
        ])
        .where('store_id', '=', q.storeId)
        .where('openid', '=', q.openid),
    )
    .onConflict((oc) => oc.columns(['store_id', 'staff_openid', 'month']).doNothing())
    .execute();
}

/**
 * Charges `cost` to the month's budget if it fits: `spent + cost <= budget`. Concurrent charges queue
 * on the row lock and Postgres re-checks the condition against the committed row, so the sum of
 * charges never exceeds the budget. Answers the row after the charge, or null when it does not fit.
 */
export async function chargeBudget(
  tx: Executor,
  q: { storeId: string; openid: string; month: string; costFen: number; now: Date },
) {
  return tx
    .updateTable('advisor_budgets')
    .set((eb) => ({ spent_fen: eb('spent_fen', '+', q.costFen), updated_at: q.now }))
    .where('store_id', '=', q.storeId)
    .where('staff_openid', '=', q.openid)
    .where('month', '=', q.month)
    .where((eb) => eb(eb('spent_fen', '+', q.costFen), '<=', eb.ref('budget_fen')))
    .returning(['budget_fen', 'spent_fen'])
    .executeTakeFirst();
}

/** Appends the ledger entry of one charge (the coupon it bought). */
export async function insertIssue(
  tx: Executor,
  i: {
    couponId: string;
    storeId: string;
    openid: string;
    month: string;
    memberId: string;
    templateId: string;
    costFen: number;
    now: Date;
  },
): Promise<void> {
  await tx
    .insertInto('advisor_coupon_issues')
    .values({
      coupon_id: i.couponId,
      store_id: i.storeId,
      staff_openid: i.openid,
      month: i.month,
      member_id: i.memberId,
      template_id: i.templateId,
      cost_fen: i.costFen,
      issued_at: i.now,
    })
    .execute();
}

/** Sets the standing budget of an active staff member and this month's row; false: no such staff. */
export async function setBudget(
  tx: Executor,
  q: { storeId: string; openid: string; month: string; budgetFen: number; now: Date },
): Promise<boolean> {
  const staff = await tx
    .updateTable('staff')
    .set({ monthly_budget_fen: q.budgetFen })
    .where('store_id', '=', q.storeId)
    .where('openid', '=', q.openid)
    .where('revoked_at', 'is', null)
    .returning('openid')
    .execute();
  if (staff.length === 0) return false;
  await tx
    .insertInto('advisor_budgets')
    .values({
      store_id: q.storeId,
      staff_openid: q.openid,
      month: q.month,
      budget_fen: q.budgetFen,
      spent_fen: 0,
      updated_at: q.now,
    })
    .onConflict((oc) =>
      oc.columns(['store_id', 'staff_openid', 'month']).doUpdateSet({ budget_fen: q.budgetFen, updated_at: q.now }),
    )
    .execute();
  return true;
}

/** Templates advisors may issue now (active, not ended, stock left), in the manager's order. */
export function advisorTemplates(exec: Executor, storeId: string, now: Date) {
  return exec
    .selectFrom('coupon_templates')
    .select(['id', 'title', 'kind', 'args', 'remaining'])
    .where('store_id', '=', storeId)
    .where('advisor_issuable', '=', true)
    .where('active', '=', true)
    .where('remaining', '>', 0)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', now)]))
    .orderBy('sort')
    .orderBy('id')
    .execute();
}

/** Marks a template advisor-issuable or not; false: no such template in the store. */
export async function markAdvisorTemplate(
  tx: Executor,
  q: { storeId: string; templateId: string; issuable: boolean },
): Promise<boolean> {
  const rows = await tx
    .updateTable('coupon_templates')
    .set({ advisor_issuable: q.issuable })
    .where('store_id', '=', q.storeId)
    .where('id', '=', q.templateId)
    .returning('id')
    .execute();
  return rows.length === 1;
}
