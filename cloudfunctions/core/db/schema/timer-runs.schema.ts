import type { Generated } from 'kysely';

/** Scheduled timer runs, one per timer and second across replicas (0011_timer_runs.sql). */
export interface TimerRunTables {
  timer_runs: {
    timer: string;
    slot: Date;
    replica: string;
    started_at: Generated<Date>;
  };
  /** Who runs a timer now, until when (0019_timer_leases.sql). */
  timer_leases: {
    timer: string;
    holder: string;
    holder_pid: number | null;
    expires_at: Date;
  };
}
