import type { ColumnType, Generated } from 'kysely';

/** Repurchase nudges (0010_nudge.sql). */
export interface NudgeTables {
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
}
