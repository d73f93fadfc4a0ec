import type { ActionInput, ActionOutput, OrderTab, OrderView } from '../contract';
import type { MemberArgs, ServiceArgs } from '../context';
import type { Executor } from '../db/db';
import { tradeManagement } from '../config/trade-management';
import { fail, ok, type Result } from '../errors';
import { decodeTimeCursor, encodeTimeCursor } from '../shared/time-cursor';
import { TAB_STATUSES } from './domain/order-rules';
import { showsReturnAddress, toOrderView } from './order-view';
import { findReturnAddress } from './repo/refund.repo';
import { checkoutSeams } from './seams';
import {
  countMemberOrdersByStatus,
  findLines,
  findMemberOrders,
  findOrder,
  findRefundsOf,
  findStoreOrders,
} from './repo/order.repo';

const PAGE = 10;

const encode = (row: { created_at: Date; id: string }) => encodeTimeCursor({ at: row.created_at, id: row.id });

function decode(cursor: string): { createdAt: Date; id: string } | null {
  const p = decodeTimeCursor(cursor);
  return p && { createdAt: p.at, id: p.id };
}

/** Orders with their lines and refunds, as views. */
export async function viewsOf<T extends Parameters<typeof toOrderView>[0]>(exec: Executor, orders: T[], now: Date) {
  const ids = orders.map((o) => o.id);
  const shopIds = orders.flatMap((o) => (o.pickup_shop_id ? [o.pickup_shop_id] : []));
  const [lines, refunds, shops] = await Promise.all([
    findLines(exec, ids),
    findRefundsOf(exec, ids),
    checkoutSeams().shopsById(exec, shopIds),
  ]);
  const trade = tradeManagement();
  const returning = refunds.find(showsReturnAddress);
  const storeId = returning && orders.find((o) => o.id === returning.order_id)?.store_id;
  const returnAddress = storeId ? await findReturnAddress(exec, storeId) : '';
  return orders.map((o) => ({ order: o, view: toOrderView(o, lines, refunds, now, { trade, shops, returnAddress }) }));
}

/** A member's own order as a view; another member's order is NOT_FOUND (never FORBIDDEN: no probing). */
export async function loadOwnOrder(
  exec: Executor,
  memberId: string,
  orderId: string,
  now: Date,
): Promise<Result<OrderView>> {
  const order = await findOrder(exec, orderId);
  if (!order || order.member_id !== memberId) return fail('NOT_FOUND', '订单不存在', { orderId });
  const [{ view }] = await viewsOf(exec, [order], now);
  return ok(view!);
}

export async function getOrder({ input, caller, ctx, exec }: MemberArgs<ActionInput<'order.get'>>) {
  return loadOwnOrder(exec, caller.memberId, input.orderId, ctx.now);
}

export async function listOrders({
  input,
  caller,
  ctx,
  exec,
}: MemberArgs<ActionInput<'order.list'>>): Promise<Result<ActionOutput<'order.list'>>> {
  const after = input.cursor ? decode(input.cursor) : null;
  if (input.cursor && !after) return fail('VALIDATION_FAILED', '分页参数无效', { field: 'cursor' });
  const statuses = input.status ? TAB_STATUSES[input.status] : null;
  const rows = await findMemberOrders(exec, caller.memberId, statuses, after, PAGE + 1);
  const page = rows.slice(0, PAGE);
  const byStatus = await countMemberOrdersByStatus(exec, caller.memberId);
  const counts = Object.fromEntries(
    (Object.keys(TAB_STATUSES) as OrderTab[]).map((tab) => [
      tab,
      TAB_STATUSES[tab].reduce((n, s) => n + (byStatus.get(s) ?? 0), 0),
    ]),
  ) as Record<OrderTab, number>;
  return ok({
    items: (await viewsOf(exec, page, ctx.now)).map((v) => v.view),
    nextCursor: rows.length > PAGE ? encode(page[page.length - 1]!) : null,
    counts,
  });
}

export async function listStoreOrders({
  input,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'manager.listOrders'>>): Promise<Result<ActionOutput<'manager.listOrders'>>> {
  const after = input.cursor ? decode(input.cursor) : null;
  if (input.cursor && !after) return fail('VALIDATION_FAILED', '分页参数无效', { field: 'cursor' });
  const rows = await findStoreOrders(exec, ctx.storeId, input.status ?? null, after, PAGE * 2 + 1, input.q ?? null);
  const page = rows.slice(0, PAGE * 2);
  return ok({
    items: (await viewsOf(exec, page, ctx.now)).map(({ order, view }) => ({
      ...view,
      memberNickname: order.member_nickname,
    })),
    nextCursor: rows.length > PAGE * 2 ? encode(page[page.length - 1]!) : null,
  });
}
