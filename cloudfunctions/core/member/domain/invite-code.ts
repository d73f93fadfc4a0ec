import { randomInt } from 'node:crypto';

/**
 * Invite codes go into a poster's wxacode `scene` (`i=CODE`, <= 32 chars) and are read aloud at the
 * counter, so they are short and skip look-alike characters (0/O, 1/I/L).
 */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITE_CODE_LENGTH = 6;

export function newInviteCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += INVITE_ALPHABET[random(INVITE_ALPHABET.length)];
  return code;
}

export function isInviteCode(value: string): boolean {
  return value.length === INVITE_CODE_LENGTH && [...value].every((c) => INVITE_ALPHABET.includes(c));
}
