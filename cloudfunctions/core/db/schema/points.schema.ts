import type { ColumnType, Generated } from 'kysely';

/** Points ledger and tier growth (0003_points.sql). */
export interface PointsTables {
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
}
