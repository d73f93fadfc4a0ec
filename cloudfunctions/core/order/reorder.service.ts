import type { ActionInput, ReorderPlan } from '../contract';
import type { MemberArgs } from '../context';
import { ok, type Result } from '../errors';
import { findSkusWithProduct, specsText } from '../catalog';
import { loadOwnOrder } from './order-queries';

/**
 * `order.reorder` (再来一单): the order's SKUs that can be bought again now, each at most the stock
 * left, for the cart to price at today's prices (the order's old prices are never reused). SKUs gone
 * or off the shelf, and sold-out ones, are left out and named in `notice`. Reads only: the cart is
 * the client's, so nothing is reserved here.
 */
export async function reorder({
  input,
  caller,
  ctx,
  exec,
}: MemberArgs<ActionInput<'order.reorder'>>): Promise<Result<ReorderPlan>> {
  const own = await loadOwnOrder(exec, caller.memberId, input.orderId, ctx.now);
  if (!own.ok) return own;
  const wanted = new Map<string, number>();
  for (const l of own.data.lines) wanted.set(l.skuId, (wanted.get(l.skuId) ?? 0) + l.qty);
  const rows = await findSkusWithProduct(exec, ctx.storeId, [...wanted.keys()]);
  const bySku = new Map(rows.map((r) => [r.sku_id, r]));
  const plan: ReorderPlan = { items: [], skipped: [], notice: null };
  let reduced = 0;
  for (const line of own.data.lines) {
    const qty = wanted.get(line.skuId);
    if (qty === undefined) continue;
    wanted.delete(line.skuId);
    const row = bySku.get(line.skuId);
    const specs = row ? specsText(row.specs) : line.specsText;
    if (!row || !row.active || row.status !== 'on_sale') {
      plan.skipped.push({ title: line.title, specsText: specs, reason: 'unavailable' });
    } else if (row.stock <= 0) {
      plan.skipped.push({ title: line.title, specsText: specs, reason: 'sold_out' });
    } else {
      if (row.stock < qty) reduced += 1;
      plan.items.push({ skuId: line.skuId, qty: Math.min(qty, row.stock) });
    }
  }
  plan.notice = noticeOf(plan, reduced);
  return ok(plan);
}

function noticeOf(plan: ReorderPlan, reduced: number): string | null {
  const gone = plan.skipped.length;
  if (plan.items.length === 0) return gone > 0 ? '商品已下架或售罄，暂时无法再来一单' : null;
  const parts: string[] = [];
  if (gone > 0) parts.push(`${gone} 件商品已下架或售罄，未加入`);
  if (reduced > 0) parts.push(`${reduced} 件商品库存不足，已按库存加入`);
  return parts.length > 0 ? parts.join('；') : null;
}
