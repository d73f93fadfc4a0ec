import { afterAll, beforeAll, expect, it, describe } from 'vitest';
import { recordPayment } from '../../../cloudfunctions/core/payment/pay-callback';
import { callAction, okData } from '../../support/call';
import { openCountingPglite } from '../../support/counting-db';
import { ADDRESS, T0, minutesAfter, newKey, payEvent } from './order-factory';

/**
 * The settlement path's round trips, pinned: `order.create` (a plain order, no coupon, points or
 * group-buy) and the payment callback's recording. Each statement is a round trip to the database
 * inside a transaction holding row locks, so a new one shows here before it shows in `npm run bench`.
 */
/** A statement's verbs and the tables they write, e.g. `with update skus insert orders insert order_lines`. */
function verb(statement: string): string {
  const writes = [...statement.matchAll(/\b(insert into|update) "(\w+)"/g)].map(
    (m) => `${m[1] === 'insert into' ? 'insert' : 'update'} ${m[2]}`,
  );
  const head = statement.split(' ')[0]!.toLowerCase();
  if (head === 'with') return ['with', ...writes].join(' ');
  return writes.length > 0 ? writes.join(' ') : head;
}

describe('settlement statements', () => {
  let db: Awaited<ReturnType<typeof openCountingPglite>>;
  beforeAll(async () => {
    db = await openCountingPglite();
  });
  afterAll(async () => {
    await db.close();
  });

  it('order.create and the payment recording take the pinned number of statements', async () => {
    const openid = 'statement-counter';
    okData(await callAction(db, 'member.me', {}, { openid, now: T0 }));
    db.log.length = 0;
    const created = okData(
      await callAction(
        db,
        'order.create',
        { items: [{ skuId: 'sku-amino-acid-cleanser-1', qty: 1 }], delivery: { type: 'express', address: ADDRESS } },
        { openid, now: T0, idempotencyKey: newKey() },
      ),
    );
    const createStatements = [...db.log];
    db.log.length = 0;
    expect(await recordPayment(db, payEvent(created), minutesAfter(T0, 1))).toEqual({ errcode: 0, errmsg: 'ok' });
    const payStatements = [...db.log];
    // order.create: the caller's role and member (before the transaction), begin, the idempotency key,
    // the SKUs, the member's tier and the store settings in force (pricing, and the rules the order
    // keeps), the stock taken by the order's own insert, the key's answer, commit. The hand-written
    // floor of `npm run bench` sends 7 for the same rows (it reads no settings).
    expect(createStatements.map(verb)).toEqual([
      'select',
      'begin',
      'insert idempotency_keys',
      'select',
      'select',
      'select',
      'with update skus insert orders insert order_lines',
      'update idempotency_keys',
      'commit',
    ]);
    // The payment: begin, the order's conditional `pay` update (its lock and its facts), the
    // payments row, commit: the floor's 4.
    expect(payStatements.map(verb)).toEqual(['begin', 'update orders', 'insert payments', 'commit']);
  });
});
