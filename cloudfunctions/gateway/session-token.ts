import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IdentityPort, IdentitySource } from '../core/platform/platform';

/**
 * Stateless session tokens for the self-hosted gateway: `v1.<payload>.<HMAC-SHA256>`, payload
 * `{ sub: openid, exp }` in base64url. Any replica holding SESSION_SECRET verifies any other's token,
 * so replicas share no session store. The client sends it as `Authorization: Bearer <token>`.
 */
export interface SessionClaims {
  sub: string;
  /** Seconds since the epoch. */
  exp: number;
}

const b64 = (data: string | Buffer) => Buffer.from(data).toString('base64url');
const mac = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest();

export function signSession(
  secret: string,
  openid: string,
  now: Date,
  ttlSeconds: number,
): { token: string; expiresAt: string } {
  const exp = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const body = `v1.${b64(JSON.stringify({ sub: openid, exp }))}`;
  return { token: `${body}.${b64(mac(secret, body))}`, expiresAt: new Date(exp * 1000).toISOString() };
}

/** The openid in a token that this secret signed and that has not expired; null otherwise. */
export function verifySession(secret: string, token: string, now: Date): string | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== 'v1') return null;
  const body = `${parts[0]}.${parts[1]}`;
  // Compared as text in the one canonical encoding: decoding first would accept a signature whose last
  // character differs only in base64's unused low bits, i.e. two token strings for one signature.
  const given = Buffer.from(parts[2]!, 'utf8');
  const expected = Buffer.from(b64(mac(secret, body)), 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as SessionClaims;
    if (typeof claims.sub !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(claims.sub)) return null;
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now.getTime()) return null;
    return claims.sub;
  } catch {
    return null;
  }
}

function bearer(source: IdentitySource): string | null {
  const raw = source.headers?.authorization;
  const value = Array.isArray(raw) ? raw[0] : raw;
  const match = value ? /^Bearer\s+(\S+)$/i.exec(value) : null;
  return match ? match[1]! : null;
}

/**
 * Identity from a session token, falling back to `fallback` (dev sign-in locally) when the call
 * carries none. A token that is present but invalid or expired is anonymous, never the fallback.
 */
export function createSessionIdentity(secret: string, now: () => Date, fallback?: IdentityPort): IdentityPort {
  return {
    identify(source) {
      const token = bearer(source);
      if (!token) return fallback ? fallback.identify(source) : { openid: null, source: 'none' };
      const openid = verifySession(secret, token, now());
      return openid ? { openid, source: 'session' } : { openid: null, source: 'none' };
    },
  };
}
