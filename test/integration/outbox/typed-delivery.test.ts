import { expect, it } from 'vitest';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { runOutboxWorker } from '../../../cloudfunctions/core/outbox/outbox-worker';
import type { PayloadOf } from '../../../cloudfunctions/core/outbox/topics';
import { describeEachDatabase } from '../../support/databases';
import { T0, daysAfter, jobContext, outboxOf } from '../order/order-factory';

/** Writes a message the way hand-written SQL or an older deploy could: no compile-time check. */
async function insertRaw(db: Db, topic: string, dedupeKey: string, payload: Record<string, unknown>) {
  await db.kysely
    .insertInto('outbox')
    .values({
      topic,
      dedupe_key: dedupeKey,
      payload: JSON.stringify(payload),
      next_attempt_at: T0,
      created_at: T0,
      last_error: null,
      delivered_at: null,
    })
    .execute();
}

describeEachDatabase('outbox delivery parses payloads with the topic schema', (use) => {
  it('a payload that does not match its topic fails once, naming the topic and the field; its handler never runs', async () => {
    await insertRaw(use(), 'order.settled', 'typed:bad-settled', {
      orderId: 'o-typed',
      storeId: 'demo',
      paidFen: 100,
      settledAt: T0.toISOString(),
    });
    const seen: unknown[] = [];
    const counts = await runOutboxWorker(jobContext(use(), T0), 50, {
      'order.settled': async (_ctx, p) => {
        seen.push(p);
        return 'done';
      },
    });
    expect(counts).toEqual({ delivered: 0, retried: 0, failed: 1 });
    expect(seen).toEqual([]);
    const [message] = await outboxOf(use(), 'order.settled', 'typed:bad-settled');
    expect(message).toMatchObject({ status: 'failed', attempts: 1 });
    expect(message!.last_error).toBe(
      'order.settled payload does not match its schema: memberId: Invalid input: expected string, received undefined',
    );

    // Failed for good: no later run picks it up again.
    expect(await runOutboxWorker(jobContext(use(), daysAfter(T0, 2)))).toEqual({ delivered: 0, retried: 0, failed: 0 });
    expect((await outboxOf(use(), 'order.settled', 'typed:bad-settled'))[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
    });
  });

  it('a handler gets the parsed payload: fields the schema does not know are stripped', async () => {
    await insertRaw(use(), 'groupbuy.notify', 'typed:extra-field', {
      orderId: 'o-x',
      teamId: 't-x',
      outcome: 'failed',
      addedByNewerDeploy: true,
    });
    const seen: Array<PayloadOf<'groupbuy.notify'>> = [];
    const counts = await runOutboxWorker(jobContext(use(), daysAfter(T0, 3)), 50, {
      'groupbuy.notify': async (_ctx, p) => {
        seen.push(p);
        return 'done';
      },
    });
    expect(counts).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect(seen).toEqual([{ orderId: 'o-x', teamId: 't-x', outcome: 'failed' }]);
  });

  it('a topic this code does not know is retried with backoff, as before, not failed at once', async () => {
    await insertRaw(use(), 'loyalty.unknown', 'typed:unknown-topic', {});
    expect(await runOutboxWorker(jobContext(use(), daysAfter(T0, 4)))).toEqual({ delivered: 0, retried: 1, failed: 0 });
    expect((await outboxOf(use(), 'loyalty.unknown'))[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'no handler for topic loyalty.unknown',
    });
  });
});
