import { randomUUID } from 'node:crypto';
import type { ActionInput, ActionOutput, RefundType } from '../contract';
import type { ServiceArgs } from '../context';
import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import { enqueue } from '../outbox/outbox';
import { outRefundNoFor } from './domain/order-ids';
import { refundChoice } from './domain/refund-amount';
import { customerActions, refundTypesFor } from './domain/order-rules';
import { canTransition } from './domain/order-state-machine';
import { OPEN_REFUND_STATUSES } from './domain/refund-state-machine';
import { findLines, findOrder, findRefundsOf, lockOrder, transitionOrder } from './repo/order.repo';
import { findStoreRefund, findStoreRefunds, insertRefund, lockRefundRoom, moveRefund } from './repo/refund.repo';
import { checkoutSeams } from './seams';
import { refundGoods } from './manager-refund.service';

interface RefundOpening {
  lineIds?: string[];
  reason: string;
  /** The customer's 仅退款 / 退货退款; the store's and the system's refunds are money only. */
  refundType?: RefundType;
  initiatedBy: 'customer' | 'manager' | 'system';
  /** Manager refunds skip the approval step: they are the approval. */
  approved: boolean;
  now: Date;
}

/**
 * Opens a refund on an order: the whole order (every line not yet refunded) or chosen lines. Line
 * amounts were split by largest remainder at checkout, so refunded parts always add up to what was
 * paid. Shipping is returned only with a whole-order refund before the goods left. The conditional
 * move to `refunding` admits one open refund per order, however many requests race.
 */
export async function openRefund(
  exec: Executor,
  order: NonNullable<Awaited<ReturnType<typeof findOrder>>>,
  transition: 'requestRefund' | 'storeRefund' | 'groupRefund',
  opening: RefundOpening,
): Promise<Result<ActionOutput<'order.requestRefund'>>> {
  const [lines, refunds] = await Promise.all([findLines(exec, [order.id]), findRefundsOf(exec, [order.id])]);
  const choice = refundChoice(order, lines, opening.lineIds);
  if (!choice) return fail('VALIDATION_FAILED', '所选商品不可退款', { lineIds: opening.lineIds });
  const { chosen, whole, amountFen: amount } = choice;
  if (amount <= 0) return fail('REFUND_NOT_ALLOWED', '退款金额为零');
  // A seat in a team still open stays until the team ends: refunding it would let the team succeed
  // counting a member who no longer paid. (Seatless `grouping` orders, refused payments, pass.)
  if (order.status === 'grouping') {
    const teamId = await checkoutSeams().openTeamSeat(exec, order.id);
    if (teamId) return fail('GROUP_BUY_IN_PROGRESS', undefined, { teamId });
  }
  // Order row first, then the payment row (the order every refund path takes): the room seen here
  // is held until this transaction ends.
  await lockOrder(exec, order.id);
  const room = await lockRefundRoom(exec, order.transaction_id);
  if (amount > room) return fail('REFUND_EXCEEDS_PAID', undefined, { amountFen: amount, roomFen: room });
  if (!(await transitionOrder(exec, order.id, transition, { status_before_refund: order.status }))) {
    return fail('ORDER_STATE_CONFLICT');
  }
  const refundId = `r_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
  const status = opening.approved ? 'approved' : 'requested';
  await insertRefund(exec, {
    id: refundId,
    order_id: order.id,
    out_refund_no: outRefundNoFor(order.order_no, refunds.length + 1),
    status,
    refund_type: opening.refundType ?? 'refund_only',
    amount_fen: amount,
    line_ids: chosen.map((l) => l.id),
    whole_order: whole,
    reason: opening.reason,
    initiated_by: opening.initiatedBy,
    reject_reason: null,
    failure_reason: null,
    wx_refund_id: null,
    created_at: opening.now,
    decided_at: opening.approved ? opening.now : null,
    completed_at: null,
  });
  if (opening.approved) {
    await enqueue(exec, {
      topic: 'refund.request',
      dedupeKey: `refund:${refundId}`,
      payload: { refundId },
      now: opening.now,
    });
  }
  return ok({ refundId, status });
}

/**
 * Gives back a payment that arrived for an order already closed (expired, cancelled, paid by
 * another transaction): a `payment_return` refund of the whole payment, approved at once and queued
 * for WeChat Pay. Called inside the transaction that recorded the payment, which runs once per
 * WeChat transaction id, so it opens at most one return per payment.
 */
export async function openPaymentReturn(
  exec: Executor,
  p: { orderId: string; transactionId: string; amountFen: number; now: Date },
): Promise<string> {
  const refundId = `r_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
  await insertRefund(exec, {
    id: refundId,
    order_id: p.orderId,
    kind: 'payment_return',
    transaction_id: p.transactionId,
    out_refund_no: `P${p.transactionId}`.slice(0, 64),
    status: 'approved',
    amount_fen: p.amountFen,
    line_ids: [],
    whole_order: false,
    reason: '订单已关闭，款项原路退回',
    initiated_by: 'system',
    reject_reason: null,
    failure_reason: null,
    wx_refund_id: null,
    created_at: p.now,
    decided_at: p.now,
    completed_at: null,
  });
  await enqueue(exec, { topic: 'refund.request', dedupeKey: `refund:${refundId}`, payload: { refundId }, now: p.now });
  return refundId;
}

