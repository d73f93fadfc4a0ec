import { createHash, randomBytes } from 'node:crypto';

/** How long a manager's invite can be opened. */
export const STAFF_INVITE_HOURS = 24;
/** The page an invite opens (no leading slash: wxacode.getUnlimited's `page`). */
export const STAFF_BIND_PAGE = 'packages/staff/bind';

/**
 * A fresh invite token: 18 random bytes as 24 base64url chars, so the mini-program code's scene
 * `s=<token>` stays within WeChat's 32 characters.
 */
export function newInviteToken(): string {
  return randomBytes(18).toString('base64url');
}

/** Only the hash is stored: the token itself is a credential. */
export function inviteTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type InviteStatus = 'open' | 'used' | 'expired' | 'revoked';

export function inviteStatus(
  invite: { used_at: Date | null; revoked_at: Date | null; expires_at: Date },
  now: Date,
): InviteStatus {
  if (invite.used_at) return 'used';
  if (invite.revoked_at) return 'revoked';
  return invite.expires_at <= now ? 'expired' : 'open';
}

const RANK = { staff: 1, manager: 2 } as const;

/** An invite never demotes: a manager opening a staff invite stays manager (and the invite stays open). */
export function alreadyHolds(current: 'staff' | 'manager' | null, offered: 'staff' | 'manager'): boolean {
  return current !== null && RANK[current] >= RANK[offered];
}
