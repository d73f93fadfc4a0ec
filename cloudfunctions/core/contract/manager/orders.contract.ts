/** The manager's orders and refunds: the fulfilment queue, shipping and pickup, after-sales. */
import { z } from 'zod';
import { ORDER_STATUSES, REFUND_STATUSES } from '../statuses';
import { action, id, orderId } from '../action';
import type { Fen } from '../../shared/money';
import type { OrderView, RefundView } from '../order.contract';

/** One line of goods a refund returns, as 售后审核 names it. */
export interface RefundGoodsLine {
  lineId: string;
  title: string;
  specsText: string;
  qty: number;
}

export type ManagerRefundView = RefundView & {
  kind: 'order' | 'payment_return';
  orderId: string;
  orderNo: string;
  memberNickname: string;
  failureReason: string | null;
  /** The goods the refund returns (every line of the refund; empty for a payment return). */
  goods: RefundGoodsLine[];
};

/** What 主动退款 would return for the chosen lines, computed the way manager.refundOrder computes it. */
export interface RefundQuote {
  orderId: string;
  lineIds: string[];
  amountFen: Fen;
  /** Shipping included: the whole remainder of an order whose goods have not left. */
  shippingFen: Fen;
  /** Lines still refundable, for the picker. */
  lines: Array<RefundGoodsLine & { payableFen: Fen }>;
}

export const managerOrderActions = {
  'manager.listOrders': action<{ items: OrderView[]; nextCursor: string | null }>()({
    input: z
      .object({
        status: z.enum(ORDER_STATUSES).optional(),
        /** An order number (or its start), a member's phone or part of a nickname. */
        q: z.string().trim().min(1).max(40).optional(),
        cursor: z.string().max(200).optional(),
      })
      .strict(),
    role: 'manager',
  }),
  'manager.shipOrder': action<OrderView>()({
    input: z
      .object({
        orderId: id,
        carrier: z.string().trim().min(1).max(30),
        trackingNo: z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9-]{4,40}$/),
      })
      .strict(),
    role: 'manager',
    mutating: true,
  }),
  'manager.readyForPickup': action<OrderView>()({ input: orderId, role: 'manager', mutating: true }),
  'manager.verifyPickup': action<OrderView>()({
    input: z.object({ pickupCode: z.string().regex(/^\d{6}$/) }).strict(),
    role: 'manager',
    mutating: true,
  }),
  'manager.listRefunds': action<{ items: Array<ManagerRefundView> }>()({
    input: z.object({ status: z.enum(REFUND_STATUSES).optional() }).strict(),
    role: 'manager',
  }),
  'manager.refundOrder': action<{ refundId: string; status: RefundView['status'] }>()({
    input: z
      .object({
        orderId: id,
        lineIds: z.array(id).min(1).max(50).optional(),
        reason: z.string().trim().min(1).max(200),
      })
      .strict(),
    role: 'manager',
    mutating: true,
  }),
  /** The amount manager.refundOrder would return for these lines now (no lineIds: every open line). */
  'manager.quoteRefund': action<RefundQuote>()({
    input: z.object({ orderId: id, lineIds: z.array(id).min(1).max(50).optional() }).strict(),
    role: 'manager',
  }),
  'manager.approveRefund': action<{ refundId: string; status: RefundView['status'] }>()({
    input: z.object({ refundId: id }).strict(),
    role: 'manager',
    mutating: true,
  }),
  /** A failed refund (WeChat refused or closed it) goes to WeChat Pay again with the same outRefundNo. */
  'manager.retryRefund': action<{ refundId: string; status: RefundView['status'] }>()({
    input: z.object({ refundId: id }).strict(),
    role: 'manager',
    mutating: true,
  }),
  'manager.rejectRefund': action<{ refundId: string; status: RefundView['status'] }>()({
    input: z.object({ refundId: id, reason: z.string().trim().min(1).max(200) }).strict(),
    role: 'manager',
    mutating: true,
  }),
} as const;
