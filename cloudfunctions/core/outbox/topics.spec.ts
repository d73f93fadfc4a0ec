import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Executor } from '../db/db';
import { enqueue, enqueueSelect } from './outbox';
import { topics, type PayloadOf } from './topics';

// Never called: these lines only have to compile (or, where marked, fail to compile).
export function typedEnqueue(tx: Executor, now: Date) {
  void enqueue(tx, { topic: 'refund.request', dedupeKey: 'k', payload: { refundId: 'r1' }, now });
  // @ts-expect-error an unknown topic is refused
  void enqueue(tx, { topic: 'refund.requested', dedupeKey: 'k', payload: { refundId: 'r1' }, now });
  // @ts-expect-error a payload of another topic is refused
  void enqueue(tx, { topic: 'nudge.send', dedupeKey: 'k', payload: { refundId: 'r1' }, now });
  void enqueue(tx, {
    topic: 'order.settled',
    dedupeKey: 'k',
    // @ts-expect-error a field of the wrong type is refused
    payload: { orderId: 'o', storeId: 's', memberId: 'm', paidFen: '100', settledAt: now.toISOString() },
    now,
  });
  void enqueueSelect('nudge.send', {
    from: sql.table('ins'),
    dedupeKey: sql<string>`ins.key`,
    payload: { nudgeId: sql<string>`ins.id::text` },
    now,
  });
  // @ts-expect-error the set-based insert is typed by the same schema: a missing field is refused
  void enqueueSelect('nudge.send', { from: sql.table('ins'), dedupeKey: sql<string>`ins.key`, payload: {}, now });
}

describe('outbox topic catalog', () => {
  it('covers every topic the contexts publish', () => {
    expect(Object.keys(topics).sort()).toEqual([
      'groupbuy.notify',
      'nudge.send',
      'order.refunded',
      'order.settled',
      'refund.check',
      'refund.request',
      'restock.notify',
      'shipping.upload',
    ]);
  });

  it('parses what publishers write and names the field that is wrong', () => {
    const settled: PayloadOf<'order.settled'> = {
      orderId: 'o1',
      storeId: 'demo',
      memberId: 'm1',
      paidFen: 12_900,
      settledAt: '2026-01-02T03:04:05.678Z',
    };
    expect(topics['order.settled'].parse(settled)).toEqual(settled);
    const bad = topics['order.settled'].safeParse({ ...settled, paidFen: 129.5 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['paidFen']);
    expect(
      topics['shipping.upload'].safeParse({ orderId: 'o1', logisticsType: 2, carrier: null, trackingNo: null }).success,
    ).toBe(false);
  });

  it("strips fields it does not know, so a newer deploy's message still delivers", () => {
    expect(topics['nudge.send'].parse({ nudgeId: '7', channel: 'sms' })).toEqual({ nudgeId: '7' });
  });
});
