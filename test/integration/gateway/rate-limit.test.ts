import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from '../../../cloudfunctions/gateway/server';
import {
  COUNTER_ACTIONS,
  RateLimiter,
  rateLimitFromEnv,
  type RateLimitConfig,
} from '../../../cloudfunctions/core/ratelimit';
import { describeEachDatabase } from '../../support/databases';

/** Generous mutating limits, so a suite about one policy is never refused by the other. */
const MUTATING = { mutatingPerIdentity: 100, mutatingPerIp: 100 };

describeEachDatabase('RateLimiter', (use) => {
  beforeEach(async () => {
    await use().kysely.deleteFrom('rate_limit_counters').execute();
  });
  /** A counter-action check, as the dispatcher makes it. */
  const checker = (config: RateLimitConfig, now: () => number) => {
    const limiter = new RateLimiter(config, now);
    return {
      check: (identity: string, ip: string) =>
        limiter.check(use().kysely, limiter.policyFor('staff.awardPoints', true)!, identity, ip),
    };
  };

  it('allows N per identity in the window, then refuses with the time to wait; the window slides', async () => {
    let now = 0;
    const limiter = checker(
      { actions: ['staff.awardPoints'], windowSeconds: 60, perIdentity: 3, perIp: 100, loginPerIp: 1, ...MUTATING },
      () => now,
    );
    for (let i = 0; i < 3; i++) expect((await limiter.check('a', '1.1.1.1')).ok).toBe(true);
    expect(await limiter.check('a', '1.1.1.1')).toEqual({ ok: false, limit: 'identity', retryAfterSeconds: 60 });
    expect((await limiter.check('b', '1.1.1.1')).ok).toBe(true);
    now = 60_001;
    expect((await limiter.check('a', '1.1.1.1')).ok).toBe(true);
  });

  it('limits per IP across identities, and refused calls do not count', async () => {
    const limiter = checker(
      { actions: ['staff.awardPoints'], windowSeconds: 10, perIdentity: 100, perIp: 2, loginPerIp: 1, ...MUTATING },
      () => 0,
    );
    expect((await limiter.check('a', 'ip1')).ok).toBe(true);
    expect((await limiter.check('b', 'ip1')).ok).toBe(true);
    expect(await limiter.check('c', 'ip1')).toMatchObject({ ok: false, limit: 'ip' });
    expect((await limiter.check('c', 'ip2')).ok).toBe(true);
    // c's own budget holds only the call that was let through.
    const own = await use()
      .kysely.selectFrom('rate_limit_counters')
      .select('count')
      .where('bucket', '=', 'counter:id:c')
      .executeTakeFirstOrThrow();
    expect(own.count).toBe(1);
  });
});

describe('rate limit configuration', () => {
  it('reads its numbers from the environment and refuses nonsense', () => {
    expect(
      rateLimitFromEnv({ RATE_LIMIT_PER_IDENTITY: '5', RATE_LIMIT_PER_IP: '9', RATE_LIMIT_WINDOW_SECONDS: '30' }),
    ).toMatchObject({ perIdentity: 5, perIp: 9, windowSeconds: 30 });
    expect(rateLimitFromEnv({}).actions).toEqual([
      'staff.scanMemberCode',
      'staff.awardPoints',
      'staff.redeemCoupon',
      'staff.verifyPickup',
      'staff.previewPickup',
    ]);
    expect(rateLimitFromEnv({}).actions).toEqual(COUNTER_ACTIONS);
    expect(rateLimitFromEnv({})).toMatchObject({ mutatingPerIdentity: 120, mutatingPerIp: 600 });
    expect(
      rateLimitFromEnv({ RATE_LIMIT_MUTATING_PER_IDENTITY: '11', RATE_LIMIT_MUTATING_PER_IP: '12' }),
    ).toMatchObject({ mutatingPerIdentity: 11, mutatingPerIp: 12 });
    expect(() => rateLimitFromEnv({ RATE_LIMIT_MUTATING_PER_IP: 'lots' })).toThrow(/RATE_LIMIT_MUTATING_PER_IP/);
    expect(rateLimitFromEnv({}).loginPerIp).toBe(20);
    expect(rateLimitFromEnv({ RATE_LIMIT_LOGIN_PER_IP: '7' }).loginPerIp).toBe(7);
    expect(() => rateLimitFromEnv({ RATE_LIMIT_LOGIN_PER_IP: '0' })).toThrow(/RATE_LIMIT_LOGIN_PER_IP/);
    expect(() => rateLimitFromEnv({ RATE_LIMIT_PER_IP: '-1' })).toThrow(/RATE_LIMIT_PER_IP/);
  });
});

describeEachDatabase('gateway rate limit on counter actions', (use) => {
  let gateway: Gateway;
  let now = 0;
  beforeAll(async () => {
    gateway = await startGateway({
      port: 0,
      db: use(),
      devAuth: true,
      logLevel: 'silent',
      rateLimit: {
        actions: ['staff.scanMemberCode', 'staff.awardPoints'],
        windowSeconds: 60,
        perIdentity: 3,
        perIp: 5,
        loginPerIp: 20,
        ...MUTATING,
      },
      rateLimitNow: () => now,
    });
  });
  afterAll(async () => {
    await gateway?.close();
  });

  const post = (openid: string, action: string, data: unknown) =>
    fetch(`${gateway.url}/api/fn/staff`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
      body: JSON.stringify({ action, data, idempotencyKey: `rl-${Math.random().toString(36).slice(2)}` }),
    });

  it('the 4th scan by one identity in a minute is 429 RATE_LIMITED; another identity on the IP is limited at 5; a minute later it is allowed again', async () => {
    const scan = (openid: string) => post(openid, 'scanMemberCode', { code: 'AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    for (let i = 0; i < 3; i++) expect((await scan('demo-staff')).status).toBe(409); // MEMBER_CODE_INVALID: reached the use case
    const limited = await scan('demo-staff');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(await limited.json()).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', details: { limit: 'identity' } },
    });
    // Not limited: other actions of the same identity.
    expect((await post('demo-staff', 'session', {})).status).toBe(200);
    expect(
      (
        await post('demo-manager', 'awardPoints', {
          code: 'AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
          amountFen: 100,
          receiptNo: 'R1',
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await post('demo-manager', 'awardPoints', {
          code: 'AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
          amountFen: 100,
          receiptNo: 'R1',
        })
      ).status,
    ).toBe(409);
    const byIp = await post('demo-manager', 'awardPoints', {
      code: 'AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      amountFen: 100,
      receiptNo: 'R1',
    });
    expect(byIp.status).toBe(429);
    expect(await byIp.json()).toMatchObject({ error: { code: 'RATE_LIMITED', details: { limit: 'ip' } } });
    now += 61_000;
    expect((await scan('demo-staff')).status).toBe(409);
  });
});
