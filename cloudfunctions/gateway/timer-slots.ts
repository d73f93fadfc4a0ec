import { sql } from 'kysely';
import type { Db } from '../core/db/db';

/** Rows older than this are pruned as new ones are claimed; the table stays a few days deep. */
const KEEP_MS = 3 * 86_400_000;

/**
 * Claims one scheduled run (timer, second) for this replica. Replicas tick on their own clocks, so
 * a replica may reach a second after another replica already ran it and released the timer's
 * lease; the primary key makes the second claim find the slot taken.
 */
export async function claimTimerSlot(db: Db, timer: string, slot: Date, replica: string): Promise<boolean> {
  const claimed = await db.kysely
    .insertInto('timer_runs')
    .values({ timer, slot, replica })
    .onConflict((oc) => oc.columns(['timer', 'slot']).doNothing())
    .returning('slot')
    .execute();
  if (claimed.length > 0) {
    await sql`delete from timer_runs where timer = ${timer} and slot < ${new Date(slot.getTime() - KEEP_MS)}`.execute(
      db.kysely,
    );
  }
  return claimed.length > 0;
}
