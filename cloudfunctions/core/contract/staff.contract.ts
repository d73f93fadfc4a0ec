/** Store staff at the counter: bind by invite, scan a member code, award points, redeem, verify pickup. */
import { z } from 'zod';
import type { Fen, Points } from '../shared/money';
import { action, id } from './action';
import type { MemberCoupon } from './coupon.contract';
import type { MemberTier } from './member.contract';
import type { OrderView } from './order.contract';

export type StaffRole = 'staff' | 'manager';

/**
 * The counter's look before handing goods over: the order (lines, pickup shop), who collects it, and
 * whether it was meant for another shop than the caller's (a warning: the counter may still hand over).
 */
export interface PickupPreview {
  order: OrderView;
  customer: { nickname: string };
  atOtherShop: boolean;
}

/** A shop's pickup orders at one stage, for its staff (the pickup code is never listed). */
export interface ShopPickups {
  /** The caller's shop; null when they are placed in none (they see every shop's pickups). */
  shop: { shopId: string; name: string } | null;
  /** Open pickups: paid and waiting to be prepared, prepared and waiting for the customer. */
  counts: { paid: number; ready: number };
  items: OrderView[];
  nextCursor: string | null;
}

/** What the counter shows after a scan. */
export interface CounterMember {
  memberId: string;
  nickname: string;
  avatarUrl: string | null;
  tier: MemberTier;
  points: Points;
  /** Coupons usable now (redeemable at the counter). */
  coupons: MemberCoupon[];
}

/**
 * The member code as scanned or pasted (base64url, short) or typed (fourteen digits, with the spaces
 * the member's screen shows between groups); spaces are dropped before the code is read.
 */
const memberCodeInput = z
  .string()
  .trim()
  .min(8)
  .max(120)
  .regex(/^[A-Za-z0-9_ -]+$/)
  .transform((s) => s.replace(/ /g, ''));
/** A till receipt number: unique per store. */
const receiptNo = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _');
const pickupCode = z.string().regex(/^\d{6}$/);
/** A person's name as staff screens show it: letters, digits, spaces, CJK, · and -. */
export const staffName = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[\p{L}\p{N} ·-]+$/u, 'letters, digits, spaces, · and -');

export const staffActions = {
  /** A member opening a manager's invite becomes staff (or manager) of the store. */
  'staff.bind': action<{ role: StaffRole; storeId: string }>()({
    input: z
      .object({
        inviteToken: z
          .string()
          .trim()
          .min(16)
          .max(64)
          .regex(/^[A-Za-z0-9_-]+$/),
      })
      .strict(),
    role: 'customer',
    mutating: true,
  }),
  /** The counter page asks this first: the server, not the page, decides who is staff. */
  'staff.session': action<{ role: StaffRole; storeId: string; storeName: string; nickname: string }>()({
    input: z.object({}).strict(),
    role: 'staff',
  }),
  /** Staff set the name staff screens show for themselves (null: back to the nickname), as the manager can. */
  'staff.setMyName': action<{ openid: string; displayName: string }>()({
    input: z.object({ name: staffName.nullable() }).strict(),
    role: 'staff',
    mutating: true,
  }),
  /** Spends the member code (usable once) and shows the member; later actions reuse the scan. */
  'staff.scanMemberCode': action<CounterMember>()({
    input: z.object({ code: memberCodeInput }).strict(),
    role: 'staff',
    mutating: true,
  }),
  'staff.awardPoints': action<{
    pointsAwarded: Points;
    receiptNo: string;
    amountFen: Fen;
    memberId: string;
    /** The member's balance after the award. */ balance: Points;
  }>()({
    input: z.object({ code: memberCodeInput, amountFen: z.number().int().min(1).max(10_000_000), receiptNo }).strict(),
    role: 'staff',
    mutating: true,
  }),
  'staff.redeemCoupon': action<{ couponId: string; status: 'used'; memberId: string; title: string }>()({
    input: z.object({ code: memberCodeInput, couponId: id }).strict(),
    role: 'staff',
    mutating: true,
  }),
  /** What a pickup code would hand over (items, customer, store), before staff.verifyPickup. */
  'staff.previewPickup': action<PickupPreview>()({ input: z.object({ pickupCode }).strict(), role: 'staff' }),
  /** The caller's shop's pickup orders: to prepare (paid), to collect (ready_for_pickup), collected. */
  'staff.listPickups': action<ShopPickups>()({
    input: z
      .object({
        stage: z.enum(['paid', 'ready_for_pickup', 'completed']),
        cursor: z.string().max(200).optional(),
      })
      .strict(),
    role: 'staff',
  }),
  /** Staff mark their own shop's paid pickup order prepared (the manager's readyForPickup, shop-checked). */
  'staff.readyForPickup': action<OrderView>()({
    input: z.object({ orderId: id }).strict(),
    role: 'staff',
    mutating: true,
  }),
  /** The same use case as manager.verifyPickup (pickup and group-buy orders). */
  'staff.verifyPickup': action<OrderView>()({
    input: z.object({ pickupCode }).strict(),
    role: 'staff',
    mutating: true,
  }),
} as const;
