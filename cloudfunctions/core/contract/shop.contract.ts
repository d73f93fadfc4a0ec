/** Stores (门店) and advisors (导购), customer side: the counter's codes, the welcome, 我的门店. */
import { z } from 'zod';
import { action } from './action';

/** A shop as a customer sees it (store info page, welcome page). */
export interface ShopCard {
  shopId: string;
  code: string;
  name: string;
  address: string;
  hours: string;
  phone: string;
  /** Both null when the shop has no map position. */
  latitude: number | null;
  longitude: number | null;
  /** False while the manager has the shop closed (暂停营业). */
  open: boolean;
}

/** The member's personal advisor as shown to them: no openid leaves the server. */
export interface AdvisorCard {
  /** staff.display_name, else the staff member's nickname. */
  name: string;
  avatarUrl: string | null;
}

/**
 * What this scan did to the member's advisor: bound (first binding, to the scanned advisor),
 * joined_pool (first binding, a store code: the shop's pool), claimed_from_pool (was in a pool, now
 * has the scanned advisor), kept (an earlier binding wins).
 */
export type WelcomeBinding = 'bound' | 'joined_pool' | 'claimed_from_pool' | 'kept';

/** issued (now), already_received (once per member, ever), none (the shop has no gift), or the coupon's refusal. */
export type WelcomeGiftReason =
  'issued' | 'already_received' | 'none' | 'sold_out' | 'ended' | 'limit_reached' | 'not_found';

export interface WelcomeResult {
  /** The shop whose code was scanned. */
  shop: ShopCard;
  scanned: 'shop' | 'advisor';
  /** The member's advisor after this scan (may be an earlier one: first binding wins); null in a pool. */
  advisor: AdvisorCard | null;
  binding: WelcomeBinding;
  /** True when this scan recorded the member's origin (their first store or advisor code ever). */
  firstScan: boolean;
  /** The welcome coupon: received now or earlier (`receivedNow`); null when there is none to show. */
  gift: { couponId: string; title: string; validUntil: string; receivedNow: boolean } | null;
  giftReason: WelcomeGiftReason;
  /** What to tell the visitor (zh-CN). */
  message: string;
}

export interface MyShop {
  /** Null: the member never scanned a store or advisor code. */
  shop: ShopCard | null;
  advisor: AdvisorCard | null;
}

export interface MyAdvisorCode {
  code: string;
  /** `a=CODE` */
  scene: string;
  /** The welcome page the code opens (no leading slash, as wxacode wants it). */
  page: string;
  /** The mini-program code as a data URL (local mode: a QR of the same page and scene); null if the platform refused. */
  qrImage: string | null;
  name: string;
  /** Null: the staff member is not placed in a shop yet, so scans of the code are refused. */
  shop: { shopId: string; name: string } | null;
}

const code = z.string().trim().min(1).max(32);

export const shopActions = {
  /** A scan of a shop's poster or an advisor's code: membership, origin, advisor and the once-ever gift. */
  'shop.welcome': action<WelcomeResult>()({
    input: z.union([
      z.object({ scene: z.string().min(1).max(128) }).strict(),
      z.object({ shopCode: code }).strict(),
      z.object({ advisorCode: code }).strict(),
    ]),
    role: 'customer',
    mutating: true,
  }),
  'shop.myShop': action<MyShop>()({
    input: z.object({}).strict(),
    role: 'customer',
  }),
  /** The staff member's own advisor code (hosted by the `shop` function: the prefix picks the function). */
  'shop.myAdvisorCode': action<MyAdvisorCode>()({
    input: z.object({}).strict(),
    role: 'staff',
  }),
} as const;
