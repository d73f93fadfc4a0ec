import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db/db';
import type { PayloadOf, Topic } from './topics';

export type { PayloadOf, Topic } from './topics';

/**
 * Writes a side effect to the outbox in the caller's transaction: it leaves only if the change
 * that caused it commits. `dedupeKey` makes a re-enqueue of the same effect a no-op. The payload is
 * checked against the topic's schema at compile time here and parsed again on delivery.
 */
export async function enqueue<T extends Topic>(
  tx: Executor,
  message: { topic: T; dedupeKey: string; payload: PayloadOf<T>; now: Date; notBefore?: Date },
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

/** One SQL expression per payload field, evaluated for each selected row. */
export type PayloadColumns<T extends Topic> = { [K in keyof PayloadOf<T>]-?: RawBuilder<PayloadOf<T>[K]> };

/**
 * The set-based `enqueue`: an `insert into outbox ... select ... from <rows>` to embed in the
 * caller's statement (a CTE), one message per row. It keeps a batch that writes many rows and their
 * messages to one statement instead of a round trip per message, with the same dedupe-key no-op.
 * The payload's fields are typed by the topic's schema, and parsed again on delivery.
 */
export function enqueueSelect<T extends Topic>(
  topic: T,
  rows: { from: RawBuilder<unknown>; dedupeKey: RawBuilder<string>; payload: PayloadColumns<T>; now: Date },
): RawBuilder<unknown> {
  const fields = Object.entries(rows.payload as Record<string, RawBuilder<unknown>>).flatMap(([key, value]) => [
    sql.lit(key),
    value,
  ]);
  return sql`insert into outbox (topic, dedupe_key, payload, next_attempt_at, created_at)
    select ${topic}::text, ${rows.dedupeKey}, jsonb_build_object(${sql.join(fields)}), ${rows.now}::timestamptz, ${rows.now}::timestamptz
      from ${rows.from}
    on conflict (dedupe_key) do nothing`;
}
