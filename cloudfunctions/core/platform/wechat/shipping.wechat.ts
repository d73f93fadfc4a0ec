import type { ShippingInfo, ShippingPort, TradeOrderQuery } from '../platform';
import type { WxServerSdk } from './sdk';

/**
 * WeChat's delivery company ids (get_delivery_list) for the carriers a shop types most; a value that
 * is already an id (upper-case letters) passes through. An unknown name is sent as typed and WeChat's
 * refusal is recorded on the outbox message for the operator.
 */
const CARRIER_IDS: Record<string, string> = {
  顺丰: 'SF',
  顺丰速运: 'SF',
  中通: 'ZTO',
  中通快递: 'ZTO',
  圆通: 'YTO',
  圆通速递: 'YTO',
  申通: 'STO',
  申通快递: 'STO',
  韵达: 'YD',
  韵达快递: 'YD',
  京东: 'JD',
  京东物流: 'JD',
  邮政: 'YZPY',
  中国邮政: 'YZPY',
  EMS: 'EMS',
  极兔: 'JTSD',
  极兔速递: 'JTSD',
  德邦: 'DBL',
  德邦快递: 'DBL',
};

function expressCompanyId(carrier: string): string {
  const name = carrier.trim();
  return CARRIER_IDS[name] ?? name;
}

/** RFC 3339 in Shanghai time with milliseconds, as WeChat's example `2022-12-15T13:29:35.120+08:00`. */
export function shanghaiRfc3339(at: Date): string {
  return `${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 23)}+08:00`;
}

/** upload_shipping_info's `item_desc`: "商品信息，例如：微信红包抱枕*1个，限120个字以内". */
const ITEM_DESC_MAX_CHARS = 120;

/**
 * Fits a goods description into WeChat's 120 characters, counted as characters (code points, so a
 * CJK name or an emoji is one and never cut in half); a longer text keeps 119 and ends with "…".
 */
export function fitItemDesc(text: string): string {
  const chars = Array.from(text.trim());
  if (chars.length <= ITEM_DESC_MAX_CHARS) return chars.join('');
  return `${chars.slice(0, ITEM_DESC_MAX_CHARS - 1).join('')}…`;
}

/**
 * A phone as WeChat's `receiver_contact` takes it: masked, the last 4 digits in clear
 * (`189****1234`; a short number keeps only its last 4: `****1234`).
 */
export function maskedContact(phone: string): string {
  const p = phone.replace(/\s+/g, '');
  if (p.length <= 4) return p;
  if (p.length >= 11) return `${p.slice(0, 3)}${'*'.repeat(p.length - 7)}${p.slice(-4)}`;
  return `${'*'.repeat(p.length - 4)}${p.slice(-4)}`;
}

/**
 * The body of `upload_shipping_info` (发货信息录入): the order by WeChat's transaction id
 * (order_number_type 2), one parcel (delivery_mode 1, unified), express (logistics_type 1, tracking
 * number and company required; SF Express also needs a contact, here the receiver's, masked) or
 * picked up in store (4), what was bought (`item_desc`), and the payer's openid.
 */
function shippingInfoRequest(info: ShippingInfo, now: Date): Record<string, unknown> {
  const itemDesc = fitItemDesc(info.itemDesc);
  const company = expressCompanyId(info.carrier ?? '');
  const parcel =
    info.logisticsType === 1
      ? {
          tracking_no: info.trackingNo ?? '',
          express_company: company,
          item_desc: itemDesc,
          ...(company === 'SF' && info.receiverPhone
            ? { contact: { receiver_contact: maskedContact(info.receiverPhone) } }
            : {}),
        }
      : { item_desc: itemDesc };
  return {
    order_key: { order_number_type: 2, transaction_id: info.transactionId },
    logistics_type: info.logisticsType,
    delivery_mode: 1,
    shipping_list: [parcel],
    upload_time: shanghaiRfc3339(now),
    payer: { openid: info.openid },
  };
}

/** WeChat busy (-1) or rate limited (45011): worth another try; anything else is final and recorded. */
const RETRYABLE = new Set([-1, 45011]);

/** WeChat's answer to an upload, as the port's outcome. */
function shippingOutcome(
  errcode: number,
  errmsg: string,
): { ok: true } | { ok: false; retryable: boolean; reason: string } {
  if (errcode === 0) return { ok: true };
  return {
    ok: false,
    retryable: RETRYABLE.has(errcode),
    reason: `upload_shipping_info errcode ${errcode} ${errmsg}`.trim(),
  };
}

/** get_order's "支付单不存在": WeChat has no such payment under 发货信息管理. */
const NO_SUCH_PAYMENT = 10060001;

/** get_order's answer as the port's outcome; any other error throws (WeChat could not say). */
function tradeOrderOutcome(res: Record<string, any>): TradeOrderQuery {
  const errcode = Number(res.errCode ?? res.errcode ?? 0);
  if (errcode === NO_SUCH_PAYMENT) return { found: false };
  if (errcode !== 0) throw new Error(`get_order errcode ${errcode} ${String(res.errMsg ?? res.errmsg ?? '')}`.trim());
  const order = res.order as { order_state?: unknown; openid?: unknown } | undefined;
  if (!order || typeof order.order_state !== 'number') throw new Error('get_order answered without order.order_state');
  return { found: true, orderState: order.order_state, openid: typeof order.openid === 'string' ? order.openid : null };
}

/**
 * Shipping-info upload through the cloud call `openapi.wxa.sec.order.uploadShippingInfo`, and the
 * order query `wxa.sec.order.getOrder`. WeChat's pages for 发货信息录入 and 查询订单发货状态 name these
 * cloud methods and say their input and output are the HTTPS calls', so the bodies keep the
 * snake_case fields of upload_shipping_info and get_order.
 */
export function createWechatShipping(sdk: WxServerSdk, now: () => Date = () => new Date()): ShippingPort {
  return {
    async getOrder({ transactionId }) {
      const api = sdk.openapi?.wxa?.sec?.order;
      if (!api?.getOrder) throw new Error('openapi.wxa.sec.order.getOrder is not available');
      let res: Record<string, any>;
      try {
        res = await api.getOrder({ transaction_id: transactionId });
      } catch (error) {
        const e = error as { errCode?: number; errMsg?: string; message?: string };
        res = { errcode: e.errCode ?? -1, errmsg: e.errMsg ?? e.message ?? '' };
      }
      return tradeOrderOutcome(res);
    },
    async uploadShippingInfo(info) {
      const api = sdk.openapi?.wxa?.sec?.order;
      if (!api) return { ok: false, retryable: false, reason: 'openapi.wxa.sec.order is not available' };
      try {
        const res = await api.uploadShippingInfo(shippingInfoRequest(info, now()));
        return shippingOutcome(Number(res.errCode ?? res.errcode ?? 0), String(res.errMsg ?? res.errmsg ?? ''));
      } catch (error) {
        const e = error as { errCode?: number; errMsg?: string; message?: string };
        return shippingOutcome(Number(e.errCode ?? -1), String(e.errMsg ?? e.message ?? ''));
      }
    },
  };
}
