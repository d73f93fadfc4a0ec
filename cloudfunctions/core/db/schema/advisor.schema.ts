import type { Generated } from 'kysely';

/** Advisor budgets and the ledger of advisor-issued coupons (0014_advisor_budgets.sql). */
export interface AdvisorTables {
  advisor_budgets: {
    store_id: string;
    staff_openid: string;
    /** Asia/Shanghai calendar month, `YYYY-MM`. */
    month: string;
    budget_fen: number;
    spent_fen: Generated<number>;
    updated_at: Date;
  };
  advisor_coupon_issues: {
    coupon_id: string;
    store_id: string;
    staff_openid: string;
    month: string;
    member_id: string;
    template_id: string;
    cost_fen: number;
    issued_at: Date;
  };
}
