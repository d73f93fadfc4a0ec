import type { ActionInput, ActionOutput } from '../contract';
import type { ServiceArgs } from '../context';
import { fail, ok, type Result } from '../errors';
import { findLines, findOrder } from '../order';

/** Subscribe-message templates the client offers after payment (configured per deployment). */
function subscribeTemplateIds(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.SUBSCRIBE_TEMPLATE_IDS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 3);
}

/**
 * `order.pay`: asks the pay port for payment parameters (cloudPay.unifiedOrder in the cloud; the
 * local simulator's marker in local mode). The amount is the order's payable, never the client's.
 */
export async function payOrder({
  input,
  caller,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'order.pay'>>): Promise<Result<ActionOutput<'order.pay'>>> {
  const order = await findOrder(exec, input.orderId);
  if (!order || order.member_id !== caller.memberId) return fail('NOT_FOUND', '订单不存在', { orderId: input.orderId });
  if (order.status !== 'pending_payment') return fail('ORDER_STATE_CONFLICT', '订单无需支付', { status: order.status });
  if (ctx.now >= order.expires_at) return fail('ORDER_EXPIRED');
  const lines = await findLines(exec, [order.id]);
  const first = lines[0]?.title ?? '商品';
  const payment = await ctx.platform.pay.unifiedOrder({
    outTradeNo: order.order_no,
    totalFee: order.payable_fen,
    body: (lines.length > 1 ? `${first} 等${lines.length}件` : first).slice(0, 40),
    openid: caller.openid!,
  });
  return ok({ payment, subscribeTemplateIds: subscribeTemplateIds() });
}
