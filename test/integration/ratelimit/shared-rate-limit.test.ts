import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import type { CallContext } from '../../../cloudfunctions/core/context';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { dispatch } from '../../../cloudfunctions/core/dispatcher';
import { createLocalPlatform } from '../../../cloudfunctions/core/platform/local/local-platform';
import type { Fetch } from '../../../cloudfunctions/core/platform/wechat/http-fetch';
import type { WxServerSdk } from '../../../cloudfunctions/core/platform/wechat/sdk';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitConfig } from '../../../cloudfunctions/core/ratelimit';
import { createCloudFunction } from '../../../cloudfunctions/core/runtime/cloud-main';
import { startGateway, type Gateway } from '../../../cloudfunctions/gateway/server';
import { changes, snapshotter } from '../../support/bad-input/db-snapshot';
import { describeEachDatabase, describeOnPostgres, tableCounts } from '../../support/databases';
import { TEST_APPID } from '../../support/wxpay-v3';

/** A well-formed member code that no member holds: the use case answers MEMBER_CODE_INVALID (409). */
const UNKNOWN_CODE = 'AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const limits = (overrides: Partial<RateLimitConfig>): RateLimitConfig => ({ ...DEFAULT_RATE_LIMIT, ...overrides });
const key = () => `rl-${randomUUID()}`;

/** One call through the dispatcher as an adapter makes it: with a limiter and a client IP. */
function callWithLimit(
  db: Db,
  limiter: RateLimiter,
  openid: string,
  ip: string | null,
  fn: string,
  action: string,
  data: unknown,
) {
  const ctx: CallContext = {
    db,
    platform: createLocalPlatform({ devAuth: true, db, now: () => new Date() }),
    identity: { openid, source: 'dev-header' },
    storeId: 'demo',
    now: new Date(),
    requestId: randomUUID(),
    clientIp: ip,
    rateLimiter: limiter,
  };
  return dispatch(fn, { action, data, idempotencyKey: key() }, ctx);
}

const codeOf = (envelope: { ok: boolean; error?: { code: string } }) => (envelope.ok ? 'OK' : envelope.error!.code);
const tally = (codes: string[]) => codes.reduce<Record<string, number>>((t, c) => ({ ...t, [c]: (t[c] ?? 0) + 1 }), {});

