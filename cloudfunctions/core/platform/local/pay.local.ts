import type {
  PaymentQuery,
  PayPort,
  RefundQuery,
  RefundRequest,
  ShippingInfo,
  ShippingPort,
  TradeOrderQuery,
} from '../platform';

/** What the local refund simulator does with an accepted refund. */
export type LocalRefundMode = 'succeed' | 'fail' | 'never-callback' | 'reject';

export interface RefundCallbackEvent {
  returnCode: 'SUCCESS' | 'FAIL';
  refundStatus: 'SUCCESS' | 'CHANGE' | 'REFUNDCLOSE';
  outTradeNo: string;
  outRefundNo: string;
  refundId: string;
  totalFee: number;
  refundFee: number;
  successTime?: string;
}

/** A payment as the local WeChat Pay knows it: what `queryOrder` answers. */
export interface LocalPayment {
  outTradeNo: string;
  transactionId: string;
  totalFee: number;
}

/**
 * Local WeChat Pay. Payments: the client shows a 模拟支付 screen that posts the callback event to
 * /api/dev/pay-callback, which first books the payment here (`recordPayment`), as WeChat would have
 * taken the money, so `queryOrder` confirms it. Refunds: accepted at once, booked with the outcome
 * `mode` chose, and the refund callback delivered shortly after through `deliver` (or not).
 * `queryRefund` answers from the same book, so a callback that disagrees with it is found out.
 */
export function createLocalPay(options: {
  deliver: (event: RefundCallbackEvent) => Promise<unknown>;
  mode?: () => LocalRefundMode;
}): PayPort & {
  refunds: RefundRequest[];
  payments: Map<string, LocalPayment>;
  refundOutcomes: Map<string, Extract<RefundQuery, { found: true }>>;
  recordPayment(payment: LocalPayment): void;
  settle(): Promise<void>;
} {
  const pending: Promise<unknown>[] = [];
  const refunds: RefundRequest[] = [];
  const payments = new Map<string, LocalPayment>();
  const refundOutcomes = new Map<string, Extract<RefundQuery, { found: true }>>();
  return {
    refunds,
    payments,
    refundOutcomes,
    recordPayment(payment) {
      // WeChat has one transaction per out_trade_no; the first one stands.
      if (!payments.has(payment.outTradeNo)) payments.set(payment.outTradeNo, payment);
    },
    async unifiedOrder(request) {
      return { devPay: true, outTradeNo: request.outTradeNo, totalFee: request.totalFee };
    },
    async refund(request) {
      const mode = options.mode?.() ?? 'succeed';
      if (mode === 'reject') return { accepted: false, retryable: false, reason: 'local simulator: refund refused' };
      // Every request is kept, re-asks included; the book below holds one outcome per outRefundNo, as
      // WeChat refunds once per outRefundNo.
      refunds.push(request);
      const refundId = `DEVR${request.outRefundNo}`.slice(0, 32);
      const status = mode === 'succeed' ? 'SUCCESS' : mode === 'fail' ? 'CLOSED' : 'PROCESSING';
      refundOutcomes.set(request.outRefundNo, { found: true, status, refundFee: request.refundFee, refundId });
      if (mode !== 'never-callback') {
        const event: RefundCallbackEvent = {
          returnCode: 'SUCCESS',
          refundStatus: mode === 'succeed' ? 'SUCCESS' : 'REFUNDCLOSE',
          outTradeNo: request.outTradeNo,
          outRefundNo: request.outRefundNo,
          refundId,
          totalFee: request.totalFee,
          refundFee: request.refundFee,
        };
        // Asynchronously, as WeChat's callback arrives after the request returns.
        pending.push(
          new Promise((resolve) => setImmediate(resolve)).then(() => options.deliver(event)).catch(() => undefined),
        );
      }
      return { accepted: true };
    },
    async queryOrder({ outTradeNo }): Promise<PaymentQuery> {
      const payment = payments.get(outTradeNo);
      return payment ? { found: true, tradeState: 'SUCCESS', ...payment } : { found: false };
    },
    async queryRefund({ outRefundNo }): Promise<RefundQuery> {
      return refundOutcomes.get(outRefundNo) ?? { found: false };
    },
    /** Waits for the simulated callbacks sent so far (tests). */
    async settle() {
      await Promise.all(pending.splice(0));
    },
  };
}

/**
 * Local shipping-info upload: recorded so the manager (and tests) can see it. Local WeChat has no
 * confirm-receipt component: `tradeOrders` is what get_order answers per transaction id (tests set
 * it; `unreachable` makes the query throw, as when WeChat cannot be asked).
 */
export function createLocalShipping(): ShippingPort & {
  uploads: ShippingInfo[];
  tradeOrders: Map<string, TradeOrderQuery | 'unreachable'>;
} {
  const uploads: ShippingInfo[] = [];
  const tradeOrders = new Map<string, TradeOrderQuery | 'unreachable'>();
  return {
    uploads,
    tradeOrders,
    async uploadShippingInfo(info) {
      uploads.push(info);
      return { ok: true };
    },
    async getOrder({ transactionId }) {
      const known = tradeOrders.get(transactionId);
      if (known === 'unreachable') throw new Error('get_order: WeChat unreachable');
      return known ?? { found: false };
    },
  };
}