/**
 * `manager.retryRefund`: a refund WeChat Pay refused (or closed) goes to WeChat again, with the same
 * outRefundNo, as WeChat asks for a resubmitted refund. An order refund takes its order back into
 * `refunding` first (refused when the order moved on, its lines were refunded since, or another
 * refund is open); the database refuses it if the payment has no room left for it.
 */
export async function retryRefund({
  input,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'manager.retryRefund'>>): Promise<Result<ActionOutput<'manager.retryRefund'>>> {
  const refund = await findStoreRefund(exec, ctx.storeId, input.refundId);
  if (!refund) return fail('NOT_FOUND', '退款申请不存在');
  if (refund.status !== 'failed')
    return fail('ORDER_STATE_CONFLICT', '只有失败的退款可以重试', { status: refund.status });
  await lockOrder(exec, refund.order_id);
  const room = await lockRefundRoom(exec, refund.transaction_id);
  if (refund.amount_fen > room)
    return fail('REFUND_EXCEEDS_PAID', undefined, { amountFen: refund.amount_fen, roomFen: room });
  if (refund.kind === 'order') {
    const order = (await findOrder(exec, refund.order_id))!;
    const lines = await findLines(exec, [order.id]);
    const gone = lines.filter((l) => refund.line_ids.includes(l.id) && l.refund_id !== null);
    if (gone.length > 0 || !canTransition(order.status, 'retryRefund')) {
      return fail('REFUND_NOT_ALLOWED', '订单状态已变化，无法重试该退款', { status: order.status });
    }
    if (
      !(await transitionOrder(
        exec,
        order.id,
        'retryRefund',
        { status_before_refund: order.status },
        { only: [order.status] },
      ))
    ) {
      return fail('ORDER_STATE_CONFLICT');
    }
  }
  if (!(await moveRefund(exec, refund.id, 'retry', { failure_reason: null, decided_at: ctx.now }))) {
    return fail('ORDER_STATE_CONFLICT', '退款申请已处理');
  }
  await enqueue(exec, {
    topic: 'refund.request',
    dedupeKey: `refund:${refund.id}:${ctx.requestId}`,
    payload: { refundId: refund.id },
    now: ctx.now,
  });
  return ok({ refundId: refund.id, status: 'approved' });
}

/** `order.requestRefund`: the customer asks; a manager approves or rejects. */
export async function requestRefund({
  input,
  caller,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'order.requestRefund'>>): Promise<Result<ActionOutput<'order.requestRefund'>>> {
  const order = await findOrder(exec, input.orderId);
  if (!order || order.member_id !== caller.memberId) return fail('NOT_FOUND', '订单不存在', { orderId: input.orderId });
  const refunds = await findRefundsOf(exec, [order.id]);
  const hasOpenRefund = refunds.some((r) => OPEN_REFUND_STATUSES.includes(r.status));
  const allowed = customerActions(
    {
      status: order.status,
      expiresAt: order.expires_at,
      completedAt: order.completed_at,
      hasOpenRefund,
      refundWindowDays: order.refund_window_days,
    },
    ctx.now,
  );
  if (!allowed.requestRefund) return fail('REFUND_NOT_ALLOWED', undefined, { status: order.status });
  const types = refundTypesFor(order.status);
  const refundType = input.refundType ?? types[0]!;
  if (!types.includes(refundType)) {
    return fail('REFUND_NOT_ALLOWED', '商品尚未发出，无需退货，请选择仅退款', { refundType, allowed: types });
  }
  return openRefund(exec, order, 'requestRefund', {
    lineIds: input.lineIds,
    reason: input.reason,
    refundType,
    initiatedBy: 'customer',
    approved: false,
    now: ctx.now,
  });
}

/**
 * `manager.refundOrder`: the store refunds on its own authority, also after settlement (a goodwill
 * refund, a return at the counter). It goes straight to WeChat Pay; a refund after settlement emits
 * `order.refunded` with `afterSettlement`, so points and referral rewards are reversed.
 */
export async function refundOrderAsManager({
  input,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'manager.refundOrder'>>): Promise<Result<ActionOutput<'manager.refundOrder'>>> {
  // Lock the order before reading it: a team that fills or fails moves its `grouping` orders under
  // this lock, so the status read next and the team status openRefund checks agree (no stale
  // `grouping` read beside a team that has just succeeded, and no team ending mid-refund).
  await lockOrder(exec, input.orderId);
  const order = await findOrder(exec, input.orderId);
  if (!order || order.store_id !== ctx.storeId) return fail('NOT_FOUND', '订单不存在', { orderId: input.orderId });
  if (!canTransition(order.status, 'storeRefund'))
    return fail('REFUND_NOT_ALLOWED', undefined, { status: order.status });
  return openRefund(exec, order, 'storeRefund', {
    lineIds: input.lineIds,
    reason: input.reason,
    initiatedBy: 'manager',
    approved: true,
    now: ctx.now,
  });
}

/** `manager.approveRefund`: requested -> approved, and the refund request queued for WeChat Pay. */
export async function approveRefund({
  input,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'manager.approveRefund'>>): Promise<Result<ActionOutput<'manager.approveRefund'>>> {
  const refund = await findStoreRefund(exec, ctx.storeId, input.refundId);
  if (!refund) return fail('NOT_FOUND', '退款申请不存在');
  await lockOrder(exec, refund.order_id);
  const room = refund.status === 'requested' ? await lockRefundRoom(exec, refund.transaction_id) : Infinity;
  if (refund.amount_fen > room)
    return fail('REFUND_EXCEEDS_PAID', undefined, { amountFen: refund.amount_fen, roomFen: room });
  if (!(await moveRefund(exec, refund.id, 'approve', { decided_at: ctx.now }))) {
    return fail('ORDER_STATE_CONFLICT', '退款申请已处理', { status: refund.status });
  }
  await enqueue(exec, {
    topic: 'refund.request',
    dedupeKey: `refund:${refund.id}`,
    payload: { refundId: refund.id },
    now: ctx.now,
  });
  return ok({ refundId: refund.id, status: 'approved' });
}

/** `manager.rejectRefund`: requested -> rejected; the order returns to where it was. */
export async function rejectRefund({
  input,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'manager.rejectRefund'>>): Promise<Result<ActionOutput<'manager.rejectRefund'>>> {
  const refund = await findStoreRefund(exec, ctx.storeId, input.refundId);
  if (!refund) return fail('NOT_FOUND', '退款申请不存在');
  if (!(await moveRefund(exec, refund.id, 'reject', { reject_reason: input.reason, decided_at: ctx.now }))) {
    return fail('ORDER_STATE_CONFLICT', '退款申请已处理', { status: refund.status });
  }
  await transitionOrder(
    exec,
    refund.order_id,
    'refundRejected',
    { status_before_refund: null },
    { to: refund.status_before_refund ?? 'paid' },
  );
  return ok({ refundId: refund.id, status: 'rejected' });
}

export async function listRefunds({
  input,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'manager.listRefunds'>>): Promise<Result<ActionOutput<'manager.listRefunds'>>> {
  const rows = await findStoreRefunds(exec, ctx.storeId, input.status);
  const lines = await findLines(exec, [...new Set(rows.map((r) => r.order_id))]);
  return ok({
    items: rows.map((r) => ({
      goods: refundGoods(lines, r),
      refundId: r.id,
      kind: r.kind,
      orderId: r.order_id,
      orderNo: r.order_no,
      memberNickname: r.nickname,
      status: r.status,
      refundType: r.refund_type,
      // The manager's queue names the goods; the store knows its own return address.
      returnAddress: null,
      amountFen: r.amount_fen as never,
      reason: r.reason,
      lineIds: r.line_ids,
      wholeOrder: r.whole_order,
      rejectReason: r.reject_reason,
      failureReason: r.failure_reason,
      createdAt: r.created_at.toISOString(),
    })),
  });
}