describeOnPostgres('rate limits shared by gateway replicas on one Postgres', (use, url) => {
  let a: Gateway;
  let b: Gateway;
  const asked: string[] = [];
  const wechat: Fetch = async (requested) => {
    const code = new URL(requested).searchParams.get('js_code')!;
    asked.push(code);
    const body = { openid: `o_${code}`, session_key: 'sk' };
    return { status: 200, json: async () => body, text: async () => JSON.stringify(body) };
  };
  beforeAll(async () => {
    const common = {
      databaseUrl: url(),
      port: 0,
      seed: false,
      devAuth: true,
      logLevel: 'silent' as const,
      rateLimit: limits({ perIdentity: 3, mutatingPerIp: 30, loginPerIp: 3 }),
      selfHost: {
        auth: {
          appid: TEST_APPID,
          appSecret: '0123456789abcdef0123456789abcdef',
          sessionSecret: 'shared-limit-session-secret-0123456789',
          sessionTtlSeconds: 3600,
        },
        fetch: wechat,
      },
    };
    a = await startGateway(common);
    b = await startGateway(common);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });
  beforeEach(async () => {
    await use().kysely.deleteFrom('rate_limit_counters').execute();
  });

  const scan = (gateway: Gateway, openid: string) =>
    fetch(`${gateway.url}/api/fn/staff`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
      body: JSON.stringify({ action: 'scanMemberCode', data: { code: UNKNOWN_CODE }, idempotencyKey: key() }),
    });

  it('one identity gets one budget, whichever replica it calls: the 4th scan is refused on either', async () => {
    expect((await scan(a, 'demo-staff')).status).toBe(409);
    expect((await scan(b, 'demo-staff')).status).toBe(409);
    expect((await scan(a, 'demo-staff')).status).toBe(409);
    const onB = await scan(b, 'demo-staff');
    expect(onB.status).toBe(429);
    expect(onB.headers.get('retry-after')).toMatch(/^(59|60)$/);
    expect(await onB.json()).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', details: { limit: 'identity', retryAfterSeconds: expect.any(Number) } },
    });
    expect((await scan(a, 'demo-staff')).status).toBe(429);
  });

  it('a burst from one IP spread over both replicas admits exactly the per-IP limit (50 calls, limit 30)', async () => {
    // Fifty identities, so only the shared per-IP bucket can refuse; staff and manager alternate.
    const calls = Array.from({ length: 50 }, (_, i) =>
      fetch(`${(i % 2 ? a : b).url}/api/fn/member`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dev-openid': `burst-ip-${i}` },
        body: JSON.stringify({ action: 'ackCelebration', data: {}, idempotencyKey: key() }),
      }).then((r) => r.status),
    );
    const statuses = tally((await Promise.all(calls)).map(String));
    console.log(`per-IP burst over two replicas: ${JSON.stringify(statuses)}`);
    expect(statuses).toEqual({ 200: 30, 429: 20 });
    // The refused twenty never became members: nothing but their counter was written.
    const members = await use()
      .kysely.selectFrom('members')
      .select('openid')
      .where('openid', 'like', 'burst-ip-%')
      .execute();
    expect(members).toHaveLength(30);
  }, 60_000);

  it('sign-in is limited per IP across replicas, before WeChat is asked', async () => {
    const login = (gateway: Gateway, code: string) =>
      fetch(`${gateway.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
    expect((await login(a, 'l1')).status).toBe(200);
    expect((await login(b, 'l2')).status).toBe(200);
    expect((await login(a, 'l3')).status).toBe(200);
    const refused = await login(b, 'l4');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^(59|60)$/);
    expect(await refused.json()).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', details: { limit: 'ip' } },
    });
    expect((await login(a, 'l5')).status).toBe(429);
    expect(asked).toEqual(['l1', 'l2', 'l3']);
  });
});

describeOnPostgres('a concurrent burst on Postgres', (use) => {
  it('50 parallel scans by one identity with a limit of 30 admit exactly 30', async () => {
    const limiter = new RateLimiter(limits({ perIdentity: 30, perIp: 1000 }));
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        callWithLimit(use(), limiter, 'demo-staff', `198.51.100.${i}`, 'staff', 'scanMemberCode', {
          code: UNKNOWN_CODE,
        }),
      ),
    );
    const codes = tally(answers.map(codeOf));
    console.log(`per-identity burst: ${JSON.stringify(codes)}`);
    expect(codes).toEqual({ MEMBER_CODE_INVALID: 30, RATE_LIMITED: 20 });
    const counter = await use()
      .kysely.selectFrom('rate_limit_counters')
      .select('count')
      .where('bucket', '=', 'counter:id:demo-staff')
      .executeTakeFirstOrThrow();
    expect(counter.count).toBe(50);
  }, 60_000);
});

describeEachDatabase('a refused call', (use) => {
  it('changes no business table: no member, no idempotency key, nothing but its counter', async () => {
    const limiter = new RateLimiter(limits({ mutatingPerIdentity: 100, mutatingPerIp: 2 }));
    const ack = (openid: string) =>
      callWithLimit(use(), limiter, openid, '203.0.113.200', 'member', 'ackCelebration', {});
    expect(codeOf(await ack('refused-a'))).toBe('OK');
    expect(codeOf(await ack('refused-b'))).toBe('OK');
    const snapshot = await snapshotter(use());
    const before = await snapshot({ content: true });
    const countsBefore = await tableCounts(use());

    const refused = await ack('refused-c');
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试', details: { limit: 'ip' } },
    });

    expect(await tableCounts(use())).toEqual(countsBefore);
    expect(
      changes(before, await snapshot({ content: true })).filter(
        (c) => !c.startsWith('hash:rate_limit_counters') && !c.startsWith('rows:rate_limit_counters'),
      ),
    ).toEqual([]);
    const member = await use()
      .kysely.selectFrom('members')
      .select('id')
      .where('openid', '=', 'refused-c')
      .executeTakeFirst();
    expect(member).toBeUndefined();
  });
});

/** wx-server-sdk replaced at its boundary: what `cloud.getWXContext()` answers in WeChat Cloud. */
function fakeSdk(openid: string, clientIp: string): WxServerSdk {
  return {
    DYNAMIC_CURRENT_ENV: Symbol.for('DYNAMIC_CURRENT_ENV'),
    init: () => undefined,
    getWXContext: () => ({
      OPENID: openid,
      APPID: 'wx0000000000000000',
      ENV: 'prod-1',
      CLIENTIP: clientIp,
      SOURCE: 'wx_client',
    }),
  };
}

describeEachDatabase('a deployed cloud function', (use) => {
  const env = {
    MEMBER_CODE_SECRET: 'cloud-member-code-secret-0123456789abcdef',
    RATE_LIMIT_PER_IDENTITY: '3',
    RATE_LIMIT_PER_IP: '5',
  };
  // The counter reads the member-code secret from the process environment, as on WeChat Cloud.
  beforeAll(() => {
    vi.stubEnv('MEMBER_CODE_SECRET', env.MEMBER_CODE_SECRET);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('is limited per OPENID and per CLIENTIP from getWXContext, with the time to wait', async () => {
    const asStaff = createCloudFunction('staff', {
      sdk: () => fakeSdk('demo-staff', '203.0.113.9'),
      db: async () => use(),
      env,
    });
    const asManager = createCloudFunction('staff', {
      sdk: () => fakeSdk('demo-manager', '203.0.113.9'),
      db: async () => use(),
      env,
    });
    const scan = (fn: typeof asStaff) =>
      fn({ action: 'scanMemberCode', data: { code: UNKNOWN_CODE }, idempotencyKey: key() });
    for (let i = 0; i < 3; i++) expect(codeOf(await scan(asStaff))).toBe('MEMBER_CODE_INVALID');
    const limited = await scan(asStaff);
    expect(limited).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', details: { limit: 'identity' } } });
    const wait = (limited as { error: { details: { retryAfterSeconds: number } } }).error.details.retryAfterSeconds;
    expect(wait).toBeGreaterThanOrEqual(59);
    expect(wait).toBeLessThanOrEqual(60);
    // Another identity on the same address: the per-IP budget (5) is what is left of it.
    expect(codeOf(await scan(asManager))).toBe('MEMBER_CODE_INVALID');
    expect(codeOf(await scan(asManager))).toBe('MEMBER_CODE_INVALID');
    expect(await scan(asManager)).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', details: { limit: 'ip' } },
    });
  });
});
