import type { Generated } from 'kysely';

/** Report files built in the background (0037_export_jobs.sql). */
export interface ExportTables {
  export_jobs: {
    id: string;
    store_id: string;
    kind: string;
    format: 'csv' | 'xlsx';
    from_day: string;
    to_day: string;
    status: Generated<'queued' | 'running' | 'done' | 'failed'>;
    attempts: Generated<number>;
    lease_until: Date | null;
    rows: number | null;
    bytes: number | null;
    file_id: string | null;
    file_name: string | null;
    error: string | null;
    requested_by: string;
    created_at: Date;
    started_at: Date | null;
    finished_at: Date | null;
    expires_at: Date;
  };
}
