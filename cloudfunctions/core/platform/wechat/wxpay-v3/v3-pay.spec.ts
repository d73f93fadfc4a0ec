import { createVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createWxpayV3 } from './v3-pay';
import type { Fetch } from '../http-fetch';
import { signedNotification, wxpayTestConfig, wxpayTestKeys } from '../../../../../test/support/wxpay-v3';

const keys = wxpayTestKeys();
const config = wxpayTestConfig(keys);
const NOW = new Date('2026-11-24T02:00:00Z');

/** WeChat Pay's API replaced at the HTTP boundary: records each request, answers `answer` signed by `signer`. */
function fakeFetch(answer: { status: number; body: unknown } | Error, signer = keys.platform.privateKey) {
  const calls: Array<{ url: string; method?: string; headers: Record<string, string>; body: string }> = [];
  const fetch: Fetch = async (url, init) => {
    calls.push({ url, method: init?.method, headers: init?.headers ?? {}, body: init?.body ?? '' });
    if (answer instanceof Error) throw answer;
    const text = JSON.stringify(answer.body);
    const headers = signedNotification(text, signer, keys.platformSerial, NOW.getTime() / 1000) as Record<
      string,
      string
    >;
    return {
      status: answer.status,
      headers: { get: (n: string) => headers[n] ?? null },
      json: async () => answer.body,
      text: async () => text,
    };
  };
  return { fetch, calls };
}

