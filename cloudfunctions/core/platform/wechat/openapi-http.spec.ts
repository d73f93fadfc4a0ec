import { describe, expect, it } from 'vitest';
import { createHttpWxSdk } from './openapi-http';
import type { Fetch } from './http-fetch';
import { createWechatPhone } from './phone.wechat';
import { createWechatMessages } from './messages.wechat';
import { createWechatMiniCode } from './mini-code.wechat';
import { createWechatShipping } from './shipping.wechat';

/** WeChat's HTTPS API replaced at the fetch boundary; `answers` maps a path to what it returns. */
function fakeWechat(answers: Record<string, Array<{ type?: string; body: unknown }>>) {
  const calls: Array<{ path: string; token: string | null; body: any }> = [];
  let tokens = 0;
  const fetch: Fetch = async (url, init) => {
    const u = new URL(url);
    const body = init?.body ? JSON.parse(init.body) : undefined;
    if (u.pathname === '/cgi-bin/stable_token') {
      tokens += 1;
      calls.push({ path: u.pathname, token: null, body });
      return {
        status: 200,
        json: async () => ({ access_token: `TOKEN${tokens}`, expires_in: 7200 }),
        text: async () => '',
      };
    }
    calls.push({ path: u.pathname, token: u.searchParams.get('access_token'), body });
    const next = answers[u.pathname]!.shift()!;
    const type = next.type ?? 'application/json';
    return {
      status: 200,
      headers: { get: (n: string) => (n === 'content-type' ? type : null) },
      json: async () => next.body,
      text: async () => JSON.stringify(next.body),
      arrayBuffer: async () => new Uint8Array(next.body as number[]).buffer,
    };
  };
  return { fetch, calls };
}

const sdkOver = (fetch: Fetch) => createHttpWxSdk(fetch, 'wx0123456789abcdef', '0123456789abcdef0123456789abcdef');

describe('openapi over HTTPS for a self-hosted gateway', () => {
  it('one stable access token serves several calls; the request bodies use the HTTPS field names', async () => {
    const { fetch, calls } = fakeWechat({
      '/wxa/business/getuserphonenumber': [
        { body: { errcode: 0, errmsg: 'ok', phone_info: { purePhoneNumber: '13800138000', countryCode: '86' } } },
      ],
      '/cgi-bin/message/subscribe/send': [{ body: { errcode: 0, errmsg: 'ok' } }],
      '/wxa/getwxacodeunlimit': [{ type: 'image/jpeg', body: [0xff, 0xd8] }],
      '/wxa/sec/order/upload_shipping_info': [{ body: { errcode: 0, errmsg: 'ok' } }],
      '/wxa/sec/order/get_order': [{ body: { errcode: 0, errmsg: 'ok', order: { order_state: 3, openid: 'o1' } } }],
    });
    const sdk = sdkOver(fetch);
    expect(await createWechatPhone(sdk).exchange('c0de')).toEqual({
      ok: true,
      phoneNumber: '13800138000',
      countryCode: '86',
    });
    expect(
      await createWechatMessages(sdk).sendSubscribeMessage({
        openid: 'o1',
        templateId: 'T1',
        page: 'pages/me/index',
        data: { thing1: { value: 'x' } },
      }),
    ).toEqual({ ok: true });
    expect(await createWechatMiniCode(sdk).getUnlimited({ scene: 'i=AB', page: 'packages/invite/landing' })).toEqual({
      ok: true,
      contentType: 'image/jpeg',
      data: Buffer.from([0xff, 0xd8]),
    });
    expect(
      await createWechatShipping(sdk).uploadShippingInfo({
        transactionId: 'T',
        openid: 'o1',
        logisticsType: 4,
        carrier: null,
        trackingNo: null,
        itemDesc: 'x',
        receiverPhone: null,
      }),
    ).toEqual({ ok: true });
    expect(await createWechatShipping(sdk).getOrder({ transactionId: 'T' })).toEqual({
      found: true,
      orderState: 3,
      openid: 'o1',
    });
    expect(calls.filter((c) => c.path === '/cgi-bin/stable_token')).toEqual([
      {
        path: '/cgi-bin/stable_token',
        token: null,
        body: {
          grant_type: 'client_credential',
          appid: 'wx0123456789abcdef',
          secret: '0123456789abcdef0123456789abcdef',
          force_refresh: false,
        },
      },
    ]);
    expect(calls.filter((c) => c.token).every((c) => c.token === 'TOKEN1')).toBe(true);
    expect(calls.find((c) => c.path === '/cgi-bin/message/subscribe/send')!.body).toEqual({
      touser: 'o1',
      template_id: 'T1',
      page: 'pages/me/index',
      data: { thing1: { value: 'x' } },
      miniprogram_state: 'formal',
    });
    expect(calls.find((c) => c.path === '/wxa/getwxacodeunlimit')!.body).toEqual({
      scene: 'i=AB',
      page: 'packages/invite/landing',
      width: 430,
      check_path: false,
      env_version: 'release',
    });
    expect(calls.find((c) => c.path === '/wxa/sec/order/upload_shipping_info')!.body).toMatchObject({
      order_key: { order_number_type: 2, transaction_id: 'T' },
      logistics_type: 4,
    });
    expect(calls.find((c) => c.path === '/wxa/sec/order/get_order')!.body).toEqual({ transaction_id: 'T' });
  });

  it('an expired token (42001) is refreshed once and the call retried', async () => {
    const { fetch, calls } = fakeWechat({
      '/cgi-bin/message/subscribe/send': [
        { body: { errcode: 42001, errmsg: 'access_token expired' } },
        { body: { errcode: 0 } },
      ],
    });
    expect(
      await createWechatMessages(sdkOver(fetch)).sendSubscribeMessage({
        openid: 'o1',
        templateId: 'T1',
        page: 'p',
        data: {},
      }),
    ).toEqual({ ok: true });
    expect(calls.map((c) => `${c.path}:${c.token}`)).toEqual([
      '/cgi-bin/stable_token:null',
      '/cgi-bin/message/subscribe/send:TOKEN1',
      '/cgi-bin/stable_token:null',
      '/cgi-bin/message/subscribe/send:TOKEN2',
    ]);
  });

  it('a refusal over HTTPS is the same outcome as in the cloud (43101: no subscription, final)', async () => {
    const { fetch } = fakeWechat({
      '/cgi-bin/message/subscribe/send': [{ body: { errcode: 43101, errmsg: 'user refuse to accept the msg' } }],
    });
    expect(
      await createWechatMessages(sdkOver(fetch)).sendSubscribeMessage({
        openid: 'o1',
        templateId: 'T1',
        page: 'p',
        data: {},
      }),
    ).toEqual({ ok: false, errcode: 43101, retryable: false, reason: 'user refuse to accept the msg' });
  });
});
