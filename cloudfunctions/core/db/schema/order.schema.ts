import type { ColumnType, Generated } from 'kysely';

/** Orders, payments, refunds, the outbox and subscribe-message quotas (0002_orders.sql). */
export interface OrderTables {
  orders: {
    id: string;
    order_no: string;
    store_id: string;
    member_id: string;
    status: import('../../contract').OrderStatus;
    status_before_refund: import('../../contract').OrderStatus | null;
    delivery_type: 'express' | 'pickup';
    address: ColumnType<import('../../contract').Address | null, string | null, string | null>;
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
    /** 0012_shops_advisors.sql: attribution stamped when the order is created. */
    shop_id: Generated<string | null>;
    advisor_openid: Generated<string | null>;
    /** 0026_order_pickup_shop.sql: where a pickup order is collected. */
    pickup_shop_id: Generated<string | null>;
    /** 0034_store_settings.sql: the store settings the order was placed under (null: the defaults). */
    settings_version: Generated<number | null>;
    auto_confirm_days: Generated<number>;
    refund_window_days: Generated<number>;
    points_per_yuan: Generated<number>;
    /** 0036_redeem_rate.sql: the points that paid ¥1 when the order was placed. */
    redeem_points_per_yuan: Generated<number>;
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
    kind:
      | 'amount_mismatch'
      | 'unknown_order'
      | 'failed_result'
      | 'late_payment'
      | 'unconfirmed_payment'
      | 'unconfirmed_refund'
      | 'refund_conflict';
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
    /** `order`: the order's goods and money; `payment_return`: a payment that arrived for a closed order (0017). */
    kind: Generated<'order' | 'payment_return'>;
    /** The payment this refund returns money from; the database refuses refunds beyond it (0017). Defaults to the order's. */
    transaction_id: ColumnType<string, string | undefined, string>;
    out_refund_no: string;
    status: import('../../contract').RefundStatus;
    /** 仅退款 or 退货退款, as the customer asked (0029); store and system refunds are `refund_only`. */
    refund_type: Generated<import('../../contract').RefundType>;
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
    /** 0010_nudge.sql: a long-term grant, never spent by a send. */
    long_term: Generated<boolean>;
  };
  /** 0023_wechat_receipts.sql: receipt confirmations reported from WeChat's confirm-receipt component. */
  wechat_receipts: {
    id: Generated<number>;
    order_id: string;
    member_id: string;
    status: 'success' | 'fail' | 'cancel';
    error_message: string | null;
    wechat_order_state: number | null;
    verified: boolean;
    outcome: 'completed' | 'recorded' | 'unverified';
    created_at: Date;
  };
}