/** Parses `WECHATPAY2-SHA256-RSA2048 k="v",...` and checks its signature with the merchant's public key. */
function checkAuthorization(header: string, method: string, path: string, body: string) {
  expect(header.startsWith('WECHATPAY2-SHA256-RSA2048 ')).toBe(true);
  const fields = Object.fromEntries([...header.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  expect(fields).toMatchObject({
    mchid: config.mchid,
    serial_no: config.certSerial,
    timestamp: String(NOW.getTime() / 1000),
  });
  expect(fields.nonce_str).toMatch(/^[0-9a-f]{32}$/);
  const message = `${method}\n${path}\n${fields.timestamp}\n${fields.nonce_str}\n${body}\n`;
  expect(createVerify('RSA-SHA256').update(message).verify(keys.merchant.publicKey, fields.signature!, 'base64')).toBe(
    true,
  );
}

describe('WeChat Pay API v3 (self-hosted): request shapes and signatures', () => {
  it('a JSAPI order posts the documented fields, signed; requestPayment params carry an RSA paySign', async () => {
    const { fetch, calls } = fakeFetch({ status: 200, body: { prepay_id: 'wx26112410000011111111111111' } });
    const params = await createWxpayV3(config, fetch, () => NOW).unifiedOrder({
      outTradeNo: '2026112410000012345678',
      totalFee: 17800,
      body: '青禾氨基酸温和洁面乳 等2件',
      openid: 'oUser1',
    });
    expect(calls[0]!.url).toBe('https://api.mch.weixin.qq.com/v3/pay/transactions/jsapi');
    expect(JSON.parse(calls[0]!.body)).toEqual({
      appid: config.appid,
      mchid: config.mchid,
      description: '青禾氨基酸温和洁面乳 等2件',
      out_trade_no: '2026112410000012345678',
      notify_url: 'https://shop.example.com/api/wxpay/v3/notify/pay',
      amount: { total: 17800, currency: 'CNY' },
      payer: { openid: 'oUser1' },
    });
    checkAuthorization(calls[0]!.headers.authorization!, 'POST', '/v3/pay/transactions/jsapi', calls[0]!.body);
    expect(params).toMatchObject({
      timeStamp: String(NOW.getTime() / 1000),
      package: 'prepay_id=wx26112410000011111111111111',
      signType: 'RSA',
    });
    const p = params as { timeStamp: string; nonceStr: string; package: string; paySign: string };
    const signed = `${config.appid}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`;
    expect(createVerify('RSA-SHA256').update(signed).verify(keys.merchant.publicKey, p.paySign, 'base64')).toBe(true);
  });

  it('an answer not signed by WeChat Pay is refused: a forged prepay id never reaches the customer, a forged refund acceptance is retried', async () => {
    const forger = wxpayTestKeys().platform.privateKey;
    const order = createWxpayV3(
      config,
      fakeFetch({ status: 200, body: { prepay_id: 'wx_forged' } }, forger).fetch,
      () => NOW,
    );
    await expect(order.unifiedOrder({ outTradeNo: 'A1', totalFee: 1, body: 'x', openid: 'o' })).rejects.toThrow(
      'WeChat Pay v3 answer not verified: signature does not match',
    );
    const refund = createWxpayV3(
      config,
      fakeFetch({ status: 200, body: { status: 'PROCESSING' } }, forger).fetch,
      () => NOW,
    );
    expect(
      await refund.refund({ outTradeNo: 'A', outRefundNo: 'AR1', totalFee: 1, refundFee: 1, refundDesc: '' }),
    ).toMatchObject({ accepted: false, retryable: true });
  });

  it('a refused JSAPI order throws with WeChat Pay code (a configuration error, not a business outcome)', async () => {
    const { fetch } = fakeFetch({ status: 403, body: { code: 'NO_AUTH', message: '商户无权限' } });
    await expect(
      createWxpayV3(config, fetch, () => NOW).unifiedOrder({ outTradeNo: 'A1', totalFee: 1, body: 'x', openid: 'o' }),
    ).rejects.toThrow('NO_AUTH');
  });

  it('a refund posts out_refund_no and both amounts in fen to the refund notify URL', async () => {
    const { fetch, calls } = fakeFetch({
      status: 200,
      body: { refund_id: '50000000382019052709732678859', status: 'PROCESSING' },
    });
    const result = await createWxpayV3(config, fetch, () => NOW).refund({
      outTradeNo: 'A1',
      outRefundNo: 'A1R1',
      totalFee: 17800,
      refundFee: 8900,
      refundDesc: '不想要了',
    });
    expect(result).toEqual({ accepted: true });
    expect(calls[0]!.url).toBe('https://api.mch.weixin.qq.com/v3/refund/domestic/refunds');
    expect(JSON.parse(calls[0]!.body)).toEqual({
      out_trade_no: 'A1',
      out_refund_no: 'A1R1',
      reason: '不想要了',
      notify_url: 'https://shop.example.com/api/wxpay/v3/notify/refund',
      amount: { refund: 8900, total: 17800, currency: 'CNY' },
    });
    checkAuthorization(calls[0]!.headers.authorization!, 'POST', '/v3/refund/domestic/refunds', calls[0]!.body);
  });

  it('refund errors: SYSTEM_ERROR, 5xx and network failures are retried; NOT_ENOUGH-style refusals are final', async () => {
    const request = { outTradeNo: 'A', outRefundNo: 'AR1', totalFee: 100, refundFee: 100, refundDesc: '' };
    expect(
      await createWxpayV3(
        config,
        fakeFetch({ status: 500, body: { code: 'SYSTEM_ERROR', message: '系统错误' } }).fetch,
      ).refund(request),
    ).toMatchObject({ accepted: false, retryable: true });
    expect(await createWxpayV3(config, fakeFetch(new Error('ECONNRESET')).fetch).refund(request)).toEqual({
      accepted: false,
      retryable: true,
      reason: 'ECONNRESET',
    });
    expect(
      await createWxpayV3(
        config,
        fakeFetch({ status: 403, body: { code: 'NOT_ENOUGH', message: '余额不足' } }).fetch,
      ).refund(request),
    ).toEqual({ accepted: false, retryable: false, reason: 'NOT_ENOUGH 余额不足' });
  });

  it("queries by out_trade_no and out_refund_no are signed GETs (empty body) and read WeChat Pay's own state", async () => {
    const order = fakeFetch({
      status: 200,
      body: { trade_state: 'SUCCESS', out_trade_no: 'A1', transaction_id: '4200001', amount: { total: 17800 } },
    });
    expect(await createWxpayV3(config, order.fetch, () => NOW).queryOrder({ outTradeNo: 'A1' })).toEqual({
      found: true,
      tradeState: 'SUCCESS',
      outTradeNo: 'A1',
      transactionId: '4200001',
      totalFee: 17800,
    });
    expect(order.calls[0]).toMatchObject({
      url: `https://api.mch.weixin.qq.com/v3/pay/transactions/out-trade-no/A1?mchid=${config.mchid}`,
      method: 'GET',
      body: '',
    });
    checkAuthorization(
      order.calls[0]!.headers.authorization!,
      'GET',
      `/v3/pay/transactions/out-trade-no/A1?mchid=${config.mchid}`,
      '',
    );
    const refund = fakeFetch({
      status: 200,
      body: { out_refund_no: 'A1R1', refund_id: '5000', status: 'CLOSED', amount: { refund: 8900, total: 17800 } },
    });
    expect(
      await createWxpayV3(config, refund.fetch, () => NOW).queryRefund({ outTradeNo: 'A1', outRefundNo: 'A1R1' }),
    ).toEqual({ found: true, status: 'CLOSED', refundFee: 8900, refundId: '5000' });
    expect(refund.calls[0]).toMatchObject({
      url: 'https://api.mch.weixin.qq.com/v3/refund/domestic/refunds/A1R1',
      method: 'GET',
    });
    checkAuthorization(refund.calls[0]!.headers.authorization!, 'GET', '/v3/refund/domestic/refunds/A1R1', '');
    expect(
      await createWxpayV3(
        config,
        fakeFetch({ status: 404, body: { code: 'ORDER_NOT_EXIST' } }).fetch,
        () => NOW,
      ).queryOrder({ outTradeNo: 'A9' }),
    ).toEqual({ found: false });
    // A 5xx or a forged (unsigned) answer is no answer: the caller retries later.
    await expect(
      createWxpayV3(config, fakeFetch({ status: 500, body: { code: 'SYSTEM_ERROR' } }).fetch, () => NOW).queryRefund({
        outTradeNo: 'A1',
        outRefundNo: 'A1R1',
      }),
    ).rejects.toThrow('SYSTEM_ERROR');
    const forged = fakeFetch({ status: 200, body: { trade_state: 'SUCCESS' } }, wxpayTestKeys().platform.privateKey);
    await expect(createWxpayV3(config, forged.fetch, () => NOW).queryOrder({ outTradeNo: 'A1' })).rejects.toThrow(
      'not verified',
    );
  });
});
