/** The advisor's workspace (我的顾客, 发券 within a monthly budget) and the manager's 导购管理. */
import { z } from 'zod';
import type { Fen, Points } from '../shared/money';
import { action, id } from './action';
import type { CouponKind } from './coupon.contract';
import type { MemberTier } from './member.contract';
import type { OrderView } from './order.contract';

/** One of the advisor's customers, as 我的顾客 lists them. */
export interface AdvisorCustomer {
  memberId: string;
  nickname: string;
  avatarUrl: string | null;
  tier: MemberTier;
  points: Points;
  /** The last paid (not cancelled or refunded) order, ISO-8601; null: never bought. */
  lastOrderAt: string | null;
  /** Since when this advisor serves the member. */
  boundAt: string;
  /** A product's repurchase cycle came due in the last 30 days and it was not bought again. */
  dueForRepurchase: boolean;
  /** The member's birthday falls in this Shanghai month. */
  birthdayThisMonth: boolean;
}

export type CustomerSort = 'lastOrder' | 'points' | 'bound';

/** A template an advisor may issue and what one coupon of it costs the budget. */
export interface AdvisorTemplate {
  templateId: string;
  title: string;
  kind: CouponKind;
  costFen: Fen;
  remaining: number;
}

/** The advisor's budget for the current Shanghai month. */
export interface AdvisorBudget {
  month: string;
  budgetFen: Fen;
  spentFen: Fen;
  remainingFen: Fen;
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

export const advisorActions = {
  /** The calling advisor's customers, sorted and filtered, keyset-paged. */
  'staff.myCustomers': action<{ items: AdvisorCustomer[]; nextCursor: string | null }>()({
    input: z
      .object({
        sort: z.enum(['lastOrder', 'points', 'bound']).default('lastOrder'),
        filter: z.enum(['due', 'birthday']).optional(),
        tier: z.string().min(1).max(32).optional(),
        cursor,
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    role: 'staff',
  }),
  /** One of the advisor's own customers (anyone else's is NOT_FOUND) with recent orders. */
  'staff.customerDetail': action<{
    customer: AdvisorCustomer;
    orders: OrderView[];
    budget: AdvisorBudget;
    templates: AdvisorTemplate[];
  }>()({
    input: z.object({ memberId: id }).strict(),
    role: 'staff',
  }),
  /** Issues an advisor-issuable coupon to one of the advisor's customers, charged to the monthly budget. */
  'staff.issueCoupon': action<{
    couponId: string;
    memberId: string;
    templateId: string;
    title: string;
    costFen: Fen;
    budget: AdvisorBudget;
  }>()({
    input: z.object({ memberId: id, templateId: id }).strict(),
    role: 'staff',
    mutating: true,
  }),
  'staff.myBudget': action<{ budget: AdvisorBudget; templates: AdvisorTemplate[] }>()({
    input: z.object({}).strict(),
    role: 'staff',
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
