import type { Executor } from '../../db/db';
import type { TrackingEvent } from '../../platform/platform';

export async function findTimeline(exec: Executor, carrierCode: string, trackingNo: string) {
  return exec
    .selectFrom('tracking_timelines')
    .selectAll()
    .where('carrier_code', '=', carrierCode)
    .where('tracking_no', '=', trackingNo)
    .executeTakeFirst();
}

export interface TimelineRow {
  carrierCode: string;
  trackingNo: string;
  provider: string;
  found: boolean;
  state: string;
  events: TrackingEvent[];
  final: boolean;
  fetchedAt: Date;
}

/** Stores the newest answer; a final (delivered) timeline is never replaced. */
export async function saveTimeline(exec: Executor, t: TimelineRow): Promise<void> {
  const values = {
    carrier_code: t.carrierCode,
    tracking_no: t.trackingNo,
    provider: t.provider,
    found: t.found,
    state: t.state,
    events: JSON.stringify(t.events),
    final: t.final,
    fetched_at: t.fetchedAt,
  };
  await exec
    .insertInto('tracking_timelines')
    .values(values)
    .onConflict((oc) =>
      oc
        .columns(['carrier_code', 'tracking_no'])
        .doUpdateSet({
          provider: values.provider,
          found: values.found,
          state: values.state,
          events: values.events,
          final: values.final,
          fetched_at: values.fetched_at,
        })
        .where('tracking_timelines.final', '=', false),
    )
    .execute();
}
