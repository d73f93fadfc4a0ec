/**
 * Whether an open of an invite binds the friend to the inviter: pure, over facts the repo gathered
 * under the store's binding lock. Order matters only for the reason recorded; every refusal is final.
 */
export type RefusalReason =
  'self_invite' | 'already_bound' | 'already_bound_to_inviter' | 'paid_before' | 'same_phone' | 'cycle';

export interface AttributionFacts {
  inviterId: string;
  friendId: string;
  /** The friend's live binding (not expired), if any: first touch wins. */
  liveInviterId: string | null;
  friendHasPaid: boolean;
  inviterPhone: string | null;
  friendPhone: string | null;
  /** The friend is already an ancestor of the inviter in the invite graph (binding would close a loop). */
  closesCycle: boolean;
}

export type AttributionDecision = { bind: true } | { bind: false; reason: RefusalReason };

export function decideAttribution(f: AttributionFacts): AttributionDecision {
  if (f.inviterId === f.friendId) return { bind: false, reason: 'self_invite' };
  if (f.liveInviterId === f.inviterId) return { bind: false, reason: 'already_bound_to_inviter' };
  if (f.liveInviterId !== null) return { bind: false, reason: 'already_bound' };
  if (f.friendHasPaid) return { bind: false, reason: 'paid_before' };
  if (f.friendPhone !== null && f.friendPhone === f.inviterPhone) return { bind: false, reason: 'same_phone' };
  if (f.closesCycle) return { bind: false, reason: 'cycle' };
  return { bind: true };
}

/** What the landing page tells the friend for each refusal. */
export const REFUSAL_TEXT: Record<RefusalReason, string> = {
  self_invite: '不能邀请自己哦，把邀请分享给好友吧',
  already_bound: '你已接受过其他好友的邀请',
  already_bound_to_inviter: '你已接受过该好友的邀请',
  paid_before: '邀请礼仅限新顾客，你已是老顾客啦',
  same_phone: '邀请人与你绑定的手机号相同，无法接受邀请',
  cycle: '你们之间已有邀请关系，无法重复邀请',
};
