import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  issueMemberCode,
  matchDigitsStep,
  memberCodeDigits,
  memberCodeSecret,
  parseMemberDigits,
  verifyMemberCode,
} from './member-code';

const SECRET = 'test-secret-0123456789abcdef';
const MEMBER = 'm_0123456789abcdef0123';
/** The start of a 30-second step, so "+N seconds" lands where the test says. */
const T0 = new Date('2026-05-01T08:30:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe('member code', () => {
  it('is short enough for a dense QR and verifies now', () => {
    const { code, expiresAt, refreshAt } = issueMemberCode(MEMBER, T0, SECRET);
    expect(code.length).toBeLessThanOrEqual(40);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(verifyMemberCode(code, T0, SECRET)).toMatchObject({ ok: true, memberId: MEMBER });
    expect(refreshAt.toISOString()).toBe(at(30).toISOString());
    expect(expiresAt.toISOString()).toBe(at(60).toISOString());
  });

  it('is still valid in the next step (the previous step, seen from the scanner)', () => {
    const { code, step } = issueMemberCode(MEMBER, at(29), SECRET);
    expect(verifyMemberCode(code, at(31), SECRET)).toEqual({ ok: true, memberId: MEMBER, step });
    expect(verifyMemberCode(code, at(59.9), SECRET).ok).toBe(true);
  });

  it('has expired 61 s after it was issued', () => {
    const { code } = issueMemberCode(MEMBER, T0, SECRET);
    expect(verifyMemberCode(code, at(61), SECRET)).toEqual({ ok: false, code: 'MEMBER_CODE_EXPIRED' });
  });

  it('a code from the future is invalid', () => {
    const { code } = issueMemberCode(MEMBER, at(30), SECRET);
    expect(verifyMemberCode(code, T0, SECRET)).toEqual({ ok: false, code: 'MEMBER_CODE_INVALID' });
  });

  it('a code signed with another secret is invalid, even when old', () => {
    const { code } = issueMemberCode(MEMBER, T0, 'another-secret-0123456789');
    expect(verifyMemberCode(code, T0, SECRET)).toEqual({ ok: false, code: 'MEMBER_CODE_INVALID' });
    expect(verifyMemberCode(code, at(600), SECRET)).toEqual({ ok: false, code: 'MEMBER_CODE_INVALID' });
  });

  it('a forged MAC is invalid', () => {
    const { code } = issueMemberCode(MEMBER, T0, SECRET);
    const raw = Buffer.from(code, 'base64url');
    raw[raw.length - 1] ^= 0x01;
    expect(verifyMemberCode(raw.toString('base64url'), T0, SECRET)).toEqual({ ok: false, code: 'MEMBER_CODE_INVALID' });
  });

  it('a tampered member id is invalid', () => {
    const { code } = issueMemberCode(MEMBER, T0, SECRET);
    const raw = Buffer.from(code, 'base64url');
    raw[7] ^= 0x10; // inside the packed member id
    expect(verifyMemberCode(raw.toString('base64url'), T0, SECRET)).toEqual({ ok: false, code: 'MEMBER_CODE_INVALID' });
  });

  it('carries ids that are not generated hex ids too', () => {
    const { code } = issueMemberCode('demo-member-1', T0, SECRET);
    expect(code.length).toBeLessThanOrEqual(40);
    expect(verifyMemberCode(code, T0, SECRET)).toMatchObject({ ok: true, memberId: 'demo-member-1' });
  });

  it.each(['', 'x', 'not a code!', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '////', 'a'.repeat(500)])(
    'garbage %j is invalid',
    (garbage) => {
      expect(verifyMemberCode(garbage, T0, SECRET)).toEqual({ ok: false, code: 'MEMBER_CODE_INVALID' });
    },
  );

  it('random strings never verify', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        expect(verifyMemberCode(s, T0, SECRET).ok).toBe(false);
      }),
    );
  });

  it('every flipped bit of a real code makes it invalid', () => {
    const { code } = issueMemberCode(MEMBER, T0, SECRET);
    const bytes = Buffer.from(code, 'base64url');
    for (let bit = 0; bit < bytes.length * 8; bit++) {
      const copy = Buffer.from(bytes);
      copy[bit >> 3] ^= 1 << (bit & 7);
      expect(verifyMemberCode(copy.toString('base64url'), T0, SECRET).ok).toBe(false);
    }
  });
});

describe('memberCodeSecret', () => {
  it('uses MEMBER_CODE_SECRET when set', () => {
    expect(memberCodeSecret({ MEMBER_CODE_SECRET: 'a-real-secret-of-length' }, 'wechat')).toBe(
      'a-real-secret-of-length',
    );
  });
  it('falls back to a dev default locally', () => {
    expect(memberCodeSecret({}, 'local')).toMatch(/dev/);
  });
  it('refuses a missing secret in production and on WeChat Cloud', () => {
    expect(() => memberCodeSecret({ NODE_ENV: 'production' }, 'local')).toThrow(/MEMBER_CODE_SECRET/);
    expect(() => memberCodeSecret({}, 'wechat')).toThrow(/MEMBER_CODE_SECRET/);
  });
});

describe('member code digits', () => {
  const CARD = '10000042';
  const step = (seconds: number) => Math.floor(at(seconds).getTime() / 30_000);

  it('are the eight-digit card number and a six-digit one-time code, different every step', () => {
    const now = memberCodeDigits(MEMBER, CARD, step(0), SECRET);
    const next = memberCodeDigits(MEMBER, CARD, step(30), SECRET);
    expect(now).toMatch(/^10000042[0-9]{6}$/);
    expect(next.slice(0, 8)).toBe(CARD);
    expect(next).not.toBe(now);
  });

  it('match only the step, member and secret they were made for', () => {
    const digits = parseMemberDigits(memberCodeDigits(MEMBER, CARD, step(0), SECRET))!;
    expect(matchDigitsStep(digits, MEMBER, [step(30), step(0)], SECRET)).toBe(step(0));
    expect(matchDigitsStep(digits, MEMBER, [step(30), step(60)], SECRET)).toBeNull();
    expect(matchDigitsStep(digits, 'm_ffffffffffffffffffff', [step(0)], SECRET)).toBeNull();
    expect(matchDigitsStep(digits, MEMBER, [step(0)], 'another-secret-0123456789')).toBeNull();
  });

  it('are recognised only as exactly fourteen digits', () => {
    expect(parseMemberDigits('10000042123456')).toEqual({ cardNo: CARD, oneTime: '123456' });
    for (const bad of ['1000004212345', '100000421234567', '1000004212345a', '']) {
      expect(parseMemberDigits(bad)).toBeNull();
    }
  });

  it('spread the one-time codes evenly (no digit position stuck)', () => {
    const codes = Array.from({ length: 2_000 }, (_, i) => memberCodeDigits(MEMBER, CARD, 1_000 + i, SECRET).slice(8));
    expect(new Set(codes).size).toBeGreaterThan(1_990);
    for (let pos = 0; pos < 6; pos++) expect(new Set(codes.map((c) => c[pos])).size).toBe(10);
  });
});
