import type { Executor } from '../db/db';
import {
  bucketsFor,
  loginPolicy,
  policyFor,
  rateLimitSettingFromEnv,
  retryAfterSeconds,
  type RateDecision,
  type RateLimitConfig,
  type RatePolicy,
} from './domain/rate-limit.policy';
import { countHits, pruneExpired, uncountHit } from './repo/rate-limit.repo';

/** Checks between prunes, per process: often enough that idle buckets never pile up, rare enough to cost nothing. */
const PRUNE_EVERY = 500;

/**
 * Rate limits counted in Postgres, so every gateway replica and every cloud function instance on
 * the database share one budget per identity and per client IP. Windows are fixed, each starting
 * at its bucket's first call, so the answer to a refused call says exactly when to come back.
 * The counter is written on its own (autocommit), never inside an action's transaction: a call that
 * is refused or rolled back later still counts.
 */
export class RateLimiter {
  private checks = 0;

  constructor(
    readonly config: RateLimitConfig,
    /** Wall clock in ms (tests move it); not the dev clock, which jumps days for the demo. */
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** The policy `action` is limited by, or null when it is not limited. */
  policyFor(action: string, mutating: boolean): RatePolicy | null {
    return policyFor(this.config, action, mutating);
  }

  /** Counts a sign-in attempt from `ip`. */
  checkLogin(exec: Executor, ip: string | null): Promise<RateDecision> {
    return this.check(exec, loginPolicy(this.config), null, ip);
  }

  /**
   * Counts the call in each of its buckets; refuses when any bucket is over its limit, and then
   * takes the hit back from the buckets that allowed it, so a call refused for the shared IP does
   * not also spend the caller's own budget.
   */
  async check(exec: Executor, policy: RatePolicy, identity: string | null, ip: string | null): Promise<RateDecision> {
    const buckets = bucketsFor(policy, identity, ip);
    if (buckets.length === 0) return { ok: true };
    const now = this.nowMs();
    const expiredBefore = new Date(now - this.config.windowSeconds * 1000);
    if (++this.checks % PRUNE_EVERY === 0) await pruneExpired(exec, expiredBefore);
    const hits = await countHits(
      exec,
      buckets.map((b) => b.key),
      new Date(now),
      expiredBefore,
    );
    const over = buckets
      .map((bucket) => ({ bucket, hit: hits.find((h) => h.bucket === bucket.key)! }))
      .filter(({ bucket, hit }) => hit.count > bucket.max);
    if (over.length === 0) return { ok: true };
    for (const hit of hits) {
      if (!over.some((o) => o.hit === hit)) await uncountHit(exec, hit.bucket, hit.windowStart);
    }
    const { bucket, hit } = over[0]!;
    return {
      ok: false,
      limit: bucket.limit,
      retryAfterSeconds: retryAfterSeconds(hit.windowStart.getTime(), this.config.windowSeconds, now),
    };
  }
}

const fromEnv = new WeakMap<object, RateLimiter | null>();

/**
 * The limiter a cloud function instance uses, built once per environment object: the prune counter
 * lives as long as the warm instance, and a malformed variable fails the first call loudly.
 */
export function rateLimiterFromEnv(env: Record<string, string | undefined>): RateLimiter | null {
  if (!fromEnv.has(env)) {
    const setting = rateLimitSettingFromEnv(env);
    fromEnv.set(env, setting === false ? null : new RateLimiter(setting));
  }
  return fromEnv.get(env)!;
}
