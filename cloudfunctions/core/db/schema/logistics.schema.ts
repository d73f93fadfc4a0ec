import type { ColumnType } from 'kysely';
import type { TrackingEvent } from '../../platform/platform';

/** Cached carrier timelines (0035_logistics.sql). */
export interface LogisticsTables {
  tracking_timelines: {
    carrier_code: string;
    tracking_no: string;
    provider: string;
    found: boolean;
    state: string;
    events: ColumnType<TrackingEvent[], string, string>;
    final: boolean;
    fetched_at: Date;
  };
}
