import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localMiniCodeTarget } from '../../platform/local/mini-code.local';
import { isWechatScene, SCENE_MAX_LENGTH } from '../../referral/domain/invite-scene';
import { newStaffCode, parseWelcomeScene, WELCOME_PAGE, welcomeScene, type WelcomeTarget } from './shop-scene';

const CODE_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Any code the schema accepts (`^[0-9A-Za-z]{4,16}$`): the shops and staff codes a manager could hold. */
const schemaCode = fc.array(fc.constantFrom(...CODE_CHARS), { minLength: 4, maxLength: 16 }).map((cs) => cs.join(''));
const target: fc.Arbitrary<WelcomeTarget> = fc.record({
  kind: fc.constantFrom('shop' as const, 'advisor' as const),
  code: schemaCode,
});

/** A random source replaying fast-check's draws, so the generator itself is what is tested. */
const draws = (values: number[]) => {
  let i = 0;
  return (max: number) => values[i++ % values.length]! % max;
};

describe('shop and advisor scenes (wxacode.getUnlimited)', () => {
  it('every scene of a schema-valid code satisfies WeChat and parses back, raw or URI-encoded', () => {
    fc.assert(
      fc.property(target, (t) => {
        const scene = welcomeScene(t);
        expect(scene.length).toBeLessThanOrEqual(SCENE_MAX_LENGTH);
        expect(isWechatScene(scene)).toBe(true);
        expect(parseWelcomeScene(scene)).toEqual(t);
        expect(parseWelcomeScene(encodeURIComponent(scene))).toEqual(t);
      }),
      { numRuns: 2000 },
    );
  });

  it('every generated staff code is a valid advisor code whose scene WeChat accepts', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 10_000 }), { minLength: 8, maxLength: 8 }), (values) => {
        const code = newStaffCode(draws(values));
        expect(code).toMatch(/^[0-9A-Za-z]{4,16}$/);
        const scene = welcomeScene({ kind: 'advisor', code });
        expect(isWechatScene(scene)).toBe(true);
        expect(parseWelcomeScene(scene)).toEqual({ kind: 'advisor', code });
      }),
      { numRuns: 1000 },
    );
  });

  it('the local poster code opens the welcome page with a scene that reads back', () => {
    const url = localMiniCodeTarget({
      scene: welcomeScene({ kind: 'advisor', code: 'DEMOSTAFF' }),
      page: WELCOME_PAGE,
    });
    expect(url).toBe('/packages/shop/welcome?scene=a%3DDEMOSTAFF');
    expect(parseWelcomeScene(new URLSearchParams(url.split('?')[1]).get('scene')!)).toEqual({
      kind: 'advisor',
      code: 'DEMOSTAFF',
    });
  });

  it.each([
    '',
    's=',
    'a=ABC',
    's=' + 'A'.repeat(17),
    'i=QHJA',
    's=QHJA&a=DEMOSTAFF',
    's=QH JA',
    'a=小禾店员',
    's=QH-JA',
    '%E0%A4%A',
  ])('reads no target from %j', (raw) => {
    expect(parseWelcomeScene(raw)).toBeNull();
  });
});
