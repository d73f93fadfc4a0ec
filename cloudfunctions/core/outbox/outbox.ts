import type { Executor } from '../db/db';

/**
 * Writes a side effect to the outbox in the caller's transaction: it leaves only if the change
 * that caused it commits. `dedupeKey` makes a re-enqueue of the same effect a no-op.
 */
export async function enqueue(
  tx: Executor,
  message: { topic: string; dedupeKey: string; payload: Record<string, unknown>; now: Date; notBefore?: Date },
): Promise<void> {
  await tx
    .insertInto('outbox')
    .values({
      topic: message.topic,
      dedupe_key: message.dedupeKey,
      payload: JSON.stringify(message.payload),
      next_attempt_at: message.notBefore ?? message.now,
      created_at: message.now,
      last_error: null,
      delivered_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}
