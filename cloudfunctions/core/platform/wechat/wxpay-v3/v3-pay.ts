import type { PaymentParams } from '../../../contract';
import type { WxpayV3Config } from '../../../config/production-config';
import type { PayPort, RefundQuery, RefundRequest, UnifiedOrderRequest } from '../../platform';
import type { Fetch } from '../http-fetch';
import { authorization, nonceStr, platformKey, requestPaymentParams, verifyNotification } from './v3-crypto';

const WXPAY_API = 'https://api.mch.weixin.qq.com';
export const PAY_NOTIFY_PATH = '/api/wxpay/v3/notify/pay';
export const REFUND_NOTIFY_PATH = '/api/wxpay/v3/notify/refund';

/** v3 refund `status` values are already ours. */
const V3_REFUND_STATUS: Record<string, Extract<RefundQuery, { found: true }>['status']> = {
  SUCCESS: 'SUCCESS',
  PROCESSING: 'PROCESSING',
  CLOSED: 'CLOSED',
  ABNORMAL: 'ABNORMAL',
};

/** Refund errors worth retrying with the same out_refund_no; the rest are final. */
const RETRYABLE = new Set(['SYSTEM_ERROR', 'FREQUENCY_LIMITED', 'SYSTEMERROR', 'NOT_ENOUGH_RETRY']);

/**
 * WeChat Pay API v3 for a self-hosted gateway: JSAPI orders (`POST /v3/pay/transactions/jsapi`,
 * then `wx.requestPayment` params signed with the merchant key) and refunds
 * (`POST /v3/refund/domestic/refunds`). Results arrive as signed notifications at the gateway's
 * notify routes and settle through the same code as the cloud callbacks.
 */
export function createWxpayV3(
  config: WxpayV3Config & { appid: string },
  fetch: Fetch,
  clock: () => Date = () => new Date(),
): PayPort {
  const keys = Object.fromEntries(
    Object.entries(config.platformKeys).map(([serial, pem]) => [serial, platformKey(pem)]),
  );
  async function send(method: 'GET' | 'POST', path: string, payload?: Record<string, unknown>) {
    const body = payload ? JSON.stringify(payload) : '';
    const header = authorization({
      method,
      url: path,
      body,
      mchid: config.mchid,
      certSerial: config.certSerial,
      privateKeyPem: config.privateKeyPem,
      timestamp: Math.floor(clock().getTime() / 1000),
      nonce: nonceStr(),
    });
    const res = await fetch(`${WXPAY_API}${path}`, {
      method,
      headers: {
        authorization: header,
        accept: 'application/json',
        ...(payload ? { 'content-type': 'application/json' } : {}),
      },
      ...(payload ? { body } : {}),
    });
    const text = await res.text();
    // A successful answer must be WeChat Pay's own (signed like a notification): a forged prepay id
    // or refund acceptance from anything in between is refused.
    if (res.status >= 200 && res.status < 300) {
      const h = (name: string) => res.headers?.get(name) ?? undefined;
      const signed = verifyNotification(
        {
          signature: h('wechatpay-signature'),
          timestamp: h('wechatpay-timestamp'),
          nonce: h('wechatpay-nonce'),
          serial: h('wechatpay-serial'),
        },
        text,
        keys,
        clock(),
      );
      if (!signed.ok) throw new Error(`WeChat Pay v3 answer not verified: ${signed.reason}`);
    }
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, any> };
  }
  const post = (path: string, payload: Record<string, unknown>) => send('POST', path, payload);

  return {
    async unifiedOrder(request: UnifiedOrderRequest): Promise<PaymentParams> {
      const res = await post('/v3/pay/transactions/jsapi', {
        appid: config.appid,
        mchid: config.mchid,
        description: request.body.slice(0, 127),
        out_trade_no: request.outTradeNo,
        notify_url: `${config.notifyBase}${PAY_NOTIFY_PATH}`,
        amount: { total: request.totalFee, currency: 'CNY' },
        payer: { openid: request.openid },
      });
      const prepayId = res.body.prepay_id;
      if (res.status !== 200 || typeof prepayId !== 'string') {
        throw new Error(
          `WeChat Pay v3 jsapi order failed: HTTP ${res.status} ${String(res.body.code ?? '')} ${String(res.body.message ?? '')}`.trim(),
        );
      }
      return requestPaymentParams(
        config.appid,
        prepayId,
        config.privateKeyPem,
        Math.floor(clock().getTime() / 1000),
        nonceStr(),
      );
    },

    async refund(request: RefundRequest) {
      try {
        const res = await post('/v3/refund/domestic/refunds', {
          out_trade_no: request.outTradeNo,
          out_refund_no: request.outRefundNo,
          reason: request.refundDesc.slice(0, 80) || undefined,
          notify_url: `${config.notifyBase}${REFUND_NOTIFY_PATH}`,
          amount: { refund: request.refundFee, total: request.totalFee, currency: 'CNY' },
        });
        if (res.status === 200) return { accepted: true };
        const code = String(res.body.code ?? `HTTP_${res.status}`);
        return {
          accepted: false,
          retryable: res.status >= 500 || RETRYABLE.has(code),
          reason: `${code} ${String(res.body.message ?? '')}`.trim(),
        };
      } catch (error) {
        return { accepted: false, retryable: true, reason: error instanceof Error ? error.message : String(error) };
      }
    },

    async queryOrder({ outTradeNo }) {
      const res = await send(
        'GET',
        `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(config.mchid)}`,
      );
      if (res.status === 404) return { found: false };
      if (res.status !== 200)
        throw new Error(`WeChat Pay v3 order query failed: HTTP ${res.status} ${String(res.body.code ?? '')}`.trim());
      return {
        found: true,
        tradeState: String(res.body.trade_state ?? ''),
        outTradeNo: String(res.body.out_trade_no ?? ''),
        transactionId: String(res.body.transaction_id ?? ''),
        totalFee: Number(res.body.amount?.total),
      };
    },

    async queryRefund({ outRefundNo }): Promise<RefundQuery> {
      const res = await send('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`);
      if (res.status === 404) return { found: false };
      if (res.status !== 200)
        throw new Error(`WeChat Pay v3 refund query failed: HTTP ${res.status} ${String(res.body.code ?? '')}`.trim());
      const status = V3_REFUND_STATUS[String(res.body.status)];
      if (!status) throw new Error(`WeChat Pay v3 refund query: unknown status ${String(res.body.status)}`);
      return {
        found: true,
        status,
        refundFee: Number(res.body.amount?.refund),
        refundId: res.body.refund_id ? String(res.body.refund_id) : null,
      };
    },
  };
}
