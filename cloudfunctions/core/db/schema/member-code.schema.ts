import type { ColumnType } from 'kysely';

/** Member profile and member code (0005_member_profile.sql). */
export interface MemberCodeTables {
  member_code_uses: {
    member_id: string;
    /** 30-second step of the code; int8, so pg hands it back as a string. */
    step: ColumnType<string | number, number, number>;
    used_at: Date;
    used_by: string | null;
  };
}
