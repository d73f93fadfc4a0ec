/** The manager's shops and advisors (导购): shop and advisor codes, budgets, who serves whom. */
import { z } from 'zod';
import { action, id } from '../action';
import type { AdvisorBudget } from '../advisor.contract';
import type { MemberTier } from '../member.contract';
import { parseNear } from '../order.contract';

export interface ShopAdvisorCode {
  openid: string;
  name: string;
  role: 'staff' | 'manager';
  code: string;
  scene: string;
  qrImage: string | null;
}

export interface ShopCodes {
  items: Array<{
    shopId: string;
    code: string;
    name: string;
    address: string;
    active: boolean;
    /** `s=CODE` */
    scene: string;
    qrImage: string | null;
    welcomeGiftTitle: string | null;
    advisors: ShopAdvisorCode[];
  }>;
  /** Staff not placed in any shop: they have a code, but scans of it are refused until they are. */
  unassigned: ShopAdvisorCode[];
}

/** A member in the manager's reassignment list. */
export interface ShopCustomer {
  memberId: string;
  nickname: string;
  avatarUrl: string | null;
  tier: MemberTier;
  shopId: string;
  /** null: the shop's pool. */
  advisorOpenid: string | null;
  advisorName: string | null;
  boundAt: string;
}

/** One staff member in 导购管理. */
export interface AdvisorSummary {
  openid: string;
  name: string;
  role: 'staff' | 'manager';
  shopId: string | null;
  shopName: string | null;
  code: string | null;
  customers: number;
  budget: AdvisorBudget;
}

const cursor = z.string().max(200).optional();

/** A shop as the manager edits it (门店管理). `open: false` takes it off checkout's pickup list. */
export interface ManagerShop {
  shopId: string;
  code: string;
  name: string;
  address: string;
  hours: string;
  phone: string;
  latitude: number | null;
  longitude: number | null;
  welcomeTemplateId: string | null;
  welcomeTemplateTitle: string | null;
  open: boolean;
}

const shopText = (max: number) => z.string().trim().max(max);

export const managerShopActions = {
  /** Every shop, open or closed, oldest first. */
  'manager.listShops': action<{ items: ManagerShop[] }>()({
    input: z.object({}).strict(),
    role: 'manager',
  }),
  /** Creates (no `shopId`: the server gives it a unique code) or edits a shop. */
  'manager.saveShop': action<ManagerShop>()({
    input: z
      .object({
        shopId: id.optional(),
        name: shopText(30).min(1),
        address: shopText(120),
        hours: shopText(60),
        phone: z.string().regex(/^(|[0-9][0-9-]{4,19})$/, 'digits and dashes'),
        // `latitude,longitude` as text, like checkout's `near`: coordinates are signed decimals, unlike
        // every other number of the contract. Null: no map position.
        location: z
          .string()
          .regex(/^-?\d{1,3}(\.\d{1,8})?,-?\d{1,3}(\.\d{1,8})?$/)
          .refine((v) => parseNear(v) !== null, { message: 'latitude within ±90, longitude within ±180' })
          .nullable(),
        welcomeTemplateId: id.nullable(),
      })
      .strict(),
    role: 'manager',
    mutating: true,
  }),
  /** Opens or closes a shop; orders already assigned to a closed shop keep it. */
  'manager.setShopOpen': action<{ shopId: string; open: boolean }>()({
    input: z.object({ shopId: id, open: z.boolean() }).strict(),
    role: 'manager',
    mutating: true,
  }),
  /** Every shop's poster code and every advisor's code (门店与导购码). */
  'manager.shopCodes': action<ShopCodes>()({
    input: z.object({}).strict(),
    role: 'manager',
  }),
  /** Staff per shop with their customer counts and this month's budget; the pools' sizes. */
  'manager.advisors': action<{
    month: string;
    advisors: AdvisorSummary[];
    pools: Array<{ shopId: string; shopName: string; customers: number }>;
  }>()({
    input: z.object({}).strict(),
    role: 'manager',
  }),
  /** Sets a staff member's monthly budget (this month's row too); lowering it below spent stops issuing. */
  'manager.setAdvisorBudget': action<{ openid: string; budget: AdvisorBudget }>()({
    input: z.object({ openid: id, budgetFen: z.number().int().min(0).max(100_000_000) }).strict(),
    role: 'manager',
    mutating: true,
  }),
  /** Moves a member to another advisor of their shop, or to the shop's pool (null). */
  'manager.reassignAdvisor': action<{
    memberId: string;
    shopId: string;
    advisorOpenid: string | null;
    previousAdvisorOpenid: string | null;
  }>()({
    input: z.object({ memberId: id, advisorOpenid: id.nullable() }).strict(),
    role: 'manager',
    mutating: true,
  }),
  /** A shop's served members for reassigning: all, one advisor's, or the pool (`advisorOpenid: null`). */
  'manager.shopCustomers': action<{ items: ShopCustomer[]; nextCursor: string | null }>()({
    input: z.object({ shopId: id.optional(), advisorOpenid: id.nullable().optional(), cursor }).strict(),
    role: 'manager',
  }),
  /** Marks a template advisor-issuable (or not); a 折扣 without a cap cannot be (unbounded cost). */
  'manager.setAdvisorTemplate': action<{ templateId: string; advisorIssuable: boolean }>()({
    input: z.object({ templateId: id, advisorIssuable: z.boolean() }).strict(),
    role: 'manager',
    mutating: true,
  }),
} as const;
