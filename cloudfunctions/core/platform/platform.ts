import type { PaymentParams } from '../contract';

/** Who is calling, as the platform established it (never taken from the request body). */
export interface Identity {
  openid: string | null;
  source: 'dev-header' | 'wx-context' | 'session' | 'none';
}

/**
 * WeChat's capabilities as ports. Local mode implements them without WeChat; the cloud implements
 * them over wx-server-sdk.
 */
export interface IdentityPort {
  /** Establishes the caller from what the transport carries (headers locally, WX context in the cloud). */
  identify(source: IdentitySource): Identity;
}

/** What an adapter knows about the transport of one call. */
export interface IdentitySource {
  headers?: Record<string, string | string[] | undefined>;
  /** The cloud function's WX context (OPENID, APPID, UNIONID), when running in WeChat Cloud. */
  wxContext?: { OPENID?: string; APPID?: string; UNIONID?: string; SOURCE?: string };
}

export interface UnifiedOrderRequest {
  /** Our order number: <= 32 chars of [0-9A-Za-z_-]. */
  outTradeNo: string;
  /** Integer fen. */
  totalFee: number;
  /** Shown on the customer's payment receipt. */
  body: string;
  openid: string;
}

export interface RefundRequest {
  outTradeNo: string;
  /** Deterministic per refund, so a retried request refunds once. */
  outRefundNo: string;
  totalFee: number;
  refundFee: number;
  refundDesc: string;
}

/** Whether WeChat took the refund request; the outcome arrives later through refundCallback. */
export type RefundSubmission = { accepted: true } | { accepted: false; retryable: boolean; reason: string };

/**
 * What WeChat Pay itself says about a payment, asked over its own channel (never taken from a
 * callback event, which anyone who can invoke the callback could write).
 */
export type PaymentQuery =
  { found: true; tradeState: string; outTradeNo: string; transactionId: string; totalFee: number } | { found: false };

/** WeChat Pay's own word on a refund: SUCCESS, still PROCESSING, CLOSED (refused) or ABNORMAL (card changed, money held). */
export type RefundQuery =
  | {
      found: true;
      status: 'SUCCESS' | 'PROCESSING' | 'CLOSED' | 'ABNORMAL';
      refundFee: number;
      refundId: string | null;
    }
  | { found: false };

export interface PayPort {
  unifiedOrder(request: UnifiedOrderRequest): Promise<PaymentParams>;
  refund(request: RefundRequest): Promise<RefundSubmission>;
  /** `cloudPay.queryOrder` / v3 query by out_trade_no. Throws when WeChat cannot be asked now (retry later). */
  queryOrder(request: { outTradeNo: string }): Promise<PaymentQuery>;
  /** `cloudPay.queryRefund` / v3 query by out_refund_no. Throws when WeChat cannot be asked now (retry later). */
  queryRefund(request: { outTradeNo: string; outRefundNo: string }): Promise<RefundQuery>;
}

export interface ShippingInfo {
  transactionId: string;
  openid: string;
  /** 1 = express, 4 = picked up by the customer (WeChat's logistics_type). */
  logisticsType: 1 | 4;
  carrier: string | null;
  trackingNo: string | null;
  itemDesc: string;
}

export interface ShippingPort {
  /** WeChat holds the funds of a paid order until its shipping info is uploaded. */
  uploadShippingInfo(info: ShippingInfo): Promise<{ ok: true } | { ok: false; retryable: boolean; reason: string }>;
}

/** A phone number WeChat vouched for: `phoneNumber` without the country code. */
export type PhoneExchange = { ok: true; phoneNumber: string; countryCode: string } | { ok: false; reason: string };

export interface PhonePort {
  /** Trades the one-time code from `<Button open-type="getPhoneNumber">` for the member's phone, server side. */
  exchange(code: string): Promise<PhoneExchange>;
}

/**
 * A mini-program code for `wxacode.getUnlimited`. `scene` is <= 32 chars of
 * `0-9A-Za-z!#$&'()*+,/:;=?@-._~`; `page` has no leading slash and no query.
 */
export interface MiniCodeRequest {
  scene: string;
  page: string;
  /** Pixels, 280-1280 (WeChat's range). */
  width?: number;
}

export type MiniCodeImage = { ok: true; contentType: string; data: Buffer } | { ok: false; reason: string };

export interface MiniCodePort {
  /** An unlimited mini-program code (poster code) for a page and scene. */
  getUnlimited(request: MiniCodeRequest): Promise<MiniCodeImage>;
}

/** One subscribe message: `data` maps the template's keywords (`thing1`, `time2`...) to values. */
export interface SubscribeMessage {
  openid: string;
  templateId: string;
  /** The page the message opens, with its query, no leading slash. */
  page: string;
  data: Record<string, { value: string }>;
}

/**
 * WeChat's answer. `errcode` is WeChat's (43101: the user has no subscription for the template;
 * 47003: template data invalid): refusals are outcomes to record, not to retry.
 */
export type MessageDelivery = { ok: true } | { ok: false; errcode: number; retryable: boolean; reason: string };

export interface MessagePort {
  sendSubscribeMessage(message: SubscribeMessage): Promise<MessageDelivery>;
}

export interface Platform {
  readonly name: 'local' | 'wechat';
  identity: IdentityPort;
  pay: PayPort;
  shipping: ShippingPort;
  phone: PhonePort;
  miniCode: MiniCodePort;
  messages: MessagePort;
}
