import type { ActionOutput } from '../contract';
import type { ActionArgs } from '../context';
import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import { insertAudit } from '../audit/audit.repo';
import { decodeTimeCursor, encodeTimeCursor } from '../shared/time-cursor';
import { toBudgetView } from './advisor-view';
import { budgetMonth } from './domain/budget-month';
import { handBackBindings, lockActiveAdvisor, lockBinding, moveBinding, staffWithCustomers } from './repo/binding.repo';
import { shopCustomers as shopCustomerRows } from './repo/customers.repo';

const PAGE = 30;

/** `manager.advisors`: active staff per shop with customer counts and this month's budget; pool sizes. */
export async function listAdvisors({
  ctx,
  exec,
}: ActionArgs<'manager.advisors'>): Promise<Result<ActionOutput<'manager.advisors'>>> {
  const month = budgetMonth(ctx.now);
  const { staff, pools } = await staffWithCustomers(exec, ctx.storeId, month);
  const advisors = staff.map((s) => ({
    openid: s.openid,
    name: s.display_name ?? s.nickname ?? s.openid,
    role: s.role,
    shopId: s.shop_id,
    shopName: s.shop_name,
    code: s.code,
    customers: Number(s.customers ?? 0),
    // No row yet this month: the standing budget, nothing spent (as readBudget answers).
    budget: toBudgetView(month, { budgetFen: s.budget_fen ?? s.monthly_budget_fen, spentFen: s.spent_fen ?? 0 }),
  }));
  return ok({ month, advisors, pools: pools.map((p) => ({ shopId: p.id, shopName: p.name, customers: Number(p.n) })) });
}

/** `manager.shopCustomers`: served members, newest binding first, 30 a page. */
export async function listShopCustomers({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.shopCustomers'>): Promise<Result<ActionOutput<'manager.shopCustomers'>>> {
  const rows = await shopCustomerRows(exec, {
    storeId: ctx.storeId,
    shopId: input.shopId,
    advisorOpenid: input.advisorOpenid,
    after: input.cursor ? decodeTimeCursor(input.cursor) : null,
    limit: PAGE + 1,
  });
  const page = rows.slice(0, PAGE);
  const last = page[page.length - 1];
  return ok({
    items: page.map((r) => ({
      memberId: r.member_id,
      nickname: r.nickname,
      avatarUrl: r.avatar_url,
      tier: { code: r.tier_code, name: r.tier_name },
      shopId: r.shop_id,
      advisorOpenid: r.advisor_openid,
      advisorName: r.advisor_openid ? (r.display_name ?? r.advisor_nickname ?? r.advisor_openid) : null,
      boundAt: r.bound_at.toISOString(),
    })),
    nextCursor: rows.length > PAGE && last ? encodeTimeCursor({ at: last.bound_at, id: last.member_id }) : null,
  });
}

/**
 * `manager.reassignAdvisor`: moves a served member to another active advisor of their shop, or to
 * the shop's pool (null). The target's staff row is locked FOR SHARE first (see lockActiveAdvisor),
 * so a concurrent revocation of that advisor either finds this member already moved and hands them
 * back, or has committed and this call answers ADVISOR_UNAVAILABLE: never a member with a revoked
 * advisor. The move itself is conditional on the binding the call read (locked FOR UPDATE).
 */
export async function reassignAdvisor({
  input,
  caller,
  ctx,
  exec,
}: ActionArgs<'manager.reassignAdvisor'>): Promise<Result<ActionOutput<'manager.reassignAdvisor'>>> {
  const target = input.advisorOpenid ? await lockActiveAdvisor(exec, ctx.storeId, input.advisorOpenid) : null;
  if (input.advisorOpenid && !target)
    return fail('ADVISOR_UNAVAILABLE', undefined, { advisorOpenid: input.advisorOpenid });
  const binding = await lockBinding(exec, ctx.storeId, input.memberId);
  if (!binding) return fail('NOT_FOUND', '该会员未归属任何门店');
  if (target && target.shop_id !== binding.shop_id)
    return fail('ADVISOR_OTHER_SHOP', undefined, { shopId: binding.shop_id });
  const moved = await moveBinding(exec, {
    storeId: ctx.storeId,
    memberId: input.memberId,
    from: binding.advisor_openid,
    to: input.advisorOpenid,
    by: caller.openid!,
    now: ctx.now,
  });
  // The row is locked: a false here would be a bug, not a race.
  if (!moved) throw new Error(`binding of ${input.memberId} changed under its lock`);
  return ok({
    memberId: input.memberId,
    shopId: binding.shop_id,
    advisorOpenid: input.advisorOpenid,
    previousAdvisorOpenid: binding.advisor_openid,
  });
}

/**
 * Part of `manager.revokeStaff`, in its transaction, after the staff row was revoked (which waits
 * for reassignments holding that row): every member the advisor served goes back to the shop's pool,
 * each with an audit row, so the audit log tells where every customer went.
 */
export async function handBackMembers(
  tx: Executor,
  q: { storeId: string; advisorOpenid: string; by: string; now: Date },
): Promise<number> {
  const memberIds = await handBackBindings(tx, q);
  for (const memberId of memberIds) {
    await insertAudit(tx, {
      storeId: q.storeId,
      who: q.by,
      role: 'manager',
      action: 'advisor.handBack',
      memberId,
      amountFen: null,
      detail: { fromAdvisorOpenid: q.advisorOpenid, toPool: true },
      at: q.now,
    });
  }
  return memberIds.length;
}
