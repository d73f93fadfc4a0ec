import { describe, expect, it } from 'vitest';
import { createSessionIdentity, signSession, verifySession } from './session-token';
import { createLocalIdentity } from '../core/platform/local/identity.local';

const SECRET = 's'.repeat(40);
const T = new Date('2026-11-24T02:00:00Z');
const later = (s: number) => new Date(T.getTime() + s * 1000);

describe('stateless session tokens', () => {
  it('verifies until it expires, then not', () => {
    const { token, expiresAt } = signSession(SECRET, 'oAlice', T, 3600);
    expect(expiresAt).toBe('2026-11-24T03:00:00.000Z');
    expect(verifySession(SECRET, token, later(3599))).toBe('oAlice');
    expect(verifySession(SECRET, token, later(3600))).toBeNull();
  });

  it('refuses another secret, an edited payload and garbage', () => {
    const { token } = signSession(SECRET, 'oAlice', T, 3600);
    expect(verifySession('t'.repeat(40), token, T)).toBeNull();
    const [v, , mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'oMallory', exp: 9_999_999_999 })).toString('base64url');
    expect(verifySession(SECRET, `${v}.${forged}.${mac}`, T)).toBeNull();
    for (const junk of ['', 'v1', 'v1..', 'v2.a.b', `${token}.x`]) expect(verifySession(SECRET, junk, T)).toBeNull();
  });

  // Caught by the self-hosted replicas test failing now and then: flipping the token's last character
  // between letters that differ only in base64's unused low bits decoded to the same signature.
  it('refuses a signature spelled another way that decodes to the same bytes (every last character tried)', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (const openid of ['oAlice', 'oBob', 'oCarol', 'oDave']) {
      const { token } = signSession(SECRET, openid, T, 3600);
      const others = [...alphabet].filter((c) => c !== token.at(-1)).map((c) => token.slice(0, -1) + c);
      // A 32-byte MAC is 43 characters: the last one carries 4 bits, so 3 other spellings decode the same.
      expect(
        others.filter((t) =>
          Buffer.from(t.split('.')[2]!, 'base64url').equals(Buffer.from(token.split('.')[2]!, 'base64url')),
        ),
      ).toHaveLength(3);
      expect(others.map((t) => verifySession(SECRET, t, T)).filter((v) => v !== null)).toEqual([]);
    }
  });

  it('the identity port reads a Bearer token; an invalid token is anonymous, never the dev fallback', () => {
    const { token } = signSession(SECRET, 'oAlice', T, 3600);
    const identity = createSessionIdentity(SECRET, () => T, createLocalIdentity({ devAuth: true }));
    expect(identity.identify({ headers: { authorization: `Bearer ${token}` } })).toEqual({
      openid: 'oAlice',
      source: 'session',
    });
    expect(identity.identify({ headers: { authorization: 'Bearer nope', 'x-dev-openid': 'demo-manager' } })).toEqual({
      openid: null,
      source: 'none',
    });
    expect(identity.identify({ headers: { 'x-dev-openid': 'demo-manager' } })).toEqual({
      openid: 'demo-manager',
      source: 'dev-header',
    });
    expect(createSessionIdentity(SECRET, () => T).identify({ headers: { 'x-dev-openid': 'demo-manager' } })).toEqual({
      openid: null,
      source: 'none',
    });
  });
});
