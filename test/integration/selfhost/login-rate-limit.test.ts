import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from '../../../cloudfunctions/gateway/server';
import type { Fetch } from '../../../cloudfunctions/core/platform/wechat/http-fetch';
import { TEST_APPID } from '../../support/wxpay-v3';

const AUTH = {
  appid: TEST_APPID,
  appSecret: '0123456789abcdef0123456789abcdef',
  sessionSecret: 'login-limit-session-secret-0123456789',
  sessionTtlSeconds: 3600,
};

describe('self-hosted login is rate limited per client IP before code2session', () => {
  /** Every js_code WeChat was asked about: a refused login must not appear here. */
  const asked: string[] = [];
  const wechat: Fetch = async (url) => {
    const code = new URL(url).searchParams.get('js_code')!;
    asked.push(code);
    const body = { openid: `o_${code}`, session_key: 'sk' };
    return { status: 200, json: async () => body, text: async () => JSON.stringify(body) };
  };
  let gateway: Gateway;
  let now = 1_000_000;
  beforeAll(async () => {
    gateway = await startGateway({
      port: 0,
      logLevel: 'silent',
      trustProxy: '127.0.0.1',
      rateLimit: {
        actions: [],
        windowSeconds: 60,
        perIdentity: 100,
        perIp: 100,
        loginPerIp: 3,
        mutatingPerIdentity: 100,
        mutatingPerIp: 100,
      },
      rateLimitNow: () => now,
      selfHost: { auth: AUTH, fetch: wechat },
    });
  });
  afterAll(async () => {
    await gateway?.close();
  });

  const login = (ip: string, code: string, headers: Record<string, string> = {}) =>
    gateway.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, headers, payload: { code } });

  it('the 4th login from one IP in the window is 429 RATE_LIMITED without asking WeChat; another IP still signs in; after the window it works again', async () => {
    for (let i = 1; i <= 3; i++) expect((await login('203.0.113.7', `a${i}`)).statusCode).toBe(200);
    const limited = await login('203.0.113.7', 'a4');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('60');
    expect(limited.json()).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', details: { limit: 'ip', retryAfterSeconds: 60 } },
    });
    expect(asked).toEqual(['a1', 'a2', 'a3']);

    const other = await login('198.51.100.9', 'b1');
    expect(other.statusCode).toBe(200);
    expect(other.json().data.token).toEqual(expect.any(String));

    now += 30_000;
    expect((await login('203.0.113.7', 'a5')).headers['retry-after']).toBe('30');
    now += 30_001;
    expect((await login('203.0.113.7', 'a6')).statusCode).toBe(200);
    expect(asked).toEqual(['a1', 'a2', 'a3', 'b1', 'a6']);
  });

  it('behind the trusted proxy each client is limited by its X-Forwarded-For address, not the proxy address', async () => {
    const viaProxy = (client: string, code: string) => login('127.0.0.1', code, { 'x-forwarded-for': client });
    for (let i = 1; i <= 3; i++) expect((await viaProxy('192.0.2.1', `p${i}`)).statusCode).toBe(200);
    expect((await viaProxy('192.0.2.1', 'p4')).statusCode).toBe(429);
    expect((await viaProxy('192.0.2.2', 'q1')).statusCode).toBe(200);
    // An untrusted peer cannot pick its bucket by sending the header itself.
    for (let i = 1; i <= 3; i++)
      expect((await login('192.0.2.50', `s${i}`, { 'x-forwarded-for': `10.9.9.${i}` })).statusCode).toBe(200);
    expect((await login('192.0.2.50', 's4', { 'x-forwarded-for': '10.9.9.4' })).statusCode).toBe(429);
  });
});
