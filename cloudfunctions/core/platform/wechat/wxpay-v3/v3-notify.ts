import type { KeyObject } from 'node:crypto';
import { decryptResource, verifyNotification, type EncryptedResource, type NotificationHeaders } from './v3-crypto';

export type Notification =
  { ok: true; eventType: string; resource: Record<string, any> } | { ok: false; reason: string };

/**
 * A WeChat Pay v3 notification, verified and decrypted: signature and freshness first (over the
 * exact raw body), then the AES-GCM resource, then that it is for our merchant. Anything that fails
 * is refused and reaches no settlement code.
 */
export function readNotification(
  headers: NotificationHeaders,
  rawBody: string,
  options: { keys: Record<string, KeyObject>; apiV3Key: string; mchid: string; now: Date },
): Notification {
  const verified = verifyNotification(headers, rawBody, options.keys, options.now);
  if (!verified.ok) return verified;
  let envelope: { event_type?: string; resource?: EncryptedResource };
  try {
    envelope = JSON.parse(rawBody);
  } catch {
    return { ok: false, reason: 'body is not JSON' };
  }
  if (!envelope.resource) return { ok: false, reason: 'no resource' };
  const decrypted = decryptResource(envelope.resource, options.apiV3Key);
  if (!decrypted.ok) return decrypted;
  const resource = JSON.parse(decrypted.plaintext) as Record<string, any>;
  if (resource.mchid !== options.mchid)
    return { ok: false, reason: `notification for merchant ${resource.mchid}, not ${options.mchid}` };
  return { ok: true, eventType: String(envelope.event_type ?? ''), resource };
}

/** A decrypted v3 payment result as the cloud payCallback event, so one settlement code serves both. */
export function toPayCallbackEvent(resource: Record<string, any>) {
  const success = resource.trade_state === 'SUCCESS';
  return {
    returnCode: 'SUCCESS',
    resultCode: success ? 'SUCCESS' : 'FAIL',
    outTradeNo: resource.out_trade_no,
    transactionId: resource.transaction_id,
    totalFee: resource.amount?.total,
    timeEnd: resource.success_time,
    tradeState: resource.trade_state,
    openid: resource.payer?.openid,
    source: 'wxpay-v3',
  };
}

const REFUND_STATUS: Record<string, 'SUCCESS' | 'REFUNDCLOSE' | 'CHANGE'> = {
  SUCCESS: 'SUCCESS',
  CLOSED: 'REFUNDCLOSE',
  ABNORMAL: 'CHANGE',
};

/** A decrypted v3 refund result as the cloud refundCallback event. */
export function toRefundCallbackEvent(resource: Record<string, any>) {
  return {
    returnCode: 'SUCCESS',
    refundStatus: REFUND_STATUS[String(resource.refund_status)] ?? 'CHANGE',
    outTradeNo: resource.out_trade_no,
    outRefundNo: resource.out_refund_no,
    refundId: resource.refund_id,
    totalFee: resource.amount?.total,
    refundFee: resource.amount?.refund,
    successTime: resource.success_time,
    source: 'wxpay-v3',
  };
}
