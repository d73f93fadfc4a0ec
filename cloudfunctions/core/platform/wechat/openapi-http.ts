import type { Fetch } from './http-fetch';
import type { WxServerSdk } from './sdk';

const WX_API = 'https://api.weixin.qq.com';

/** WeChat's answers meaning the access token is no longer valid: refresh once and retry. */
const TOKEN_EXPIRED = new Set([40001, 40014, 42001]);

/**
 * Outside WeChat Cloud (self-hosted), the same openapi calls over HTTPS with an access token, shaped
 * like wx-server-sdk's `openapi` so the port implementations (phone, messages, mini-code, shipping)
 * serve both. The token comes from `stable_token`, which does not invalidate the token another
 * replica holds, so every replica can fetch and cache its own.
 */
function createHttpOpenapi(
  fetch: Fetch,
  appid: string,
  secret: string,
  now: () => Date = () => new Date(),
): NonNullable<WxServerSdk['openapi']> {
  let cached: { token: string; until: number } | null = null;

  async function accessToken(): Promise<string> {
    if (cached && cached.until > now().getTime()) return cached.token;
    const res = await fetch(`${WX_API}/cgi-bin/stable_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credential', appid, secret, force_refresh: false }),
    });
    const body = (await res.json()) as {
      access_token?: string;
      expires_in?: number;
      errcode?: number;
      errmsg?: string;
    };
    if (!body.access_token)
      throw Object.assign(new Error(`stable_token failed: ${body.errmsg ?? ''}`), {
        errCode: body.errcode ?? -1,
        errMsg: body.errmsg,
      });
    // Refresh five minutes early: a token used at its last second can expire in flight.
    cached = { token: body.access_token, until: now().getTime() + ((body.expires_in ?? 7200) - 300) * 1000 };
    return cached.token;
  }

  async function post(path: string, payload: Record<string, unknown>, retried = false): Promise<Record<string, any>> {
    const res = await fetch(`${WX_API}${path}?access_token=${encodeURIComponent(await accessToken())}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    const type = res.headers?.get('content-type') ?? 'application/json';
    if (type.startsWith('image/') && res.arrayBuffer)
      return { errcode: 0, contentType: type, buffer: Buffer.from(await res.arrayBuffer()) };
    const body = (await res.json()) as Record<string, any>;
    if (!retried && TOKEN_EXPIRED.has(Number(body.errcode))) {
      cached = null;
      return post(path, payload, true);
    }
    return body;
  }

  return {
    phonenumber: { getPhoneNumber: ({ code }) => post('/wxa/business/getuserphonenumber', { code }) },
    subscribeMessage: {
      send: (p) =>
        post('/cgi-bin/message/subscribe/send', {
          touser: p.touser,
          template_id: p.templateId,
          page: p.page,
          data: p.data,
          miniprogram_state: p.miniprogramState,
        }),
    },
    wxacode: {
      getUnlimited: (p) =>
        post('/wxa/getwxacodeunlimit', {
          scene: p.scene,
          page: p.page,
          width: p.width,
          check_path: p.checkPath,
          env_version: p.envVersion,
        }),
    },
    wxa: {
      sec: {
        order: {
          uploadShippingInfo: (p) => post('/wxa/sec/order/upload_shipping_info', p),
          getOrder: (p) => post('/wxa/sec/order/get_order', p),
        },
      },
    },
  };
}

/** A wx-server-sdk stand-in with only `openapi`, over HTTPS (no cloud identity, no cloudPay). */
export function createHttpWxSdk(fetch: Fetch, appid: string, secret: string, now?: () => Date): WxServerSdk {
  return {
    DYNAMIC_CURRENT_ENV: 'self-hosted',
    init: () => undefined,
    getWXContext: () => ({}),
    openapi: createHttpOpenapi(fetch, appid, secret, now),
  };
}
