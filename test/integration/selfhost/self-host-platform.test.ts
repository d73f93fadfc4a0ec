import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway } from '../../../cloudfunctions/gateway/server';
import { Clock } from '../../../cloudfunctions/gateway/clock';
import { openDb, type Db } from '../../../cloudfunctions/core/db/db';
import { migrate } from '../../../cloudfunctions/core/db/migrate';
import { seedDemoStore } from '../../../cloudfunctions/core/db/seed/seed';
import { createLocalPlatform } from '../../../cloudfunctions/core/platform/local/local-platform';
import type { Fetch } from '../../../cloudfunctions/core/platform/wechat/http-fetch';
import { TEST_APPID, wxpayTestConfig, wxpayTestKeys } from '../../support/wxpay-v3';

const AUTH = {
  appid: TEST_APPID,
  appSecret: '0123456789abcdef0123456789abcdef',
  sessionSecret: 'self-host-platform-session-secret-0123',
  sessionTtlSeconds: 3600,
};

/** code2session: every js_code is a WeChat user `o_<code>`. */
const wechat: Fetch = async (url) => {
  const body = { openid: `o_${new URL(url).searchParams.get('js_code')}`, session_key: 'sk' };
  return { status: 200, json: async () => body, text: async () => JSON.stringify(body) };
};

describe('a self-hosted gateway runs on a platform of its own', () => {
  let db: Db;
  const clock = new Clock();
  beforeAll(async () => {
    db = await openDb();
    await migrate(db);
    await seedDemoStore(db.kysely);
  });
  afterAll(async () => {
    await db?.close();
  });

  const callMe = (app: Awaited<ReturnType<typeof buildGateway>>, headers: Record<string, string>) =>
    app.inject({ method: 'POST', url: '/api/fn/member', headers, payload: { action: 'member.me' } });

  it('leaves the local platform it was built from as it was: same ports, still dev sign-in and the simulators', async () => {
    const local = createLocalPlatform({ devAuth: true, nodeEnv: 'test', db, now: () => clock.now() });
    const before = { ...local };
    const selfHosted = await buildGateway({
      db,
      clock,
      platform: local,
      devAuth: true,
      nodeEnv: 'test',
      logLevel: 'silent',
      rateLimit: false,
      selfHost: { auth: AUTH, wxpay: wxpayTestConfig(wxpayTestKeys()), fetch: wechat },
    });
    let token: string;
    try {
      expect(Object.keys(local).sort()).toEqual(Object.keys(before).sort());
      for (const [port, value] of Object.entries(before)) expect(local[port as keyof typeof local], port).toBe(value);

      // The self-hosted gateway itself signs in with WeChat sessions.
      const login = await selfHosted.inject({ method: 'POST', url: '/api/auth/login', payload: { code: 'c1' } });
      expect(login.statusCode).toBe(200);
      token = login.json().data.token;
      const me = await callMe(selfHosted, { authorization: `Bearer ${token}` });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ ok: true, data: { memberId: expect.any(String) } });
    } finally {
      await selfHosted.close();
    }

    // The local platform knows nothing of session tokens, only the dev header.
    expect(local.identity.identify({ headers: { authorization: `Bearer ${token}` } })).toEqual({
      openid: null,
      source: 'none',
    });
    expect(local.identity.identify({ headers: { 'x-dev-openid': 'o_dev_1' } })).toEqual({
      openid: 'o_dev_1',
      source: 'dev-header',
    });

    // A local gateway on the same platform afterwards (as the other suites build them) runs the stand-ins.
    const plain = await buildGateway({
      db,
      clock,
      platform: local,
      devAuth: true,
      nodeEnv: 'test',
      logLevel: 'silent',
    });
    try {
      expect((await callMe(plain, { authorization: `Bearer ${token}` })).statusCode).toBe(401);
      expect((await callMe(plain, { 'x-dev-openid': 'o_dev_1' })).statusCode).toBe(200);
      expect((await plain.inject({ method: 'POST', url: '/api/auth/login', payload: { code: 'c2' } })).statusCode).toBe(
        404,
      );
    } finally {
      await plain.close();
    }
  });
});
