import type { ActionOutput, AdvisorBudget, AdvisorTemplate } from '../contract';
import type { ActionArgs } from '../context';
import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import { issueCoupon } from '../coupon';
import { findTemplate } from '../coupon';
import { toBudgetView, toTemplateViews } from './advisor-view';
import { budgetMonth } from './domain/budget-month';
import { advisorCouponCost } from './domain/coupon-cost';
import {
  advisorTemplates,
  chargeBudget,
  ensureMonthRow,
  insertIssue,
  markAdvisorTemplate,
  readBudget,
  setBudget,
} from './repo/budget.repo';
import { servesMember } from './repo/binding.repo';

/** The advisor's budget this month and the templates they may issue. */
export async function budgetOf(
  exec: Executor,
  q: { storeId: string; openid: string; month: string; now: Date },
): Promise<{ budget: AdvisorBudget; templates: AdvisorTemplate[] }> {
  const current = (await readBudget(exec, q)) ?? { budgetFen: 0, spentFen: 0 };
  return {
    budget: toBudgetView(q.month, current),
    templates: toTemplateViews(await advisorTemplates(exec, q.storeId, q.now)),
  };
}

/** `staff.myBudget`. */
export async function myBudget({
  caller,
  ctx,
  exec,
}: ActionArgs<'staff.myBudget'>): Promise<Result<ActionOutput<'staff.myBudget'>>> {
  return ok(
    await budgetOf(exec, { storeId: ctx.storeId, openid: caller.openid!, month: budgetMonth(ctx.now), now: ctx.now }),
  );
}

/**
 * `staff.issueCoupon`: one coupon of an advisor-issuable template to one of the advisor's own
 * customers, charged at its face value to the advisor's budget for this Shanghai month. In the
 * call's idempotent transaction: the budget charge (a conditional update: never over budget under
 * any concurrency), the coupon context's issueCoupon, and the ledger row commit together; any
 * refusal rolls all of them back, and a replayed key answers the first result without charging again.
 * Lock order: budget row, then template row (issueCoupon), on every issue.
 */
export async function issueAdvisorCoupon({
  input,
  caller,
  ctx,
  exec,
}: ActionArgs<'staff.issueCoupon'>): Promise<Result<ActionOutput<'staff.issueCoupon'>>> {
  const openid = caller.openid!;
  if (!(await servesMember(exec, { storeId: ctx.storeId, advisorOpenid: openid, memberId: input.memberId }))) {
    return fail('NOT_FOUND', '该会员不是你的顾客');
  }
  const template = await findTemplate(exec, ctx.storeId, input.templateId);
  const costFen = template?.advisor_issuable ? advisorCouponCost(template.kind, template.args) : null;
  if (!template || costFen === null)
    return fail('ADVISOR_TEMPLATE_NOT_ALLOWED', undefined, { templateId: input.templateId });

  const month = budgetMonth(ctx.now);
  const at = { storeId: ctx.storeId, openid, month, now: ctx.now };
  await ensureMonthRow(exec, at);
  const charged = await chargeBudget(exec, { ...at, costFen });
  if (!charged) {
    const current = (await readBudget(exec, at)) ?? { budgetFen: 0, spentFen: 0 };
    return fail('ADVISOR_BUDGET_EXCEEDED', undefined, { costFen, ...toBudgetView(month, current) });
  }
  const issued = await issueCoupon(exec, {
    storeId: ctx.storeId,
    memberId: input.memberId,
    templateId: template.id,
    source: 'staff',
    now: ctx.now,
  });
  if (!issued.ok) return issued;
  await insertIssue(exec, {
    ...at,
    couponId: issued.data.couponId,
    memberId: input.memberId,
    templateId: template.id,
    costFen,
  });
  return ok({
    couponId: issued.data.couponId,
    memberId: input.memberId,
    templateId: template.id,
    title: template.title,
    costFen,
    budget: toBudgetView(month, { budgetFen: charged.budget_fen, spentFen: charged.spent_fen }),
  });
}

/** `manager.setAdvisorBudget`: the standing monthly budget and this month's row. */
export async function setAdvisorBudget({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.setAdvisorBudget'>): Promise<Result<ActionOutput<'manager.setAdvisorBudget'>>> {
  const month = budgetMonth(ctx.now);
  const at = { storeId: ctx.storeId, openid: input.openid, month, now: ctx.now };
  if (!(await setBudget(exec, { ...at, budgetFen: input.budgetFen }))) return fail('ADVISOR_UNAVAILABLE');
  return ok({ openid: input.openid, budget: toBudgetView(month, (await readBudget(exec, at))!) });
}

/** `manager.setAdvisorTemplate`: which templates advisors may issue (only those with a bounded cost). */
export async function setAdvisorTemplate({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.setAdvisorTemplate'>): Promise<Result<ActionOutput<'manager.setAdvisorTemplate'>>> {
  const template = await findTemplate(exec, ctx.storeId, input.templateId);
  if (!template) return fail('NOT_FOUND', '优惠券不存在');
  if (input.advisorIssuable && advisorCouponCost(template.kind, template.args) === null)
    return fail('ADVISOR_TEMPLATE_UNBOUNDED');
  await markAdvisorTemplate(exec, { storeId: ctx.storeId, templateId: template.id, issuable: input.advisorIssuable });
  return ok({ templateId: template.id, advisorIssuable: input.advisorIssuable });
}
