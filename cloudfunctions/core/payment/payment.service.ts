import type { ActionInput, ActionOutput } from '../contract';
import type { ServiceArgs } from '../context';
import { ok, type Result } from '../errors';
import { orderToPay } from '../order';
import { templateIds } from '../settings';

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
  // The templates the client asks consent for: the store's setting, else SUBSCRIBE_TEMPLATE_IDS.
  return ok({ payment, subscribeTemplateIds: (await templateIds(exec, ctx.storeId)).subscribeAfterPay });
}
