import type { PayPort, RefundRequest, ShippingInfo, ShippingPort } from '../platform';

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

/**
 * Local WeChat Pay. Payments: the client shows a 模拟支付 screen that posts the callback event to
 * /api/dev/pay-callback. Refunds: accepted at once, and the refund callback is delivered shortly
 * after through `deliver`, the way WeChat would call refundCallback (or not, per `mode`).
 */
export function createLocalPay(options: {
  deliver: (event: RefundCallbackEvent) => Promise<unknown>;
  mode?: () => LocalRefundMode;
}): PayPort & { refunds: RefundRequest[]; settle(): Promise<void> } {
  const pending: Promise<unknown>[] = [];
  const refunds: RefundRequest[] = [];
  return {
    refunds,
    async unifiedOrder(request) {
      return { devPay: true, outTradeNo: request.outTradeNo, totalFee: request.totalFee };
    },
    async refund(request) {
      const mode = options.mode?.() ?? 'succeed';
      if (mode === 'reject') return { accepted: false, retryable: false, reason: 'local simulator: refund refused' };
      refunds.push(request);
      if (mode !== 'never-callback') {
        const event: RefundCallbackEvent = {
          returnCode: 'SUCCESS',
          refundStatus: mode === 'succeed' ? 'SUCCESS' : 'REFUNDCLOSE',
          outTradeNo: request.outTradeNo,
          outRefundNo: request.outRefundNo,
          refundId: `DEVR${request.outRefundNo}`.slice(0, 32),
          totalFee: request.totalFee,
          refundFee: request.refundFee,
        };
        // Asynchronously, as WeChat's callback arrives after the request returns.
        pending.push(new Promise((resolve) => setImmediate(resolve)).then(() => options.deliver(event)).catch(() => undefined));
      }
      return { accepted: true };
    },
    /** Waits for the simulated callbacks sent so far (tests). */
    async settle() {
      await Promise.all(pending.splice(0));
    },
  };
}

/** Local shipping-info upload: recorded so the manager (and tests) can see it. */
export function createLocalShipping(): ShippingPort & { uploads: ShippingInfo[] } {
  const uploads: ShippingInfo[] = [];
  return {
    uploads,
    async uploadShippingInfo(info) {
      uploads.push(info);
      return { ok: true };
    },
  };
}
