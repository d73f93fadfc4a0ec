import { sql } from 'kysely';
import type { CallContext } from '../context';
import { deliverToSubscribers, hasSubscribers, subscribersOf, type Delivery } from './subscriptions';
import { isTopic, topics, type PayloadOf, type Topic } from './topics';

/** Delivers one message of a topic, its payload already parsed. */
export type OutboxHandler<T extends Topic = Topic> = (ctx: CallContext, payload: PayloadOf<T>) => Promise<Delivery>;
/** A handler per topic, in place of the subscribers (tests inject them to steer one delivery). */
export type OutboxHandlers = { [T in Topic]?: OutboxHandler<T> };

/** After this many attempts a message is marked failed and shows up for the operator. */
const MAX_ATTEMPTS = 12;

/** Exponential backoff: 1, 2, 4 ... minutes, at most an hour. */
function backoffMs(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;
}

/** The subscribers of `order.settled` and `order.refunded`, in delivery order, to replay an event by hand. */
export const settledConsumers = subscribersOf('order.settled');
export const refundedConsumers = subscribersOf('order.refunded');

type Parsed = { ok: true; topic: Topic; payload: PayloadOf<Topic> } | { ok: false; error: string; final: boolean };

/**
 * Parses a stored payload with its topic's schema. A payload that does not parse was written by a
 * bug (enqueue is typed, so only hand-written SQL or an incompatible deploy writes one); retrying
 * cannot fix it, so it fails at once. An unknown topic retries, as a message with no handler always has.
 */
function parseMessage(topic: string, payload: unknown): Parsed {
  if (!isTopic(topic)) return { ok: false, error: `no handler for topic ${topic}`, final: false };
  const parsed = topics[topic].safeParse(payload);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');
    return { ok: false, error: `${topic} payload does not match its schema: ${issues}`, final: true };
  }
  return { ok: true, topic, payload: parsed.data };
}

/** What delivers a topic's messages in this run: the injected handler, or else the topic's subscribers. */
function deliveryFor(topic: Topic, handlers: OutboxHandlers | undefined): OutboxHandler | undefined {
  if (handlers) return handlers[topic] as OutboxHandler | undefined;
  if (subscribersOf(topic).length === 0) return undefined;
  return (ctx, payload) => deliverToSubscribers(ctx, topic, payload);
}

/** How long a claimed message is hidden from other workers; a worker that dies mid-delivery frees it by then. */
export const LEASE_MS = 5 * 60_000;

/**
 * outboxWorker: claims due messages one at a time and delivers them. A claim is one statement
 * (`for update skip locked` inside an update) that pushes the message's next attempt a lease into
 * the future, so replicas never take the same message, and no lock is held during the network call.
 * A worker that crashes mid-delivery leaves the message to be retried after the lease; handlers are
 * idempotent (deterministic outRefundNo, conditional updates), so a second delivery changes nothing.
 * Messages go to the subscribers registered by `core/subscribers`, or to `handlers` when given.
 */
export async function runOutboxWorker(
  ctx: CallContext,
  limit = 50,
  handlers?: OutboxHandlers,
): Promise<Record<string, number>> {
  // Subscribers register when core/subscribers is imported; a worker without them would retry every message.
  if (!handlers && !hasSubscribers())
    throw new Error('no outbox subscribers registered: import core/subscribers before running the worker');
  const db = ctx.db.kysely;
  const counts = { delivered: 0, retried: 0, failed: 0 };
  for (let i = 0; i < limit; i++) {
    const { rows } = await sql<{ id: number; topic: string; payload: Record<string, unknown>; attempts: number }>`
      update outbox set attempts = attempts + 1, next_attempt_at = ${new Date(ctx.now.getTime() + LEASE_MS)}
       where id = (
         select id from outbox
          where status = 'pending' and next_attempt_at <= ${ctx.now}
          order by next_attempt_at, id
          limit 1
          for update skip locked)
      returning id, topic, payload, attempts`.execute(db);
    const message = rows[0];
    if (!message) break;
    const parsed = parseMessage(message.topic, message.payload);
    const deliver = parsed.ok ? deliveryFor(parsed.topic, handlers) : undefined;
    let delivery: Delivery = 'retry';
    let error: string | null = parsed.ok ? (deliver ? null : `no handler for topic ${parsed.topic}`) : parsed.error;
    if (parsed.ok && deliver) {
      try {
        delivery = await deliver(ctx, parsed.payload);
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
    }
    if (delivery === 'done') {
      await db
        .updateTable('outbox')
        .set({ status: 'done', delivered_at: ctx.now, last_error: null })
        .where('id', '=', message.id)
        .execute();
      counts.delivered++;
      continue;
    }
    const failed = (!parsed.ok && parsed.final) || message.attempts >= MAX_ATTEMPTS;
    await db
      .updateTable('outbox')
      .set({
        status: failed ? 'failed' : 'pending',
        last_error: error ?? 'will retry',
        next_attempt_at: new Date(ctx.now.getTime() + backoffMs(message.attempts)),
      })
      .where('id', '=', message.id)
      .execute();
    counts[failed ? 'failed' : 'retried']++;
  }
  return counts;
}
