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
  /** What was bought, as the customer reads it in WeChat's shipping message (the port fits it to WeChat's limit). */
  itemDesc: string;
  /** The receiver's phone: WeChat requires a (masked) contact when the carrier is SF Express. */
  receiverPhone: string | null;
}

/**
 * WeChat's own record of a payment under 发货信息管理 (get_order): `orderState` 1 待发货, 2 已发货,
 * 3 确认收货, 4 交易完成, 5 已退款, 6 资金待结算.
 */
export type TradeOrderQuery = { found: true; orderState: number; openid: string | null } | { found: false };

export interface ShippingPort {
  /** WeChat holds the funds of a paid order until its shipping info is uploaded. */
  uploadShippingInfo(info: ShippingInfo): Promise<{ ok: true } | { ok: false; retryable: boolean; reason: string }>;
  /** get_order by transaction id. Throws when WeChat cannot be asked now. */
  getOrder(request: { transactionId: string }): Promise<TradeOrderQuery>;
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

/** The only file types stored: what a share card, `<image>` and the poster canvas all draw. */
export type StoredContentType = 'image/png' | 'image/jpeg';

/**
 * Where images live: product renditions, avatars, posters. A `fileId` is what is stored in rows: a
 * gateway path `/media/<key>` (local disk, self-hosted) or a `cloud://` file id (WeChat Cloud storage).
 * Clients never see a file id: answers carry `urlFor`'s URLs.
 */
export interface StoragePort {
  /** Stores `bytes` under `key` (`avatars/ab12.png`; overwrites) and returns its file id. Callers check the bytes first (checkUpload). */
  put(bytes: Buffer, key: string, contentType: StoredContentType): Promise<string>;
  /**
   * A URL a client can load for each file id, in order: an https URL, a temporary https URL for a
   * `cloud://` id, or (local mode without a public base URL) the same-origin path. An id it cannot
   * resolve comes back unchanged; an `https://` URL passes through.
   */
  urlFor(fileIds: readonly string[]): Promise<string[]>;
  /**
   * Stores a report file from local disk under an `exports/` key (`exports/ab12.csv`), streamed, and
   * returns its file id; `urlFor` gives its (temporary, on WeChat Cloud) download link.
   */
  putReport(path: string, key: string, contentType: ReportContentType): Promise<string>;
  /**
   * Deletes stored files (report retention). Answers the ids that are gone now (deleted, or already
   * absent); an id it could not delete is left out, so its row is kept and the next run tries again.
   */
  remove(fileIds: readonly string[]): Promise<string[]>;
}

/** Where a parcel is, as the carrier reports it. `delivered` is final: its timeline never changes again. */
export type TrackingState =
  'in_transit' | 'collected' | 'delivering' | 'delivered' | 'problem' | 'returned' | 'unknown';

/** One step of a parcel's journey; `at` is ISO-8601. */
export interface TrackingEvent {
  at: string;
  text: string;
  /** The city or area the carrier names, when it does. */
  place: string | null;
}

export interface TrackingQuery {
  /** The tracking provider's carrier code (`shunfeng`, `zhongtong`...). */
  carrier: string;
  trackingNo: string;
  /** The receiver's phone tail (last 4 digits): SF Express answers nothing without it. */
  phoneTail?: string;
}

/** A carrier's answer, newest event first; `found: false` when it knows no such parcel yet. */
export type TrackingAnswer =
  { found: true; state: TrackingState; events: TrackingEvent[] } | { found: false; reason: string };

/** Carrier tracking (快递100 实时查询 in production, a deterministic stand-in locally). */
export interface TrackingPort {
  readonly provider: string;
  /** Throws when the provider cannot be asked now (network, quota): the caller keeps its cached timeline. */
  query(request: TrackingQuery): Promise<TrackingAnswer>;
}

/** Report files (exports): written to a temporary file first, then stored whole. */
export type ReportContentType = 'text/csv' | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface Platform {
  readonly name: 'local' | 'wechat';
  storage: StoragePort;
  identity: IdentityPort;
  pay: PayPort;
  shipping: ShippingPort;
  phone: PhonePort;
  miniCode: MiniCodePort;
  messages: MessagePort;
  tracking: TrackingPort;
}
