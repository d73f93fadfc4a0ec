import type { ColumnType } from 'kysely';

/** Store settings (0034_store_settings.sql): one row per saved version, the newest in force. */
export interface SettingsTables {
  store_settings: {
    store_id: string;
    version: number;
    section: string;
    doc: ColumnType<Record<string, unknown>, string, never>;
    created_by: string;
    created_at: Date;
  };
}
