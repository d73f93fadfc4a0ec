import type { ColumnType, Generated } from 'kysely';

/** Staff counter and audit (0009_staff.sql). */
export interface StaffTables {
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
    /** 0016_staff_invite_shop.sql: the shop the invited staff member will serve (null: none named). */
    shop_id: Generated<string | null>;
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
}
