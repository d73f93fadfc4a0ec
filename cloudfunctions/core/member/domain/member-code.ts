import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The dynamic member code a member shows at the counter. Layout before base64url (no padding):
 *
 *   [format 1 byte][step uint32 BE][member id][HMAC-SHA256(secret, all preceding bytes), first 8 bytes]
 *
 * format 1 packs the generated id `m_<20 hex>` into 10 bytes (the common case: 31 chars in all);
 * format 2 carries any other id as a length byte + UTF-8 (seeded or imported ids). 64 bits of MAC is
 * plenty for a code that lives 60 s and is usable once: forging one means guessing online.
 */
export const MEMBER_CODE_STEP_SECONDS = 30;
const STEP_MS = MEMBER_CODE_STEP_SECONDS * 1000;
const MAC_BYTES = 8;
const FORMAT_HEX_ID = 1;
const FORMAT_TEXT_ID = 2;
const HEX_ID = /^m_([0-9a-f]{20})$/;

export type MemberCodeCheck =
  { ok: true; memberId: string; step: number } | { ok: false; code: 'MEMBER_CODE_EXPIRED' | 'MEMBER_CODE_INVALID' };

/** The 30-second time step `now` falls in. */
export function memberCodeStep(now: Date): number {
  return Math.floor(now.getTime() / STEP_MS);
}

function mac(secret: string, body: Buffer): Buffer {
  return createHmac('sha256', secret).update(body).digest().subarray(0, MAC_BYTES);
}

function encodeBody(memberId: string, step: number): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt32BE(step, 1);
  const hex = HEX_ID.exec(memberId);
  if (hex) {
    head[0] = FORMAT_HEX_ID;
    return Buffer.concat([head, Buffer.from(hex[1]!, 'hex')]);
  }
  const text = Buffer.from(memberId, 'utf8');
  if (text.length === 0 || text.length > 64) throw new Error('member id must be 1-64 bytes');
  head[0] = FORMAT_TEXT_ID;
  return Buffer.concat([head, Buffer.from([text.length]), text]);
}

/** The member id in a decoded body, or null when the body is not well formed. */
function decodeMemberId(body: Buffer): string | null {
  if (body.length < 6) return null;
  if (body[0] === FORMAT_HEX_ID) return body.length === 15 ? `m_${body.subarray(5).toString('hex')}` : null;
  if (body[0] === FORMAT_TEXT_ID) {
    const len = body[5]!;
    if (len === 0 || body.length !== 6 + len) return null;
    const id = body.subarray(6).toString('utf8');
    return Buffer.from(id, 'utf8').equals(body.subarray(6)) ? id : null;
  }
  return null;
}

/**
 * Issues the member's code for the time step of `now`. `expiresAt` is when staff stop accepting it
 * (end of the next step); `refreshAt` is when the member's screen should show the next one.
 */
export function issueMemberCode(
  memberId: string,
  now: Date,
  secret: string,
): { code: string; step: number; refreshAt: Date; expiresAt: Date } {
  const step = memberCodeStep(now);
  const body = encodeBody(memberId, step);
  const code = Buffer.concat([body, mac(secret, body)]).toString('base64url');
  return { code, step, refreshAt: new Date((step + 1) * STEP_MS), expiresAt: new Date((step + 2) * STEP_MS) };
}

/**
 * Checks a scanned code: authentic (MAC), and from the current or the previous step. The MAC is
 * checked first, so a forged code is INVALID whatever step it claims. Usable-once is the caller's
 * job (consumeMemberCode), since it needs the database.
 */
export function verifyMemberCode(code: string, now: Date, secret: string): MemberCodeCheck {
  const read = readMemberCode(code, secret);
  if (!read) return { ok: false, code: 'MEMBER_CODE_INVALID' };
  const current = memberCodeStep(now);
  if (read.step > current) return { ok: false, code: 'MEMBER_CODE_INVALID' };
  if (read.step < current - 1) return { ok: false, code: 'MEMBER_CODE_EXPIRED' };
  return { ok: true, ...read };
}

