import { randomInt } from 'node:crypto';
import { INVITE_ALPHABET } from '../../member';

/**
 * The scenes of the counter's mini-program codes (wxacode.getUnlimited): a shop's poster carries
 * `s=<shop code>`, an advisor's personal code `a=<staff code>`. Codes are 4-16 letters or digits
 * (the schema's check), so a scene is at most 18 characters, inside WeChat's 32.
 */
export const WELCOME_PAGE = 'packages/shop/welcome';

const CODE = /^[0-9A-Za-z]{4,16}$/;

/** What a scanned code points at. */
export type WelcomeTarget = { kind: 'shop'; code: string } | { kind: 'advisor'; code: string };

function isShopCode(value: string): boolean {
  return CODE.test(value);
}

export function welcomeScene(target: WelcomeTarget): string {
  return `${target.kind === 'shop' ? 's' : 'a'}=${target.code}`;
}

/**
 * The target of a scene as the mini program receives it: URI-encoded in `onLoad`'s `scene`
 * (`a%3DDEMOSTAFF`) or already decoded. Null when it is not exactly one well-formed `s=` or `a=`.
 */
export function parseWelcomeScene(raw: string): WelcomeTarget | null {
  let scene: string;
  try {
    scene = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const match = /^([sa])=([^&]*)$/.exec(scene);
  if (!match || !isShopCode(match[2]!)) return null;
  return { kind: match[1] === 's' ? 'shop' : 'advisor', code: match[2]! };
}

const STAFF_CODE_LENGTH = 8;

const SHOP_CODE_LENGTH = 6;

/** A new shop code, printed on the poster and read aloud: the invite alphabet without look-alikes. */
export function newShopCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < SHOP_CODE_LENGTH; i++) code += INVITE_ALPHABET[random(INVITE_ALPHABET.length)];
  return code;
}

/** A new advisor code: read aloud at the counter, so the invite alphabet without look-alikes. */
export function newStaffCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < STAFF_CODE_LENGTH; i++) code += INVITE_ALPHABET[random(INVITE_ALPHABET.length)];
  return code;
}
