import type { AdvisorBudget, AdvisorCustomer, AdvisorTemplate } from '../contract';
import { fen, points } from '../shared/money';
import { advisorCouponCost } from './domain/coupon-cost';
import type { CustomerRow } from './repo/customers.repo';

/** Rows as the advisor's pages show them. */

export function toCustomerView(r: CustomerRow): AdvisorCustomer {
  return {
    memberId: r.member_id,
    nickname: r.nickname,
    avatarUrl: r.avatar_url,
    tier: { code: r.tier_code, name: r.tier_name },
    points: points(Number(r.points_balance)),
    lastOrderAt: r.last_order_at ? new Date(r.last_order_at).toISOString() : null,
    boundAt: new Date(r.bound_at).toISOString(),
    dueForRepurchase: Boolean(r.due),
    birthdayThisMonth: Boolean(r.birthday_this_month),
  };
}

export function toBudgetView(month: string, b: { budgetFen: number; spentFen: number }): AdvisorBudget {
  return {
    month,
    budgetFen: fen(b.budgetFen),
    spentFen: fen(b.spentFen),
    remainingFen: fen(Math.max(0, b.budgetFen - b.spentFen)),
  };
}

/** Issuable templates with their cost; one without a bounded cost is left out (never charged). */
export function toTemplateViews(
  rows: Array<{ id: string; title: string; kind: AdvisorTemplate['kind']; args: unknown; remaining: number }>,
): AdvisorTemplate[] {
  return rows.flatMap((t) => {
    const costFen = advisorCouponCost(t.kind, t.args);
    return costFen === null
      ? []
      : [{ templateId: t.id, title: t.title, kind: t.kind, costFen, remaining: t.remaining }];
  });
}
