import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { INVITE_ALPHABET, INVITE_CODE_LENGTH, isInviteCode, newInviteCode } from './invite-code';

/** Characters WeChat allows in a wxacode `scene` (getUnlimitedQRCode), at most 32 of them. */
const WXACODE_SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

/** A random source that replays the given draws (each reduced into range). */
function draws(values: number[]): (max: number) => number {
  let i = 0;
  return (max) => values[i++ % values.length]! % max;
}

describe('invite codes', () => {
  it('are 6 characters from an alphabet without look-alikes (0/O, 1/I/L)', () => {
    expect(INVITE_CODE_LENGTH).toBe(6);
    expect(new Set(INVITE_ALPHABET).size).toBe(INVITE_ALPHABET.length);
    for (const lookAlike of '01OIL') expect(INVITE_ALPHABET).not.toContain(lookAlike);
    expect(INVITE_ALPHABET).toMatch(/^[2-9A-Z]+$/);
  });

  it('a new code is valid and fits a poster scene `i=CODE`', () => {
    for (let n = 0; n < 200; n++) {
      const code = newInviteCode();
      expect(code).toHaveLength(INVITE_CODE_LENGTH);
      expect(isInviteCode(code)).toBe(true);
      expect(`i=${code}`).toMatch(WXACODE_SCENE);
    }
  });

  it('any random draws give a valid code that fits the scene', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), (values) => {
        const code = newInviteCode(draws(values));
        expect(isInviteCode(code)).toBe(true);
        expect(`i=${code}`).toMatch(WXACODE_SCENE);
      }),
    );
  });

  it('uses every symbol of the alphabet, first to last', () => {
    expect(newInviteCode(() => 0)).toBe(INVITE_ALPHABET[0]!.repeat(6));
    expect(newInviteCode((max) => max - 1)).toBe(INVITE_ALPHABET.at(-1)!.repeat(6));
  });

  it.each(['', 'ABCDE', 'ABCDEFG', 'abcdef', 'ABCDE0', 'ABCDEO', 'ABCDEI', 'ABCDE1', 'ABC DE', 'ABCDE!'])(
    'rejects %j as an invite code',
    (value) => {
      expect(isInviteCode(value)).toBe(false);
    },
  );
});
