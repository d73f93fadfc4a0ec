import type { ShippingInfo, ShippingPort } from '../platform';
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

/**
 * The body of `upload_shipping_info` (发货信息录入): the order by WeChat's transaction id
 * (order_number_type 2), one parcel (delivery_mode 1, unified), express (logistics_type 1, tracking
 * number and company required) or picked up in store (4), and the payer's openid.
 */
function shippingInfoRequest(info: ShippingInfo, now: Date): Record<string, unknown> {
  const itemDesc = info.itemDesc.slice(0, 120);
  const parcel =
    info.logisticsType === 1
      ? {
          tracking_no: info.trackingNo ?? '',
          express_company: expressCompanyId(info.carrier ?? ''),
          item_desc: itemDesc,
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

/**
 * Shipping-info upload through the cloud call `openapi.wxa.sec.order.uploadShippingInfo`. WeChat's
 * page for 发货信息录入 names the cloud method `wxa.sec.order.uploadShippingInfo` and says its input
 * and output are the HTTPS call's, so the body keeps the snake_case fields of upload_shipping_info.
 */
export function createWechatShipping(sdk: WxServerSdk, now: () => Date = () => new Date()): ShippingPort {
  return {
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
