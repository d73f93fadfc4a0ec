import type { ColumnType, Generated } from 'kysely';

/** Table types for Kysely; kept in step with migrations/*.sql by the integration tests. */
export interface Database {
  schema_migrations: { version: string; applied_at: Generated<Date> };
  stores: { id: string; name: string; slogan: Generated<string>; created_at: Generated<Date> };
  categories: {
    id: string;
    store_id: string;
    name: string;
    icon: string;
    art: unknown | null;
    sort: Generated<number>;
    active: Generated<boolean>;
  };
  products: {
    id: string;
    store_id: string;
    category_id: string;
    title: string;
    subtitle: Generated<string>;
    description: Generated<string>;
    images: ColumnType<string[], string, string>;
    art: ColumnType<unknown | null, string | null, string | null>;
    repurchase_cycle_days: number;
    fulfilment: Array<'express' | 'pickup'>;
    tags: Generated<string[]>;
    featured: Generated<boolean>;
    sort: Generated<number>;
    status: Generated<'on_sale' | 'off_shelf'>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  skus: {
    id: string;
    product_id: string;
    specs: ColumnType<Record<string, string>, string, string>;
    price_fen: number;
    original_price_fen: number | null;
    stock: number;
    sort: Generated<number>;
    active: Generated<boolean>;
  };
  banners: {
    id: string;
    store_id: string;
    title: string;
    subtitle: Generated<string>;
    image: string;
    art: ColumnType<unknown | null, string | null, string | null>;
    link: string;
    sort: Generated<number>;
    active: Generated<boolean>;
  };
  tiers: {
    store_id: string;
    code: string;
    name: string;
    min_growth: number;
    benefits: ColumnType<Record<string, unknown>, string, string>;
  };
  members: {
    id: string;
    store_id: string;
    openid: string;
    nickname: string;
    avatar_url: string | null;
    tier_code: string;
    points_balance: Generated<number>;
    growth: Generated<number>;
    invite_code: string;
    created_at: Generated<Date>;
    // 0005_member_profile.sql. `birthday` is a SQL date and drivers disagree on reading one (pg: a
    // local-midnight Date), so repositories read it with to_char(birthday, 'YYYY-MM-DD').
    birthday: ColumnType<unknown, string | null, string | null>;
    phone: string | null;
    phone_country: string | null;
  };
  staff: {
    store_id: string;
    openid: string;
    role: 'staff' | 'manager';
    created_at: Generated<Date>;
    revoked_at: Date | null;
    /** 0009_staff.sql (issue 7). */
    invited_by: Generated<string | null>;
    revoked_by: Generated<string | null>;
  };
  idempotency_keys: {
    scope: string;
    key: string;
    request_hash: string;
    response: ColumnType<unknown, string | null, string | null>;
    created_at: Generated<Date>;
  };
  orders: {
    id: string;
    order_no: string;
    store_id: string;
    member_id: string;
    status: import('../contract').OrderStatus;
    status_before_refund: import('../contract').OrderStatus | null;
    delivery_type: 'express' | 'pickup';
    address: ColumnType<import('../contract').Address | null, string | null, string | null>;
    remark: Generated<string>;
    subtotal_fen: number;
    member_discount_fen: number;
    coupon_discount_fen: number;
    points_discount_fen: number;
    shipping_fen: number;
    payable_fen: number;
    points_used: number;
    coupon_id: string | null;
    group_buy: ColumnType<unknown | null, string | null, string | null>;
    pickup_code: string | null;
    carrier: string | null;
    tracking_no: string | null;
    transaction_id: string | null;
    expires_at: Date;
    paid_at: Date | null;
    shipped_at: Date | null;
    ready_at: Date | null;
    completed_at: Date | null;
    settled_at: Date | null;
    cancelled_at: Date | null;
    cancel_reason: string | null;
    created_at: Date;
  };
  order_lines: {
    id: string;
    order_id: string;
    sku_id: string;
    product_id: string;
    title: string;
    specs_text: string;
    image: string;
    qty: number;
    unit_price_fen: number;
    member_price_fen: number;
    coupon_share_fen: number;
    points_share_fen: number;
    payable_fen: number;
    refund_id: string | null;
    sort: number;
  };
  payments: {
    transaction_id: string;
    order_id: string;
    amount_fen: number;
    paid_at: Date;
    raw: ColumnType<unknown, string, string>;
    created_at: Generated<Date>;
  };
  payment_anomalies: {
    id: Generated<number>;
    kind: 'amount_mismatch' | 'unknown_order' | 'failed_result' | 'late_payment';
    out_trade_no: string | null;
    transaction_id: string | null;
    amount_fen: number | null;
    detail: string;
    raw: ColumnType<unknown, string, string>;
    created_at: Generated<Date>;
  };
  refunds: {
    id: string;
    order_id: string;
    out_refund_no: string;
    status: 'requested' | 'approved' | 'rejected' | 'processing' | 'succeeded' | 'failed';
    amount_fen: number;
    line_ids: string[];
    whole_order: boolean;
    reason: string;
    initiated_by: 'customer' | 'manager' | 'system';
    reject_reason: string | null;
    failure_reason: string | null;
    wx_refund_id: string | null;
    created_at: Date;
    decided_at: Date | null;
    completed_at: Date | null;
  };
  outbox: {
    id: Generated<number>;
    topic: string;
    dedupe_key: string;
    payload: ColumnType<Record<string, unknown>, string, string>;
    status: Generated<'pending' | 'done' | 'failed'>;
    attempts: Generated<number>;
    next_attempt_at: Date;
    last_error: string | null;
    created_at: Date;
    delivered_at: Date | null;
  };
  subscribe_quotas: {
    member_id: string;
    template_id: string;
    remaining: number;
    updated_at: Date;
    /** Issue 8 (0010_nudge.sql): a long-term grant, never spent by a send. */
    long_term: Generated<boolean>;
  };

  // ---------- points ledger and tier growth (0003_points.sql) ----------
  points_lots: {
    id: string;
    member_id: string;
    amount: number;
    remaining: number;
    earned_at: Date;
    expires_at: Date;
    created_at: Date;
  };
  points_entries: {
    id: Generated<number>;
    member_id: string;
    delta: number;
    reason: 'earn' | 'award' | 'spend' | 'spend_return' | 'expire' | 'refund_reversal' | 'referral';
    order_id: string | null;
    lot_id: string | null;
    idempotency_key: string;
    metadata: ColumnType<Record<string, unknown>, string | undefined, string>;
    created_at: Date;
  };
  growth_events: {
    id: Generated<number>;
    member_id: string;
    delta: number;
    source: 'order_settled' | 'order_refunded';
    order_id: string | null;
    idempotency_key: string;
    at: Date;
  };
  tier_changes: {
    id: Generated<number>;
    member_id: string;
    from_code: string;
    to_code: string;
    reason: 'upgrade' | 'yearly_review';
    created_at: Date;
    acknowledged_at: Date | null;
  };
  // ---------- end points ledger and tier growth ----------
  // ---------- coupons (0004_coupons.sql) ----------
  coupon_templates: {
    id: string;
    store_id: string;
    title: string;
    kind: import('../coupon/rules').CouponKind;
    args: ColumnType<Record<string, unknown>, string, string>;
    scope: Generated<import('../coupon/domain/scope').CouponScope>;
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
    source: 'claim' | 'new_member' | 'birthday' | 'referral' | 'win_back' | 'staff';
    valid_from: Date;
    valid_until: Date;
    order_id: string | null;
    claimed_at: Date;
    used_at: Date | null;
    /** 0009_staff.sql (issue 7): the staff openid that redeemed it at the counter. */
    redeemed_by: Generated<string | null>;
  };
  // ---------- end coupons ----------

  // ---------- member profile and member code (0005_member_profile.sql) ----------
  member_code_uses: {
    member_id: string;
    /** 30-second step of the code; int8, so pg hands it back as a string. */
    step: ColumnType<string | number, number, number>;
    used_at: Date;
    used_by: string | null;
  };
  // ---------- end member profile and member code ----------
  // ---------- staff counter and audit (0009_staff.sql, issue 7) ----------
  staff_invites: {
    id: string;
    store_id: string;
    token_hash: string;
    role: 'staff' | 'manager';
    created_by: string;
    created_at: Date;
    expires_at: Date;
    used_by: string | null;
    used_at: Date | null;
    revoked_at: Date | null;
  };
  counter_receipts: {
    store_id: string;
    receipt_no: string;
    member_id: string;
    amount_fen: number;
    points: number;
    awarded_by: string;
    awarded_at: Date;
  };
  audit_log: {
    /** int8 identity: pg hands it back as a string. */
    id: ColumnType<string | number, never, never>;
    store_id: string;
    who: string;
    role: 'customer' | 'staff' | 'manager';
    action: string;
    member_id: string | null;
    amount_fen: number | null;
    detail: ColumnType<unknown, string, string>;
    created_at: Date;
  };
  // ---------- end staff counter and audit ----------

  // ---------- group-buy, issue 6 (0008_groupbuy.sql) ----------
  groupbuy_campaigns: {
    id: string;
    store_id: string;
    sku_id: string;
    title: string;
    group_price_fen: number;
    team_size: number;
    window_hours: number;
    per_member_limit: number;
    stock_cap: number;
    seats_sold: Generated<number>;
    allow_virtual: boolean;
    on_full: 'open_new' | 'refund';
    status: Generated<'active' | 'stopped'>;
    starts_at: Date;
    ends_at: Date;
    created_at: Date;
    stopped_at: Date | null;
  };
  groupbuy_teams: {
    id: string;
    store_id: string;
    campaign_id: string;
    leader_id: string;
    status: Generated<'open' | 'succeeded' | 'failed'>;
    size: number;
    joined: number;
    virtual: Generated<boolean>;
    created_at: Date;
    expires_at: Date;
    finished_at: Date | null;
  };
  groupbuy_team_members: {
    team_id: string;
    order_id: string;
    member_id: string;
    seat: number;
    joined_at: Date;
  };
  groupbuy_member_seats: { campaign_id: string; member_id: string; seats: number };
  groupbuy_notifications: {
    order_id: string;
    outcome: 'succeeded' | 'failed';
    result: 'sent' | 'no_quota' | 'refused' | 'no_template';
    errcode: number | null;
    detail: string;
    created_at: Date;
  };
  // ---------- end group-buy ----------

  // ---------- issue 9: scheduled timer runs, one per timer and second across replicas (0011_timer_runs.sql) ----------
  timer_runs: {
    timer: string;
    slot: Date;
    replica: string;
    started_at: Generated<Date>;
  };
  // ---------- end scheduled timer runs ----------

  // ---------- issue 8: repurchase nudges (0010_nudge.sql) ----------
  nudge_settings: {
    store_id: string;
    template_id: string | null;
    cap_days: number | null;
    quiet_start_hour: number | null;
    quiet_end_hour: number | null;
    trigger_args: ColumnType<Record<string, unknown>, string | undefined, string>;
    updated_at: Generated<Date>;
  };
  nudges: {
    id: ColumnType<string | number, never, never>;
    store_id: string;
    member_id: string;
    trigger: string;
    subject: string;
    template_id: string;
    detail: ColumnType<Record<string, unknown>, string, string>;
    page: string | null;
    data: ColumnType<Record<string, { value: string }> | null, string | null, string | null>;
    coupon_id: string | null;
    status: Generated<'queued' | 'sent' | 'refused' | 'failed'>;
    attempts: Generated<number>;
    errcode: number | null;
    last_error: string | null;
    created_at: Date;
    sent_at: Date | null;
  };
  nudge_member_stats: {
    member_id: string;
    store_id: string;
    first_paid_at: Date;
    last_paid_at: Date;
    orders: number;
    at_risk_at: Date | null;
    refreshed_at: Date;
  };
  nudge_runs: { store_id: string; run_at: Date; counts: ColumnType<Record<string, number>, string, string> };
  // ---------- end repurchase nudges ----------
  // ---------- referral (issue 5, 0007_referral.sql) ----------
  referral_settings: {
    store_id: string;
    reward_kind: Generated<'points' | 'coupon'>;
    reward_points: Generated<number>;
    reward_template_id: string | null;
    friend_template_id: string | null;
    daily_cap: Generated<number>;
    monthly_cap: Generated<number>;
    binding_days: Generated<number>;
    updated_at: Generated<Date>;
  };
  referrals: {
    id: string;
    store_id: string;
    inviter_member_id: string;
    friend_member_id: string;
    status: Generated<import('../referral/domain/referral-status').ReferralStatus>;
    bound_at: Date;
    expires_at: Date;
    friend_coupon_id: string | null;
    first_order_id: string | null;
    reward_kind: 'points' | 'coupon' | null;
    reward_points: number | null;
    reward_coupon_id: string | null;
    rewarded_at: Date | null;
    reversed_at: Date | null;
  };
  referral_events: {
    id: Generated<number>;
    store_id: string;
    inviter_member_id: string;
    friend_member_id: string | null;
    kind: import('../referral/domain/referral-status').ReferralEventKind;
    reason: string | null;
    referral_id: string | null;
    created_at: Date;
  };
  // ---------- end referral ----------
}
