import type { Executor } from '../db/db';
import type { OrderStatus } from '../contract';
import { markCouponUsed } from '../coupon';
import { fail, ok, type Result } from '../errors';
import { findLines, findOrder, lockOrderByNo, payPendingOrder } from './repo/order.repo';

/** The order a payment just paid, as the one statement that paid it answered: read once. */
export interface PaidOrderFacts {
  id: string;
  storeId: string;
  memberId: string;
  groupBuy: unknown;
  payableFen: number;
}

/** What became of a payment WeChat Pay vouched for, on the order's side. */
export type PaymentOnOrder =
  | { kind: 'paid'; order: PaidOrderFacts }
  | { kind: 'unknown' }
  | { kind: 'mismatch'; payableFen: number }
  /** The order left `pending_payment` before this money arrived (expired, cancelled, paid by another transaction). */
  | { kind: 'closed'; orderId: string; status: OrderStatus; payableFen: number };

/**
 * Marks an order paid by a payment of `amountFen` (the payment callback's use case), in the
 * caller's transaction: the `pay` transition as one conditional update that takes the order row's
 * lock and answers the order's facts, and the order's coupon marked used. When no pending order of
 * that number and amount exists, the order is read under its lock to say why. Either way the order
 * row is locked before the caller writes the payments row, the order every payment and refund path
 * takes (two transactions paying one order would otherwise deadlock through the payments foreign key).
 */
export async function markOrderPaid(
  tx: Executor,
  p: { orderNo: string; amountFen: number | undefined; transactionId: string; paidAt: Date },
): Promise<PaymentOnOrder> {
  const paid =
    p.amountFen === undefined
      ? undefined
      : await payPendingOrder(tx, {
          orderNo: p.orderNo,
          amountFen: p.amountFen,
          paidAt: p.paidAt,
          transactionId: p.transactionId,
        });
  if (paid) {
    // Only an order that carries a coupon pays for this statement: the plain order is the hot path.
    if (paid.coupon_id) await markCouponUsed(tx, paid.id, p.paidAt);
    return {
      kind: 'paid',
      order: {
        id: paid.id,
        storeId: paid.store_id,
        memberId: paid.member_id,
        groupBuy: paid.group_buy,
        payableFen: paid.payable_fen,
      },
    };
  }
  const order = await lockOrderByNo(tx, p.orderNo);
  if (!order) return { kind: 'unknown' };
  if (p.amountFen !== order.payable_fen) return { kind: 'mismatch', payableFen: order.payable_fen };
  return { kind: 'closed', orderId: order.id, status: order.status, payableFen: order.payable_fen };
}

/**
 * The member's order as WeChat Pay's unified order needs it (`order.pay`): refused unless it is the
 * caller's, still pending and not expired. `body` is the goods' description WeChat shows (<= 40 chars).
 */
export async function orderToPay(
  exec: Executor,
  q: { orderId: string; memberId: string | null; now: Date },
): Promise<Result<{ orderNo: string; payableFen: number; body: string }>> {
  const order = await findOrder(exec, q.orderId);
  if (!order || order.member_id !== q.memberId) return fail('NOT_FOUND', '订单不存在', { orderId: q.orderId });
  if (order.status !== 'pending_payment') return fail('ORDER_STATE_CONFLICT', '订单无需支付', { status: order.status });
  if (q.now >= order.expires_at) return fail('ORDER_EXPIRED');
  const lines = await findLines(exec, [order.id]);
  const first = lines[0]?.title ?? '商品';
  return ok({
    orderNo: order.order_no,
    payableFen: order.payable_fen,
    body: (lines.length > 1 ? `${first} 等${lines.length}件` : first).slice(0, 40),
  });
}
