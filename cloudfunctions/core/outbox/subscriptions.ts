import type { CallContext } from '../context';
import { topics, type PayloadOf, type Topic } from './topics';

/** The outcome of delivering one message: done, or try again later (with backoff). */
export type Delivery = 'done' | 'retry';

/**
 * A subscriber: gets the payload already parsed with its topic's schema. Returning nothing means
 * done; 'retry' (or a throw) has the whole message delivered again later, so a subscriber must be
 * idempotent (a keyed ledger entry, a conditional update).
 */
export type Subscriber<T extends Topic> = (ctx: CallContext, payload: PayloadOf<T>) => Promise<Delivery | void>;

type Registry = { [T in Topic]: Array<Subscriber<T>> };

// One array per topic, created up front, so subscribersOf() hands out a view that later subscriptions fill.
const registry = Object.fromEntries(Object.keys(topics).map((t) => [t, []])) as unknown as Registry;

/**
 * Subscribes a handler to a topic. Each context registers its own handlers from its
 * `<context>.subscribers.ts`, so the outbox imports no business context. Subscribers of one topic run
 * in the order they subscribed, which the import order in `core/subscribers.ts` fixes.
 */
export function subscribe<T extends Topic>(topic: T, handler: Subscriber<T>): void {
  const list = registry[topic] as Array<Subscriber<T>>;
  // A second registration would deliver every message to it twice; only a bug does that.
  if (list.includes(handler)) throw new Error(`${handler.name || 'a handler'} is already subscribed to ${topic}`);
  list.push(handler);
}

/** The subscribers of a topic, in delivery order (a live view: later subscriptions show up in it). */
export function subscribersOf<T extends Topic>(topic: T): ReadonlyArray<Subscriber<T>> {
  return registry[topic] as Array<Subscriber<T>>;
}

/** Whether any context registered a subscriber: a worker with none has forgotten `core/subscribers`. */
export function hasSubscribers(): boolean {
  return Object.values(registry).some((list) => list.length > 0);
}

/**
 * Delivers a payload to a topic's subscribers in order. The first that asks for a retry (or throws)
 * stops the chain: the ones after it run on the redelivery, never before it, so their order holds
 * (points are earned before growth can lift the tier that multiplies them).
 */
export async function deliverToSubscribers<T extends Topic>(
  ctx: CallContext,
  topic: T,
  payload: PayloadOf<T>,
): Promise<Delivery> {
  for (const handle of subscribersOf(topic)) {
    if ((await handle(ctx, payload)) === 'retry') return 'retry';
  }
  return 'done';
}
