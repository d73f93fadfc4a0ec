/** The advisor's workspace: 我的顾客, 发券 within a monthly budget. The manager's 导购管理 is in manager/. */
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
} as const;
