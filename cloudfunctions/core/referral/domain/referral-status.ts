/** Binding states (see 0007_referral.sql) and the funnel's event kinds. */
export type ReferralStatus = 'bound' | 'rewarded' | 'capped' | 'reversed' | 'void' | 'expired';
export type ReferralEventKind = 'card_shown' | 'opened' | 'bound' | 'first_order' | 'rewarded' | 'reversed' | 'refused';

/** What 我的邀请 shows for a friend. */
export type InviteDisplayStatus = 'bound' | 'ordered' | 'rewarded' | 'invalid';

const DISPLAY_TEXT: Record<InviteDisplayStatus, string> = {
  bound: '已绑定',
  ordered: '已下单',
  rewarded: '已奖励',
  invalid: '已失效',
};

/** Why a binding ended without a reward, in words for the inviter. */
const INVALID_NOTE: Partial<Record<ReferralStatus, string>> = {
  capped: '奖励已达上限',
  reversed: '好友订单已退款，奖励已收回',
  void: '好友首单已退款',
  expired: '绑定期内未下单',
};

/**
 * The display state of a binding at `now`. A `bound` binding whose window passed without a paid
 * order is 已失效 even before anything writes `expired` (that happens lazily, when another inviter
 * binds the friend); one whose first order is paid shows 已下单 until the order settles.
 */
export function displayStatus(
  b: { status: ReferralStatus; expiresAt: Date; firstPaidAt: Date | null },
  now: Date,
): { status: InviteDisplayStatus; text: string; note: string | null } {
  const paidInWindow = b.firstPaidAt !== null && b.firstPaidAt < b.expiresAt;
  let status: InviteDisplayStatus;
  let note: string | null = null;
  if (b.status === 'rewarded') status = 'rewarded';
  else if (b.status === 'bound' && paidInWindow) {
    status = 'ordered';
    note = '订单过退款期后发放奖励';
  } else if (b.status === 'bound' && now < b.expiresAt) status = 'bound';
  else {
    status = 'invalid';
    note = INVALID_NOTE[b.status === 'bound' ? 'expired' : b.status] ?? null;
  }
  return { status, text: DISPLAY_TEXT[status], note };
}
