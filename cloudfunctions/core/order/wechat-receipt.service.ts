import type { ActionInput, ActionOutput, WechatReceiptOutcome } from '../contract';
import type { ActionArgs, CallContext } from '../context';
import { tradeManagement } from '../config/trade-management';
import { fail, ok, type Result } from '../errors';
import type { TradeOrderQuery } from '../platform/platform';
import type { OrderStatus } from './domain/order-state-machine';
import { loadOwnOrder } from './order-queries';
import { findOrder, transitionOrder } from './repo/order.repo';
import { insertWechatReceipt } from './repo/wechat-receipt.repo';

/** A report is taken for a shipped order (to act on) or one already completed (by the timer, or a retry). */
const REPORTABLE: readonly OrderStatus[] = ['shipped', 'completed', 'settled'];

/** get_order's `order_state` once the customer has confirmed: 3 确认收货, 4 交易完成, 6 资金待结算. */
const CONFIRMED_STATES = new Set([3, 4, 6]);

/** WeChat's own word on the payment, or null when WeChat cannot be asked now. */
async function askWechat(ctx: CallContext, transactionId: string): Promise<TradeOrderQuery | null> {
  try {
    return await ctx.platform.shipping.getOrder({ transactionId });
  } catch {
    return null;
  }
}

/**
 * `order.recordWechatReceipt`: the customer's client reports what WeChat's confirm-receipt component
 * answered. The report is recorded whatever it says (who, when, the status, WeChat's message); only a
 * success that WeChat's order query (get_order) confirms for this payer completes the order, as
 * WeChat asks ("需要通过查询订单发货状态后台接口再次确认"). A success WeChat does not confirm yet stays a
 * claim (`unverified`): the order keeps waiting, and the automatic confirmation still applies.
 */
export async function recordWechatReceipt({
  input,
  caller,
  ctx,
  exec,
}: ActionArgs<'order.recordWechatReceipt'>): Promise<Result<ActionOutput<'order.recordWechatReceipt'>>> {
  const memberId = caller.memberId;
  const order = await findOrder(exec, input.orderId);
  if (!order || order.member_id !== memberId) return fail('NOT_FOUND', '订单不存在', { orderId: input.orderId });
  if (!tradeManagement().managed || !order.transaction_id) {
    return fail('WECHAT_RECEIPT_NOT_APPLICABLE', undefined, { orderId: order.id });
  }
  if (!REPORTABLE.includes(order.status)) return fail('ORDER_STATE_CONFLICT', undefined, { status: order.status });

  let outcome: WechatReceiptOutcome = 'recorded';
  let wechatState: number | null = null;
  let verified = false;
  if (input.status === 'success') {
    const wechat = await askWechat(ctx, order.transaction_id);
    wechatState = wechat?.found ? wechat.orderState : null;
    verified =
      wechat?.found === true &&
      CONFIRMED_STATES.has(wechat.orderState) &&
      (wechat.openid === null || wechat.openid === caller.openid);
    if (verified && order.status === 'shipped') {
      // Losing this update means the order completed meanwhile (the timer): completed either way.
      await transitionOrder(exec, order.id, 'wechatConfirmReceipt', { completed_at: ctx.now });
    }
    outcome = verified ? 'completed' : 'unverified';
  }
  await insertWechatReceipt(exec, {
    order_id: order.id,
    member_id: memberId,
    status: input.status,
    error_message: input.errorMessage || null,
    wechat_order_state: wechatState,
    verified,
    outcome,
    created_at: ctx.now,
  });
  const view = await loadOwnOrder(exec, memberId, order.id, ctx.now);
  return view.ok ? ok({ order: view.data, outcome }) : view;
}
