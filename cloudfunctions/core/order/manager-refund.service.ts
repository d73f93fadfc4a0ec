import type { ActionArgs } from '../context';
import type { ActionOutput, RefundGoodsLine } from '../contract';
import { fail, ok, type Result } from '../errors';
import { fen } from '../shared/money';
import { canTransition } from './domain/order-state-machine';
import { refundChoice } from './domain/refund-amount';
import { findLines, findOrder } from './repo/order.repo';

/** The goods a refund returns, as 售后审核 names them (a whole-order refund lists its lines too). */
export function refundGoods(
  lines: ReadonlyArray<{ id: string; order_id: string; title: string; specs_text: string; qty: number }>,
  refund: { order_id: string; line_ids: string[] },
): RefundGoodsLine[] {
  return lines
    .filter((l) => l.order_id === refund.order_id && refund.line_ids.includes(l.id))
    .map((l) => ({ lineId: l.id, title: l.title, specsText: l.specs_text, qty: l.qty }));
}

/**
 * `manager.quoteRefund`: what `manager.refundOrder` would return for these lines now, by the same
 * rule (domain/refund-amount), so 主动退款 shows the amount before the manager confirms.
 */
export async function quoteRefund({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.quoteRefund'>): Promise<Result<ActionOutput<'manager.quoteRefund'>>> {
  const order = await findOrder(exec, input.orderId);
  if (!order || order.store_id !== ctx.storeId) return fail('NOT_FOUND', '订单不存在', { orderId: input.orderId });
  if (!canTransition(order.status, 'storeRefund'))
    return fail('REFUND_NOT_ALLOWED', undefined, { status: order.status });
  const lines = await findLines(exec, [order.id]);
  const choice = refundChoice(order, lines, input.lineIds);
  if (!choice) return fail('VALIDATION_FAILED', '所选商品不可退款', { lineIds: input.lineIds });
  return ok({
    orderId: order.id,
    lineIds: choice.chosen.map((l) => l.id),
    amountFen: fen(choice.amountFen),
    shippingFen: fen(choice.shippingFen),
    lines: lines
      .filter((l) => l.refund_id === null)
      .map((l) => ({
        lineId: l.id,
        title: l.title,
        specsText: l.specs_text,
        qty: l.qty,
        payableFen: fen(l.payable_fen),
      })),
  });
}
