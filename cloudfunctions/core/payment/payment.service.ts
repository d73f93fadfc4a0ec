import type { ActionInput, ActionOutput } from '../contract';
import type { ServiceArgs } from '../context';
import { ok, type Result } from '../errors';
import { orderToPay } from '../order';

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
  const order = await orderToPay(exec, { orderId: input.orderId, memberId: caller.memberId, now: ctx.now });
  if (!order.ok) return order;
  const payment = await ctx.platform.pay.unifiedOrder({
    outTradeNo: order.data.orderNo,
    totalFee: order.data.payableFen,
    body: order.data.body,
    openid: caller.openid!,
  });
  return ok({ payment, subscribeTemplateIds: subscribeTemplateIds() });
}
