import type { Db } from '../core/db/db';
import { handlePayCallback, payCallbackEvent, type CallbackAnswer } from '../core/payment';
import type { LocalPayment } from '../core/platform/local/pay.local';
import type { PayPort } from '../core/platform/platform';

/**
 * Local mode's stand-in for a customer paying: the local WeChat Pay books the payment the event
 * describes (as WeChat would have taken the money), then delivers the event to the real payCallback,
 * which confirms it with the local `queryOrder` like it confirms with WeChat in the cloud. Dev sign-in
 * only; a self-hosted gateway with WeChat Pay v3 has no simulator and books nothing.
 */
export async function payLocally(
  db: Db,
  pay: PayPort & { recordPayment?: (payment: LocalPayment) => void },
  event: unknown,
  now: Date,
): Promise<CallbackAnswer> {
  const parsed = payCallbackEvent.safeParse(event);
  const e = parsed.success ? parsed.data : null;
  if (
    e &&
    e.returnCode === 'SUCCESS' &&
    e.resultCode === 'SUCCESS' &&
    e.outTradeNo &&
    e.transactionId &&
    e.totalFee !== undefined &&
    pay.recordPayment
  ) {
    pay.recordPayment({ outTradeNo: e.outTradeNo, transactionId: e.transactionId, totalFee: e.totalFee });
  }
  return handlePayCallback(db, event, now, pay);
}
