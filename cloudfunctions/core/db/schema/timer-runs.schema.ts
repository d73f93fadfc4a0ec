import type { Generated } from 'kysely';

/** Scheduled timer runs, one per timer and second across replicas (0011_timer_runs.sql). */
export interface TimerRunTables {
  timer_runs: {
    timer: string;
    slot: Date;
    replica: string;
    started_at: Generated<Date>;
  };
}
