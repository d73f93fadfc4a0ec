import type { ActionInput, OrderView } from '../contract';
import type { MemberArgs } from '../context';
import { fail, type Result } from '../errors';
import { loadOwnOrder } from './order-queries';
import { findOrder, lockOrder, transitionOrder } from './repo/order.repo';
import { findRefund, moveRefund } from './repo/refund.repo';

/**
 * `order.cancelRefund`: the customer withdraws an after-sale request the store has not decided yet.
 * The order row is locked first, as `manager.approveRefund` does, and the refund moves only from
 * `requested`: of a withdrawal racing an approval (or a rejection) exactly one wins, and the loser
 * reads 售后申请已处理. The order returns to the status it had when the request opened.
 */
export async function cancelRefund({
  input,
  caller,
  ctx,
  exec,
}: MemberArgs<ActionInput<'order.cancelRefund'>>): Promise<Result<OrderView>> {
  const refund = await findRefund(exec, { id: input.refundId });
  const owner = refund && (await findOrder(exec, refund.order_id));
  // Another member's refund is NOT_FOUND, never FORBIDDEN: ids cannot be probed.
  if (!refund || !owner || owner.member_id !== caller.memberId || refund.kind !== 'order') {
    return fail('NOT_FOUND', '售后申请不存在', { refundId: input.refundId });
  }
  await lockOrder(exec, owner.id);
  if (!(await moveRefund(exec, refund.id, 'cancel', { decided_at: ctx.now }))) {
    return fail('ORDER_STATE_CONFLICT', '售后申请已处理，无法撤销', { status: refund.status });
  }
  // Read under the lock: the status the order had before this request opened.
  const order = (await findOrder(exec, owner.id))!;
  await transitionOrder(
    exec,
    order.id,
    'refundCancelled',
    { status_before_refund: null },
    { to: order.status_before_refund ?? 'paid' },
  );
  return loadOwnOrder(exec, caller.memberId, order.id, ctx.now);
}
