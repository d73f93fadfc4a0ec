import type { Fetch } from '../core/platform/wechat/http-fetch';

/**
 * `wx.login` code -> openid, through WeChat's code2session
 * (`GET https://api.weixin.qq.com/sns/jscode2session?appid&secret&js_code&grant_type=authorization_code`).
 * The fetch is injected so tests answer as WeChat does without the network. session_key is never
 * kept or returned: this shop needs only the openid.
 */
export type Code2Session =
  { ok: true; openid: string; unionid?: string } | { ok: false; retryable: boolean; errcode: number; reason: string };

const CODE2SESSION_URL = 'https://api.weixin.qq.com/sns/jscode2session';

export async function code2session(fetch: Fetch, appid: string, secret: string, code: string): Promise<Code2Session> {
  const query = new URLSearchParams({ appid, secret, js_code: code, grant_type: 'authorization_code' });
  let body: { openid?: string; unionid?: string; errcode?: number; errmsg?: string };
  try {
    const res = await fetch(`${CODE2SESSION_URL}?${query}`, { method: 'GET' });
    body = (await res.json()) as typeof body;
  } catch (error) {
    return { ok: false, retryable: true, errcode: -1, reason: error instanceof Error ? error.message : String(error) };
  }
  if (body.openid && !body.errcode)
    return { ok: true, openid: body.openid, ...(body.unionid ? { unionid: body.unionid } : {}) };
  const errcode = Number(body.errcode ?? -1);
  // -1: WeChat busy; 45011: rate limited. 40029 (bad code) and 40163 (code used) are the caller's.
  return {
    ok: false,
    retryable: errcode === -1 || errcode === 45011,
    errcode,
    reason: String(body.errmsg ?? 'no openid'),
  };
}
