/**
 * Which calls are limited, how many per window, and the buckets a call is counted in. Pure: the
 * counting itself is in the repo, shared by every replica through the database.
 */
export interface RateLimitConfig {
  /**
   * Counter actions that spend member codes, award points and redeem: a stolen staff session, or a
   * script guessing member codes, is stopped long before it gets far.
   */
  actions: readonly string[];
  windowSeconds: number;
  /** Counter actions per signed-in identity (openid) per window. */
  perIdentity: number;
  /** Counter actions per client IP per window. */
  perIp: number;
  /**
   * `POST /api/auth/login` per client IP in the same window: every login costs a code2session call,
   * and WeChat limits those per appid, so one script hammering login would lock every customer out.
   */
  loginPerIp: number;
  /** Every other mutating action per identity: generous, only a runaway client or script reaches it. */
  mutatingPerIdentity: number;
  /** Every other mutating action per client IP; customers behind one NAT share it, hence the headroom. */
  mutatingPerIp: number;
}

export const COUNTER_ACTIONS: readonly string[] = [
  'staff.scanMemberCode',
  'staff.awardPoints',
  'staff.redeemCoupon',
  'staff.verifyPickup',
  // A lookup by pickup code: limited like the verification, so codes cannot be guessed through it.
  'staff.previewPickup',
];

export const DEFAULT_RATE_LIMIT: RateLimitConfig = {
  actions: COUNTER_ACTIONS,
  windowSeconds: 60,
  perIdentity: 30,
  perIp: 120,
  loginPerIp: 20,
  mutatingPerIdentity: 120,
  mutatingPerIp: 600,
};

/**
 * Reads `RATE_LIMIT_WINDOW_SECONDS`, `RATE_LIMIT_PER_IDENTITY`, `RATE_LIMIT_PER_IP`,
 * `RATE_LIMIT_LOGIN_PER_IP`, `RATE_LIMIT_MUTATING_PER_IDENTITY`, `RATE_LIMIT_MUTATING_PER_IP`
 * (positive integers); throws on anything else so a typo never silently means "no limit".
 */
export function rateLimitFromEnv(env: Record<string, string | undefined>): RateLimitConfig {
  const int = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
    return n;
  };
  const d = DEFAULT_RATE_LIMIT;
  return {
    actions: d.actions,
    windowSeconds: int('RATE_LIMIT_WINDOW_SECONDS', d.windowSeconds),
    perIdentity: int('RATE_LIMIT_PER_IDENTITY', d.perIdentity),
    perIp: int('RATE_LIMIT_PER_IP', d.perIp),
    loginPerIp: int('RATE_LIMIT_LOGIN_PER_IP', d.loginPerIp),
    mutatingPerIdentity: int('RATE_LIMIT_MUTATING_PER_IDENTITY', d.mutatingPerIdentity),
    mutatingPerIp: int('RATE_LIMIT_MUTATING_PER_IP', d.mutatingPerIp),
  };
}

/** `RATE_LIMIT=off` turns limiting off (a laptop demo, a load test); otherwise the config from env. */
export function rateLimitSettingFromEnv(env: Record<string, string | undefined>): RateLimitConfig | false {
  return env.RATE_LIMIT === 'off' ? false : rateLimitFromEnv(env);
}

export type PolicyName = 'counter' | 'mutating' | 'login';

/** Per-identity and per-IP ceilings of one policy; each policy has buckets of its own. */
export interface RatePolicy {
  name: PolicyName;
  perIdentity: number | null;
  perIp: number;
}

/** The policy an action is counted under, or null when it is not limited (reads). */
export function policyFor(config: RateLimitConfig, action: string, mutating: boolean): RatePolicy | null {
  if (config.actions.includes(action)) return { name: 'counter', perIdentity: config.perIdentity, perIp: config.perIp };
  if (mutating) return { name: 'mutating', perIdentity: config.mutatingPerIdentity, perIp: config.mutatingPerIp };
  return null;
}

/** Sign-in has no identity yet: per client IP only. */
export function loginPolicy(config: RateLimitConfig): RatePolicy {
  return { name: 'login', perIdentity: null, perIp: config.loginPerIp };
}

export type LimitKind = 'identity' | 'ip';

export interface Bucket {
  key: string;
  limit: LimitKind;
  max: number;
}

/**
 * The buckets one call is counted in, sorted by key: every caller locks counter rows in the same
 * order, so two calls sharing both buckets can never deadlock. A call with no known client IP
 * (a server-side caller) is limited per identity only.
 */
export function bucketsFor(policy: RatePolicy, identity: string | null, ip: string | null): Bucket[] {
  const buckets: Bucket[] = [];
  if (identity && policy.perIdentity !== null)
    buckets.push({ key: `${policy.name}:id:${identity}`, limit: 'identity', max: policy.perIdentity });
  if (ip) buckets.push({ key: `${policy.name}:ip:${ip}`, limit: 'ip', max: policy.perIp });
  return buckets.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export type RateDecision = { ok: true } | { ok: false; limit: LimitKind; retryAfterSeconds: number };

/**
 * Whole seconds until a window that started at `windowStartMs` ends, between 1 and the window (a
 * replica whose clock runs behind the one that opened the window must not ask for longer).
 */
export function retryAfterSeconds(windowStartMs: number, windowSeconds: number, nowMs: number): number {
  return Math.min(windowSeconds, Math.max(1, Math.ceil((windowStartMs + windowSeconds * 1000 - nowMs) / 1000)));
}
