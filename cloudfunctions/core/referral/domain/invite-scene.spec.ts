import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INVITE_ALPHABET, INVITE_CODE_LENGTH, newInviteCode } from '../../member/domain/invite-code';
import { localMiniCodeTarget } from '../../platform/local/mini-code.local';
import {
  codeFromScene,
  INVITE_LANDING_PAGE,
  invitePath,
  inviteScene,
  isWechatScene,
  SCENE_MAX_LENGTH,
} from './invite-scene';

/** A random source replaying fast-check's draws, so the generator itself is what is tested. */
const draws = (values: number[]) => {
  let i = 0;
  return (max: number) => values[i++ % values.length]! % max;
};

describe('invite scene (wxacode.getUnlimited)', () => {
  it('every code the generator can issue gives a scene WeChat accepts, and the scene gives the code back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 10_000 }), { minLength: INVITE_CODE_LENGTH, maxLength: INVITE_CODE_LENGTH }),
        (values) => {
          const code = newInviteCode(draws(values));
          const scene = inviteScene(code);
          expect(scene.length).toBeLessThanOrEqual(SCENE_MAX_LENGTH);
          expect(isWechatScene(scene)).toBe(true);
          expect(codeFromScene(scene)).toBe(code);
          expect(codeFromScene(encodeURIComponent(scene))).toBe(code);
          expect(invitePath(code)).toBe(`/packages/invite/landing?inv=${code}`);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('the local poster code opens the landing with a scene that reads back as the code', () => {
    const target = localMiniCodeTarget({ scene: inviteScene('ABC234'), page: INVITE_LANDING_PAGE });
    expect(target).toBe('/packages/invite/landing?scene=i%3DABC234');
    expect(codeFromScene(new URLSearchParams(target.split('?')[1]).get('scene')!)).toBe('ABC234');
  });

  it('the extremes of the alphabet stay inside the rule as well', () => {
    for (const c of INVITE_ALPHABET) expect(isWechatScene(inviteScene(c.repeat(INVITE_CODE_LENGTH)))).toBe(true);
  });

  it('knows what WeChat refuses', () => {
    expect(isWechatScene('')).toBe(false);
    expect(isWechatScene('i=' + 'A'.repeat(31))).toBe(false); // 33 chars
    expect(isWechatScene('i=ABC 23')).toBe(false);
    expect(isWechatScene('i=邀请')).toBe(false);
    expect(isWechatScene('i=ABC%23')).toBe(false);
  });

  it.each(['', 'i=', 'i=abc234', 'i=ABC23', 'x=ABC234', 'i=ABC234&x=1', 'i=ABC10O', '%E0%A4%A'])(
    'reads no code from scene %j',
    (raw) => {
      expect(codeFromScene(raw)).toBeNull();
    },
  );
});
