import { createHash } from 'node:crypto';
import type { PhonePort } from '../platform';

/**
 * Local stand-in for WeChat's phone number exchange: a code starting with `dev-` yields a
 * deterministic fake mainland number (138 + 8 digits derived from the code); anything else is refused,
 * as WeChat refuses a code it did not issue.
 */
export const localPhone: PhonePort = {
  async exchange(code: string) {
    if (!/^dev-[A-Za-z0-9_-]{1,60}$/.test(code)) return { ok: false, reason: 'local mode accepts only dev- codes' };
    const digits = BigInt(`0x${createHash('sha256').update(code).digest('hex').slice(0, 12)}`) % 100_000_000n;
    return { ok: true, phoneNumber: `138${digits.toString().padStart(8, '0')}`, countryCode: '86' };
  },
};
