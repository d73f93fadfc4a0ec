/** Invite a friend (老带新): the inviter's card and poster, attribution on the friend's open, 我的邀请. */
import { z } from 'zod';
import type { Fen, Points } from '../shared/money';
import { action } from './action';

export interface InviteRules {
  rewardKind: 'points' | 'coupon';
  /** Points per rewarded friend (rewardKind 'points'). */
  rewardPoints: Points;
  /** The coupon's title (rewardKind 'coupon'). */
  rewardCouponTitle: string | null;
  /** The friend's new-customer gift, e.g. 好友专享 无门槛15元. */
  friendGiftTitle: string | null;
  dailyCap: number;
  monthlyCap: number;
  bindingDays: number;
  /** Days after receipt a refund may still be asked (the store's rule now): the reward waits for them. */
  refundWindowDays: number;
}

export interface InviteCard {
  inviteCode: string;
  /** For onShareAppMessage: `/packages/invite/landing?inv=CODE`. */
  sharePath: string;
  shareTitle: string;
  /** The poster code's scene: `i=CODE` (<= 32 chars of WeChat's set). */
  scene: string;
  /** The poster's mini-program code as a data URL (local mode: a QR of the same page and scene); null if the platform refused. */
  qrImage: string | null;
  nickname: string;
  avatarUrl: string | null;
  storeName: string;
  featured: { productId: string; title: string; priceFen: Fen; image: string | null } | null;
  rules: InviteRules;
  /** The invite card's 5:4 PNG cover (the featured product's, else the store's). */
  shareImage: string;
}

export type AttributionOutcome = 'bound' | 'refused';

export interface AttributionResult {
  /** The public contract's flag: true when this open bound the friend. */
  bound: boolean;
  outcome: AttributionOutcome;
  /** Refusal reason code (self_invite, already_bound, paid_before, same_phone, cycle ...); null when bound. */
  reason: string | null;
  /** What to tell the friend (zh-CN). */
  message: string;
  inviter: { nickname: string; avatarUrl: string | null };
  /** The new-customer coupon issued on this binding; null when refused or the gift ran out. */
  giftCoupon: { couponId: string; title: string; validUntil: string } | null;
  friendGiftTitle: string | null;
}

export interface InviteItem {
  referralId: string;
  nickname: string;
  friendAvatarUrl: string | null;
  boundAt: string;
  /** bound 已绑定 / ordered 已下单 / rewarded 已奖励 / invalid 已失效 */
  status: 'bound' | 'ordered' | 'rewarded' | 'invalid';
  statusText: string;
  /** Why it is 已失效, or what it earned (e.g. +500 积分). */
  note: string | null;
}

export interface MyInvites {
  items: InviteItem[];
  nextCursor: string | null;
  summary: { invited: number; rewarded: number; pointsEarned: Points };
}

export const referralActions = {
  'referral.myInviteCard': action<InviteCard>()({
    input: z.object({}).strict(),
    role: 'customer',
  }),
  /** The friend's open of a share card (its `inv` query, sent as `inviteCode`) or poster (`scene`, raw or URI-encoded). */
  'referral.attribute': action<AttributionResult>()({
    input: z
      .object({ inviteCode: z.string().max(64).optional(), scene: z.string().max(128).optional() })
      .strict()
      .refine((v) => v.inviteCode !== undefined || v.scene !== undefined, {
        message: 'inviteCode or scene is required',
      }),
    role: 'customer',
    mutating: true,
  }),
  'referral.myInvites': action<MyInvites>()({
    input: z.object({ cursor: z.string().max(200).optional() }).strict(),
    role: 'customer',
  }),
} as const;