/**
 * The member and step an authentic code carries, whatever its age; null when it is malformed or its
 * MAC does not match. The counter uses it to recognise a code it already spent (staff/counter-code.ts).
 */
export function readMemberCode(code: string, secret: string): { memberId: string; step: number } | null {
  if (typeof code !== 'string' || code.length < 8 || code.length > 120 || !/^[A-Za-z0-9_-]+$/.test(code)) return null;
  const raw = Buffer.from(code, 'base64url');
  if (raw.toString('base64url') !== code || raw.length <= MAC_BYTES) return null;
  const body = raw.subarray(0, raw.length - MAC_BYTES);
  const memberId = decodeMemberId(body);
  if (!memberId) return null;
  if (!timingSafeEqual(raw.subarray(raw.length - MAC_BYTES), mac(secret, body))) return null;
  return { memberId, step: body.readUInt32BE(1) };
}

/**
 * The readable form of a member code: the member's eight-digit card number followed by a six-digit
 * one-time code for the step (HMAC-SHA256 over the member, card and step, truncated as RFC 4226
 * does). Fourteen digits, typed at the counter when the camera cannot read the QR. It is the same
 * presentation as the QR of that step: either one spends (member, step) once.
 */
export const MEMBER_DIGITS_LENGTH = 14;
const CARD_DIGITS = 8;

function oneTimeDigits(secret: string, memberId: string, cardNo: string, step: number): string {
  const h = createHmac('sha256', secret).update(`digits:${memberId}:${cardNo}:${step}`).digest();
  const at = h[h.length - 1]! & 0x0f;
  const bin = ((h[at]! & 0x7f) << 24) | (h[at + 1]! << 16) | (h[at + 2]! << 8) | h[at + 3]!;
  return String(bin % 1_000_000).padStart(6, '0');
}

/** The digits the member's screen shows under the QR for `step`. */
export function memberCodeDigits(memberId: string, cardNo: string, step: number, secret: string): string {
  return cardNo + oneTimeDigits(secret, memberId, cardNo, step);
}

/** Splits typed digits (spaces already removed) into card number and one-time code; null if not that form. */
export function parseMemberDigits(code: string): { cardNo: string; oneTime: string } | null {
  if (!/^[0-9]+$/.test(code) || code.length !== MEMBER_DIGITS_LENGTH) return null;
  return { cardNo: code.slice(0, CARD_DIGITS), oneTime: code.slice(CARD_DIGITS) };
}

/**
 * The step, among `steps` (newest first), whose one-time code the typed digits carry; null when none
 * does. Compared in constant time.
 */
export function matchDigitsStep(
  digits: { cardNo: string; oneTime: string },
  memberId: string,
  steps: number[],
  secret: string,
): number | null {
  const typed = Buffer.from(digits.oneTime);
  for (const step of steps) {
    if (timingSafeEqual(typed, Buffer.from(oneTimeDigits(secret, memberId, digits.cardNo, step)))) return step;
  }
  return null;
}

const DEV_SECRET = 'dev-only-member-code-secret-not-for-production';

/**
 * The HMAC secret: `MEMBER_CODE_SECRET`. Locally a fixed dev default stands in; in production, or on
 * WeChat Cloud, a missing secret is refused (a known default would let anyone mint member codes).
 */
export function memberCodeSecret(env: Record<string, string | undefined>, platform: 'local' | 'wechat'): string {
  const secret = env.MEMBER_CODE_SECRET;
  if (secret) {
    if (secret.length < 16) throw new Error('MEMBER_CODE_SECRET must be at least 16 characters');
    return secret;
  }
  if (env.NODE_ENV === 'production' || platform === 'wechat') {
    throw new Error('MEMBER_CODE_SECRET is not set: refused in production and on WeChat Cloud');
  }
  return DEV_SECRET;
}
