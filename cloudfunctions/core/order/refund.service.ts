import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ActionInput, ActionOutput } from '../contract';
import type { CallContext, ServiceArgs } from '../context';
import type { Db, Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import { enqueue } from '../outbox/outbox';
import { checkoutSeams } from './seams';
import { outRefundNoFor } from './domain/order-ids';
import { customerActions, REFUNDABLE } from './domain/order-rules';
import { findLines, findOrder, findRefundsOf, transitionOrder } from './repo/order.repo';
import { releaseStock } from './repo/order.repo';
import type { CallbackAnswer } from '../payment/pay-callback';

/**
 * `order.requestRefund`: the whole order (every line not yet refunded) or chosen lines. The line
 * amounts were split by largest remainder at checkout, so refunded parts always add up to what was
 * paid. Shipping is returned only with a whole-order refund before the goods left.
 */
export async function requestRefund({ input, caller, ctx, exec }: ServiceArgs<ActionInput<'order.requestRefund'>>): Promise<Result<ActionOutput<'order.requestRefund'>>> {
  const order = await findOrder(exec, input.orderId);
  if (!order || order.member_id !== caller.memberId) return fail('NOT_FOUND', '订单不存在', { orderId: input.orderId });
  const [lines, refunds] = await Promise.all([findLines(exec, [order.id]), findRefundsOf(exec, [order.id])]);
  const hasOpenRefund = refunds.some((r) => ['requested', 'approved', 'processing'].includes(r.status));
  const allowed = customerActions({ status: order.status, expiresAt: order.expires_at, completedAt: order.completed_at, hasOpenRefund }, ctx.now);
  if (!allowed.requestRefund) return fail('REFUND_NOT_ALLOWED', undefined, { status: order.status });
  const open = lines.filter((l) => l.refund_id === null);
  const chosen = input.lineIds ? open.filter((l) => input.lineIds!.includes(l.id)) : open;
  if (chosen.length === 0 || (input.lineIds && chosen.length !== new Set(input.lineIds).size)) {
    return fail('VALIDATION_FAILED', '所选商品不可退款', { lineIds: input.lineIds });
  }
  const whole = chosen.length === open.length;
  const notShipped = order.status === 'paid' || order.status === 'ready_for_pickup';
  const amount = chosen.reduce((sum, l) => sum + l.payable_fen, 0) + (whole && notShipped ? order.shipping_fen : 0);
  if (amount <= 0) return fail('REFUND_NOT_ALLOWED', '退款金额为零');
  // The conditional update admits one open refund per order, however many requests race.
  if (!(await transitionOrder(exec, order.id, REFUNDABLE, 'refunding', { status_before_refund: order.status }))) {
    return fail('ORDER_STATE_CONFLICT');
  }
  const refundId = `r_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
  await exec
    .insertInto('refunds')
    .values({
      id: refundId,
      order_id: order.id,
      out_refund_no: outRefundNoFor(order.order_no, refunds.length + 1),
      status: 'requested',
      amount_fen: amount,
      line_ids: chosen.map((l) => l.id),
      whole_order: whole,
      reason: input.reason,
      initiated_by: 'customer',
      reject_reason: null,
      failure_reason: null,
      wx_refund_id: null,
      created_at: ctx.now,
      decided_at: null,
      completed_at: null,
    })
    .execute();
  return ok({ refundId, status: 'requested' });
}

async function findStoreRefund(exec: Executor, storeId: string, refundId: string) {
  return exec
    .selectFrom('refunds as r')
    .innerJoin('orders as o', 'o.id', 'r.order_id')
    .selectAll('r')
    .select(['o.store_id', 'o.status_before_refund'])
    .where('r.id', '=', refundId)
    .where('o.store_id', '=', storeId)
    .executeTakeFirst();
}

async function moveRefund(tx: Executor, refundId: string, from: string[], set: Record<string, unknown>): Promise<boolean> {
  const r = await tx.updateTable('refunds').set(set).where('id', '=', refundId).where('status', 'in', from as never[]).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** `manager.approveRefund`: requested -> approved, and the refund request queued for WeChat Pay. */
export async function approveRefund({ input, ctx, exec }: ServiceArgs<ActionInput<'manager.approveRefund'>>): Promise<Result<ActionOutput<'manager.approveRefund'>>> {
  const refund = await findStoreRefund(exec, ctx.storeId, input.refundId);
  if (!refund) return fail('NOT_FOUND', '退款申请不存在');
  if (!(await moveRefund(exec, refund.id, ['requested'], { status: 'approved', decided_at: ctx.now }))) {
    return fail('ORDER_STATE_CONFLICT', '退款申请已处理', { status: refund.status });
  }
  await enqueue(exec, { topic: 'refund.request', dedupeKey: `refund:${refund.id}`, payload: { refundId: refund.id }, now: ctx.now });
  return ok({ refundId: refund.id, status: 'approved' });
}

/** `manager.rejectRefund`: requested -> rejected; the order returns to where it was. */
export async function rejectRefund({ input, ctx, exec }: ServiceArgs<ActionInput<'manager.rejectRefund'>>): Promise<Result<ActionOutput<'manager.rejectRefund'>>> {
  const refund = await findStoreRefund(exec, ctx.storeId, input.refundId);
  if (!refund) return fail('NOT_FOUND', '退款申请不存在');
  if (!(await moveRefund(exec, refund.id, ['requested'], { status: 'rejected', reject_reason: input.reason, decided_at: ctx.now }))) {
    return fail('ORDER_STATE_CONFLICT', '退款申请已处理', { status: refund.status });
  }
  await transitionOrder(exec, refund.order_id, ['refunding'], refund.status_before_refund ?? 'paid', { status_before_refund: null });
  return ok({ refundId: refund.id, status: 'rejected' });
}

export async function listRefunds({ input, ctx, exec }: ServiceArgs<ActionInput<'manager.listRefunds'>>): Promise<Result<ActionOutput<'manager.listRefunds'>>> {
  let q = exec
    .selectFrom('refunds as r')
    .innerJoin('orders as o', 'o.id', 'r.order_id')
    .innerJoin('members as m', 'm.id', 'o.member_id')
    .selectAll('r')
    .select(['o.order_no', 'm.nickname'])
    .where('o.store_id', '=', ctx.storeId);
  if (input.status) q = q.where('r.status', '=', input.status);
  const rows = await q.orderBy('r.created_at', 'desc').limit(100).execute();
  return ok({
    items: rows.map((r) => ({
      refundId: r.id,
      orderId: r.order_id,
      orderNo: r.order_no,
      memberNickname: r.nickname,
      status: r.status,
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

/** Outbox `refund.request`: hands the refund to WeChat Pay; a retry carries the same outRefundNo. */
export async function submitRefund(ctx: CallContext, payload: { refundId: string }): Promise<'done' | 'retry'> {
  const db = ctx.db.kysely;
  const refund = await db.selectFrom('refunds').selectAll().where('id', '=', payload.refundId).executeTakeFirst();
  if (!refund || !['approved', 'processing'].includes(refund.status)) return 'done';
  const order = (await findOrder(db, refund.order_id))!;
  const submission = await ctx.platform.pay.refund({
    outTradeNo: order.order_no,
    outRefundNo: refund.out_refund_no,
    totalFee: order.payable_fen,
    refundFee: refund.amount_fen,
    refundDesc: refund.reason.slice(0, 80),
  });
  if (submission.accepted) {
    await moveRefund(db, refund.id, ['approved'], { status: 'processing' });
    return 'done';
  }
  if (submission.retryable) return 'retry';
  await db.transaction().execute(async (tx) => {
    if (await moveRefund(tx, refund.id, ['approved', 'processing'], { status: 'failed', failure_reason: submission.reason })) {
      await transitionOrder(tx, order.id, ['refunding'], order.status_before_refund ?? 'paid', { status_before_refund: null });
    }
  });
  return 'done';
}

export const refundCallbackEvent = z
  .object({
    returnCode: z.string(),
    refundStatus: z.string().optional(),
    outRefundNo: z.string().max(64).optional(),
    refundId: z.string().max(64).optional(),
    refundFee: z.coerce.number().int().optional(),
  })
  .passthrough();

/**
 * refundCallback: WeChat Pay's refund outcome. SUCCESS marks the refund succeeded once (conditional
 * update), marks its lines, restocks them, returns coupon and points on a whole-order refund, and
 * moves the order to refunded (or back, for a partial refund). Duplicates and unknown refunds are
 * acknowledged without change.
 */
export async function handleRefundCallback(db: Db, raw: unknown, now: Date): Promise<CallbackAnswer> {
  const parsed = refundCallbackEvent.safeParse(raw);
  if (!parsed.success || parsed.data.returnCode !== 'SUCCESS' || !parsed.data.outRefundNo) {
    console.warn(JSON.stringify({ alert: 'refund_callback_ignored', raw }));
    return { errcode: 0, errmsg: 'ignored' };
  }
  const event = parsed.data;
  return db.kysely.transaction().execute(async (tx) => {
    const refund = await tx.selectFrom('refunds').selectAll().where('out_refund_no', '=', event.outRefundNo!).executeTakeFirst();
    if (!refund) return { errcode: 0, errmsg: 'ok (no such refund of ours)' };
    const order = (await findOrder(tx, refund.order_id))!;
    if (event.refundStatus !== 'SUCCESS') {
      if (await moveRefund(tx, refund.id, ['approved', 'processing'], { status: 'failed', failure_reason: `WeChat refundStatus ${event.refundStatus}` })) {
        await transitionOrder(tx, order.id, ['refunding'], order.status_before_refund ?? 'paid', { status_before_refund: null });
      }
      return { errcode: 0, errmsg: 'ok (refund failed, recorded)' };
    }
    const won = await moveRefund(tx, refund.id, ['approved', 'processing'], {
      status: 'succeeded',
      completed_at: now,
      wx_refund_id: event.refundId ?? null,
    });
    if (!won) return { errcode: 0, errmsg: 'ok (already recorded)' };
    await tx.updateTable('order_lines').set({ refund_id: refund.id }).where('id', 'in', refund.line_ids).execute();
    const lines = await findLines(tx, [order.id]);
    for (const line of lines.filter((l) => refund.line_ids.includes(l.id))) await releaseStock(tx, line.sku_id, line.qty);
    const allRefunded = lines.every((l) => l.refund_id !== null || refund.line_ids.includes(l.id));
    if (allRefunded) {
      const seams = checkoutSeams();
      if (order.points_used > 0) await seams.releasePoints(tx, { memberId: order.member_id, orderId: order.id, now });
      if (order.coupon_id) await seams.releaseCoupon(tx, { couponId: order.coupon_id, orderId: order.id, now });
      await transitionOrder(tx, order.id, ['refunding'], 'refunded', { status_before_refund: null });
    } else {
      await transitionOrder(tx, order.id, ['refunding'], order.status_before_refund ?? 'paid', { status_before_refund: null });
    }
    return { errcode: 0, errmsg: 'ok' };
  });
}
