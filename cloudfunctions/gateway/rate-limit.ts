import type { FastifyReply } from 'fastify';
import { fail, httpStatusOf } from '../core/errors';

/**
 * Rate limits for the counter actions that spend member codes and award points: a stolen staff
 * session, or a script guessing member codes, gets 429 RATE_LIMITED long before it gets far.
 * Sliding window per identity (openid) and per client IP, in memory: each gateway replica limits on
 * its own, so N replicas allow up to N times the rate (a shared store is not worth it for this).
 */
export interface RateLimitConfig {
  /** Full action names (`staff.awardPoints`) that are limited. */
  actions: readonly string[];
  windowSeconds: number;
  perIdentity: number;
  perIp: number;
  /**
   * `POST /api/auth/login` per client IP in the same window: every login costs a code2session call,
   * and WeChat limits those per appid, so one script hammering login would lock every customer out.
   */
  loginPerIp: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = {
  actions: ['staff.scanMemberCode', 'staff.awardPoints'],
  windowSeconds: 60,
  perIdentity: 30,
  perIp: 120,
  loginPerIp: 20,
};

/** Reads `RATE_LIMIT_WINDOW_SECONDS`, `RATE_LIMIT_PER_IDENTITY`, `RATE_LIMIT_PER_IP`, `RATE_LIMIT_LOGIN_PER_IP` (positive integers). */
export function rateLimitFromEnv(env: Record<string, string | undefined>): RateLimitConfig {
  const int = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
    return n;
  };
  return {
    ...DEFAULT_RATE_LIMIT,
    windowSeconds: int('RATE_LIMIT_WINDOW_SECONDS', DEFAULT_RATE_LIMIT.windowSeconds),
    perIdentity: int('RATE_LIMIT_PER_IDENTITY', DEFAULT_RATE_LIMIT.perIdentity),
    perIp: int('RATE_LIMIT_PER_IP', DEFAULT_RATE_LIMIT.perIp),
    loginPerIp: int('RATE_LIMIT_LOGIN_PER_IP', DEFAULT_RATE_LIMIT.loginPerIp),
  };
}

export type RateDecision = { ok: true } | { ok: false; limit: 'identity' | 'ip'; retryAfterSeconds: number };

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private calls = 0;

  constructor(
    readonly config: RateLimitConfig,
    private readonly nowMs: () => number = Date.now,
  ) {}

  limits(action: string): boolean {
    return this.config.actions.includes(action);
  }

  /** Counts the call against both buckets only when both allow it. */
  check(identity: string | null, ip: string): RateDecision {
    const now = this.nowMs();
    const windowMs = this.config.windowSeconds * 1000;
    if (++this.calls % 1000 === 0) this.sweep(now - windowMs);
    const buckets: Array<['identity' | 'ip', string, number]> = [['ip', `ip:${ip}`, this.config.perIp]];
    if (identity) buckets.unshift(['identity', `id:${identity}`, this.config.perIdentity]);
    const recent = buckets.map(([, key]) => (this.hits.get(key) ?? []).filter((t) => t > now - windowMs));
    for (let i = 0; i < buckets.length; i++) {
      const [limit, , max] = buckets[i]!;
      if (recent[i]!.length >= max) return { ok: false, limit, retryAfterSeconds: Math.max(1, Math.ceil((recent[i]![0]! + windowMs - now) / 1000)) };
    }
    buckets.forEach(([, key], i) => this.hits.set(key, [...recent[i]!, now]));
    return { ok: true };
  }

  /** Drops buckets with no hit inside the window, so idle identities do not pile up. */
  private sweep(cutoff: number): void {
    for (const [key, times] of this.hits) if (!times.some((t) => t > cutoff)) this.hits.delete(key);
  }
}

/** Logins get their own buckets (per IP only: there is no identity yet), so they never eat the counter budget. */
export function createLoginLimiter(config: RateLimitConfig, nowMs?: () => number): RateLimiter {
  return new RateLimiter({ ...config, actions: [], perIdentity: config.loginPerIp, perIp: config.loginPerIp }, nowMs);
}

/** 429 RATE_LIMITED with `retry-after`, when the decision refused; otherwise null (go on). */
export function refuseIfLimited(reply: FastifyReply, decision: RateDecision): FastifyReply | null {
  if (decision.ok) return null;
  const envelope = fail('RATE_LIMITED', undefined, { limit: decision.limit, retryAfterSeconds: decision.retryAfterSeconds });
  return reply.header('retry-after', String(decision.retryAfterSeconds)).code(httpStatusOf(envelope)).send(envelope);
}
