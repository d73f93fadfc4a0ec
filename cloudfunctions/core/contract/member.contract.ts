/** Membership: the member card, points history, profile, member code, tiers. */
import { z } from 'zod';
import type { Fen, Points } from '../shared/money';
import { isAvatarUrl, isCalendarDate, nicknameLength, NICKNAME_MAX_CHARS } from '../shared/profile-text';
import { action, id, type Role } from './action';

export interface MemberTier {
  code: string;
  name: string;
}

export interface MemberProfile {
  memberId: string;
  nickname: string;
  avatarUrl: string | null;
  tier: MemberTier;
  points: Points;
  /** Growth value: paid yuan over the last 365 days. */
  growth: number;
  inviteCode: string;
  /** The next tier and the growth it needs; null at the top tier. */
  nextTier: (MemberTier & { minGrowth: number }) | null;
  role: Role;
  /** `YYYY-MM-DD`, set once by the member; null until then. */
  birthday: string | null;
  /** The bound phone, masked (`138****8000`); the full number never leaves the server. */
  phoneMasked: string | null;
  /** Coupons the member can use now. */
  couponCount: number;
  /** The latest upgrade the member has not yet seen celebrated; null when there is none. */
  pendingCelebration: TierCelebration | null;
}

// ---------- membership: points and tiers (types) ----------
export type PointsReason = 'earn' | 'award' | 'spend' | 'spend_return' | 'expire' | 'refund_reversal' | 'referral';

/** The store's points rules in force, for the page that explains them (the server's numbers, never the client's). */
export interface PointsRules {
  /** Points per paid yuan, before the tier multiplier. */
  earnPointsPerYuan: number;
  /** Points that pay ¥1 at checkout. */
  redeemPointsPerYuan: number;
  /** The most points may pay, % of the goods after coupon. */
  redeemCapPercent: number;
}

export interface PointsHistoryItem {
  id: string;
  /** Signed: + credited, - spent/expired/reversed. */
  delta: Points;
  reason: PointsReason;
  /** zh-CN text for the reason, e.g. 购物奖励. */
  reasonText: string;
  createdAt: string;
  /** When the credited lot expires (credits only), else null. */
  expiresAt: string | null;
  orderId?: string;
}

// ---------- membership: profile, member code, benefits (types) ----------
export interface TierCelebration {
  fromTier: MemberTier;
  toTier: MemberTier;
}

/** A dynamic member code: show it as a QR; it rotates every 30 s and works once. */
export interface MemberCodeView {
  code: string;
  /** The same code as fourteen digits (card number + one-time code) for the counter to type. */
  digits: string;
  /** When staff stop accepting it (ISO-8601): the end of the next 30-second step. */
  expiresAt: string;
  /** When the screen should show the next code (ISO-8601): the end of this step. */
  refreshAt: string;
  /** The server's now (ISO-8601), so the countdown does not trust the phone's clock. */
  serverNow: string;
}

export interface TierBenefitsView {
  /** Member price as a percentage of list price (100 = no discount). */
  memberPricePercent: number;
  pointsMultiplier: number;
  birthdayCoupon: boolean;
  /** Free express at or above this paid amount; 0 = always free. */
  freeShippingThresholdFen: Fen;
}

export interface TierWithBenefits extends MemberTier {
  minGrowth: number;
  benefits: TierBenefitsView;
}

export interface MemberBenefits {
  tiers: TierWithBenefits[];
  /** The caller's tier code when signed in and already a member. */
  current?: string;
}

// ---------- address book (types and input) ----------
/** One entry of the member's address book. */
export interface MemberAddress {
  addressId: string;
  name: string;
  phone: string;
  province: string;
  city: string;
  /** Empty for a county-level city without districts. */
  district: string;
  detail: string;
  isDefault: boolean;
  updatedAt: string;
}

/** The whole book, default first, then the most recently changed; `limit` is the most it may hold. */
export interface AddressBook {
  items: MemberAddress[];
  limit: number;
}

