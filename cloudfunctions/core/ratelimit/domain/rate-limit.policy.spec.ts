import { describe, expect, it } from 'vitest';
import { contract, type ActionSpec } from '../../contract';
import {
  bucketsFor,
  DEFAULT_RATE_LIMIT,
  loginPolicy,
  policyFor,
  rateLimitSettingFromEnv,
  retryAfterSeconds,
} from './rate-limit.policy';

describe('rate-limit policies', () => {
  it('counter actions get the counter policy, other writes the mutating one, reads none', () => {
    const policyOf = (name: string) =>
      policyFor(DEFAULT_RATE_LIMIT, name, (contract as Record<string, ActionSpec>)[name]!.mutating === true)?.name ??
      null;
    expect(policyOf('staff.verifyPickup')).toBe('counter');
    expect(policyOf('staff.scanMemberCode')).toBe('counter');
    expect(policyOf('member.claimCoupon')).toBe('mutating');
    expect(policyOf('staff.bind')).toBe('mutating');
    expect(policyOf('catalog.home')).toBeNull();
    expect(policyOf('staff.session')).toBeNull();
    // Every counter action is a contract action, so a rename cannot silently drop its limit.
    for (const name of DEFAULT_RATE_LIMIT.actions) expect(Object.hasOwn(contract, name), name).toBe(true);
  });

  it('buckets per identity and per IP, in one key order; login and server-side callers have one', () => {
    const counter = policyFor(DEFAULT_RATE_LIMIT, 'staff.awardPoints', true)!;
    expect(bucketsFor(counter, 'o1', '1.2.3.4')).toEqual([
      { key: 'counter:id:o1', limit: 'identity', max: 30 },
      { key: 'counter:ip:1.2.3.4', limit: 'ip', max: 120 },
    ]);
    expect(bucketsFor(counter, 'o1', null).map((b) => b.key)).toEqual(['counter:id:o1']);
    expect(bucketsFor(loginPolicy(DEFAULT_RATE_LIMIT), 'o1', '1.2.3.4')).toEqual([
      { key: 'login:ip:1.2.3.4', limit: 'ip', max: 20 },
    ]);
  });

  it('retry-after is whole seconds between 1 and the window, even when clocks disagree', () => {
    expect(retryAfterSeconds(0, 60, 0)).toBe(60);
    expect(retryAfterSeconds(0, 60, 30_000)).toBe(30);
    expect(retryAfterSeconds(0, 60, 59_999)).toBe(1);
    expect(retryAfterSeconds(0, 60, 70_000)).toBe(1);
    expect(retryAfterSeconds(5_000, 60, 0)).toBe(60);
  });

  it('RATE_LIMIT=off turns limiting off; anything else reads the numbers', () => {
    expect(rateLimitSettingFromEnv({ RATE_LIMIT: 'off' })).toBe(false);
    expect(rateLimitSettingFromEnv({})).toEqual(DEFAULT_RATE_LIMIT);
  });
});
