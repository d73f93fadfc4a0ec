import type { ColumnType, Generated } from 'kysely';

/** Coupons (0004_coupons.sql). */
export interface CouponTables {
  coupon_templates: {
    id: string;
    store_id: string;
    title: string;
    kind: import('../../coupon/rules').CouponKind;
    args: ColumnType<Record<string, unknown>, string, string>;
    scope: Generated<import('../../coupon/domain/scope').CouponScope>;
    scope_ids: Generated<string[]>;
    valid_from: Date | null;
    valid_until: Date | null;
    valid_days: number | null;
    total: number;
    remaining: number;
    per_member_limit: Generated<number>;
    claimable: Generated<boolean>;
    active: Generated<boolean>;
    sort: Generated<number>;
    created_at: Generated<Date>;
    /** 0006_coupon_issuers.sql: issued automatically to new members / on birthdays. */
    auto_issue: Generated<'new_member' | 'birthday' | null>;
    /** 0014_advisor_budgets.sql: advisors may issue it against their monthly budget. */
    advisor_issuable: Generated<boolean>;
  };
  /** 0006_coupon_issuers.sql: one row per automatic issue (the idempotency key). */
  coupon_auto_issues: {
    member_id: string;
    template_id: string;
    source: 'new_member' | 'birthday';
    period: string;
    coupon_id: string | null;
    issued_at: Date;
  };
  coupons: {
    id: string;
    store_id: string;
    template_id: string;
    member_id: string;
    seq: number;
    status: Generated<'usable' | 'locked' | 'used' | 'expired'>;
    source: 'claim' | 'new_member' | 'birthday' | 'referral' | 'win_back' | 'staff' | 'shop_welcome';
    valid_from: Date;
    valid_until: Date;
    order_id: string | null;
    claimed_at: Date;
    used_at: Date | null;
    /** 0009_staff.sql: the staff openid that redeemed it at the counter. */
    redeemed_by: Generated<string | null>;
  };
}