/** Provinces -> cities -> districts, by name, for the form's region picker. */
export interface RegionList {
  provinces: Array<{ name: string; cities: Array<{ name: string; districts: string[] }> }>;
}

/** Characters as a person counts them (a surrogate pair is one). */
const chars = (v: string) => [...v].length;

/** The fields of an address as the form sends them; messages are the words shown next to the field. */
const addressFields = {
  name: z
    .string()
    .trim()
    .min(1, '请填写收货人')
    .refine((v) => chars(v) <= 20, '收货人最多 20 个字'),
  phone: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, '请填写正确的 11 位手机号'),
  province: z.string().trim().min(1, '请选择所在地区').max(20, '请选择所在地区'),
  city: z.string().trim().min(1, '请选择所在地区').max(20, '请选择所在地区'),
  district: z.string().trim().max(20, '请选择所在地区').default(''),
  detail: z
    .string()
    .trim()
    .min(1, '请填写详细地址')
    .refine((v) => chars(v) <= 120, '详细地址最多 120 个字'),
};

export const memberActions = {
  'member.me': action<MemberProfile>()({
    input: z.object({}).strict(),
    role: 'customer',
  }),
  'member.grantSubscriptions': action<{ quotas: Array<{ templateId: string; remaining: number }> }>()({
    input: z.object({ accepted: z.array(z.string().min(1).max(64)).max(3) }).strict(),
    role: 'customer',
    mutating: true,
  }),
  'member.pointsHistory': action<{
    items: PointsHistoryItem[];
    nextCursor: string | null;
    balance: Points;
    rules: PointsRules;
  }>()({
    input: z
      .object({
        cursor: z
          .string()
          .regex(/^\d{1,18}$/)
          .optional(),
      })
      .strict(),
    role: 'customer',
  }),
  'member.memberCode': action<MemberCodeView>()({
    input: z.object({}).strict(),
    role: 'customer',
  }),
  'member.updateProfile': action<MemberProfile>()({
    input: z
      .object({
        nickname: z
          .string()
          .trim()
          .min(1)
          .refine((v) => nicknameLength(v) <= NICKNAME_MAX_CHARS, {
            message: `nickname is at most ${NICKNAME_MAX_CHARS} characters`,
          })
          .optional(),
        avatarUrl: z
          .string()
          .max(500)
          .refine(isAvatarUrl, { message: 'avatarUrl must be https://, cloud:// or an uploaded /media/avatars/ file' })
          .optional(),
        birthday: z.string().refine(isCalendarDate, { message: 'birthday must be a real YYYY-MM-DD date' }).optional(),
      })
      .strict()
      .refine((v) => v.nickname !== undefined || v.avatarUrl !== undefined || v.birthday !== undefined, {
        message: 'nothing to update',
      }),
    role: 'customer',
    mutating: true,
  }),
  'member.bindPhone': action<{ phoneMasked: string }>()({
    input: z.object({ code: z.string().min(1).max(128) }).strict(),
    role: 'customer',
    mutating: true,
  }),
  'member.benefits': action<MemberBenefits>()({
    input: z.object({}).strict(),
    role: 'any',
  }),
  'member.ackCelebration': action<{ acknowledged: number }>()({
    input: z.object({}).strict(),
    role: 'customer',
    mutating: true,
  }),
  'member.address.list': action<AddressBook>()({
    input: z.object({}).strict(),
    role: 'customer',
  }),
  'member.address.save': action<AddressBook & { address: MemberAddress }>()({
    input: z.object({ addressId: id.optional(), ...addressFields, isDefault: z.boolean().optional() }).strict(),
    role: 'customer',
    mutating: true,
  }),
  'member.address.setDefault': action<AddressBook>()({
    input: z.object({ addressId: id }).strict(),
    role: 'customer',
    mutating: true,
  }),
  'member.address.delete': action<AddressBook>()({
    input: z.object({ addressId: id }).strict(),
    role: 'customer',
    mutating: true,
  }),
  'member.address.regions': action<RegionList>()({
    input: z.object({}).strict(),
    role: 'any',
  }),
} as const;
