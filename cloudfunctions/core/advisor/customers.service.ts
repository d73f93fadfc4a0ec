import type { ActionOutput } from '../contract';
import type { ActionArgs } from '../context';
import { fail, ok, type Result } from '../errors';
import { findMemberOrders } from '../order';
import { viewsOf } from '../order';
import { toCustomerView } from './advisor-view';
import { budgetOf } from './advisor-coupons.service';
import { budgetMonth, monthOfYear } from './domain/budget-month';
import { decodeCustomerCursor, encodeCustomerCursor } from './domain/customer-cursor';
import { advisorCustomers } from './repo/customers.repo';

const RECENT_ORDERS = 10;

/** `staff.myCustomers`: the calling advisor's members, sorted, filtered, keyset-paged. */
export async function myCustomers({
  input,
  caller,
  ctx,
  exec,
}: ActionArgs<'staff.myCustomers'>): Promise<Result<ActionOutput<'staff.myCustomers'>>> {
  const sort = input.sort ?? 'lastOrder';
  const limit = input.limit ?? 20;
  const rows = await advisorCustomers(exec, {
    storeId: ctx.storeId,
    advisorOpenid: caller.openid!,
    now: ctx.now,
    birthdayMonth: monthOfYear(ctx.now),
    filter: input.filter,
    tier: input.tier,
    sort,
    after: decodeCustomerCursor(input.cursor, sort),
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const value = last && (sort === 'points' ? Number(last.sort_value) : new Date(last.sort_value as Date).toISOString());
  return ok({
    items: page.map(toCustomerView),
    nextCursor: rows.length > limit && last ? encodeCustomerCursor({ sort, value: value!, id: last.member_id }) : null,
  });
}

/**
 * `staff.customerDetail`: one of the advisor's own customers, their recent orders, and what the
 * advisor may issue them. Anyone else's member is NOT_FOUND (not FORBIDDEN: whether a member exists
 * is not the advisor's business), and a read writes nothing.
 */
export async function customerDetail({
  input,
  caller,
  ctx,
  exec,
}: ActionArgs<'staff.customerDetail'>): Promise<Result<ActionOutput<'staff.customerDetail'>>> {
  const [row] = await advisorCustomers(exec, {
    storeId: ctx.storeId,
    advisorOpenid: caller.openid!,
    now: ctx.now,
    birthdayMonth: monthOfYear(ctx.now),
    memberId: input.memberId,
    sort: 'bound',
    after: null,
    limit: 1,
  });
  if (!row) return fail('NOT_FOUND', '该会员不是你的顾客');
  const orders = await findMemberOrders(exec, row.member_id, null, null, RECENT_ORDERS);
  const { budget, templates } = await budgetOf(exec, {
    storeId: ctx.storeId,
    openid: caller.openid!,
    month: budgetMonth(ctx.now),
    now: ctx.now,
  });
  return ok({
    customer: toCustomerView(row),
    orders: (await viewsOf(exec, orders, ctx.now)).map((o) => o.view),
    budget,
    templates,
  });
}
