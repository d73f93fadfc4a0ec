import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { describeOnPostgres } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { recordPayment } from '../../../cloudfunctions/core/payment/pay-callback';
import { runOrderTimer } from '../../../cloudfunctions/core/order/lifecycle.service';
import { runOutboxWorker } from '../../../cloudfunctions/core/outbox/outbox-worker';
import {
  T0,
  anomaliesFor,
  createInput,
  errorCode,
  jobContext,
  localPlatform,
  makeOrder,
  makePaidOrder,
  minutesAfter,
  newKey,
  newOpenid,
  orderRow,
  outboxOf,
  payEvent,
  paymentsOf,
  refundsOf,
  setStock,
  stockOf,
} from './order-factory';

/** The refunds giving back one payment that arrived for an order it could not pay. */
const paymentReturnsOf = (db: Db, transactionId: string) =>
  db.kysely
    .selectFrom('refunds')
    .selectAll()
    .where('kind', '=', 'payment_return')
    .where('transaction_id', '=', transactionId)
    .execute();

describeOnPostgres('order money path under concurrency', (use) => {
  it('50 members race for 10 units: exactly 10 orders, stock 0, the other 40 INSUFFICIENT_STOCK', async () => {
    const sku = 'sku-light-fluid-sunscreen-1';
    await setStock(use(), sku, 10);
    const openids = Array.from({ length: 50 }, newOpenid);
    // Members exist first, so the race is about stock and nothing else.
    await Promise.all(openids.map((openid) => callAction(use(), 'member.me', {}, { openid })));
    const results = await Promise.all(
      openids.map((openid) =>
        callAction(use(), 'order.create', createInput([{ skuId: sku, qty: 1 }]), {
          openid,
          now: T0,
          idempotencyKey: newKey(),
        }),
      ),
    );
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(10);
    expect(results.filter((r) => errorCode(r) === 'INSUFFICIENT_STOCK')).toHaveLength(40);
    expect(await stockOf(use(), sku)).toBe(0);
    const lines = await use()
      .kysely.selectFrom('order_lines')
      .select(['order_id', 'qty'])
      .where('sku_id', '=', sku)
      .execute();
    expect(lines).toHaveLength(10);
    expect(new Set(lines.map((l) => l.order_id))).toEqual(new Set(won.map((r) => okData(r).orderId)));
  });

  it('two lines over the same SKUs in opposite order from many buyers: no deadlock, no oversell', async () => {
    const [a, b] = ['sku-light-fluid-sunscreen-2', 'sku-light-fluid-sunscreen-3'];
    await setStock(use(), a, 7);
    await setStock(use(), b, 7);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => {
        const items =
          i % 2 === 0
            ? [
                { skuId: a, qty: 1 },
                { skuId: b, qty: 1 },
              ]
            : [
                { skuId: b, qty: 1 },
                { skuId: a, qty: 1 },
              ];
        return callAction(use(), 'order.create', createInput(items), {
          openid: newOpenid(),
          now: T0,
          idempotencyKey: newKey(),
        });
      }),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(7);
    expect(results.every((r) => r.ok || errorCode(r) === 'INSUFFICIENT_STOCK')).toBe(true);
    expect(await stockOf(use(), a)).toBe(0);
    expect(await stockOf(use(), b)).toBe(0);
  });

  it('one idempotency key sent 10 times at once: one order, every answer the same orderId', async () => {
    const sku = 'sku-light-fluid-sunscreen-4';
    await setStock(use(), sku, 100);
    const openid = newOpenid();
    okData(await callAction(use(), 'member.me', {}, { openid }));
    const key = newKey();
    const input = createInput([{ skuId: sku, qty: 2 }]);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        callAction(use(), 'order.create', input, { openid, now: T0, idempotencyKey: key }),
      ),
    );
    const ids = new Set(results.map((r) => okData(r).orderId));
    expect(ids.size).toBe(1);
    expect(await stockOf(use(), sku)).toBe(98);
    const orders = await use()
      .kysely.selectFrom('orders as o')
      .innerJoin('members as m', 'm.id', 'o.member_id')
      .select('o.id')
      .where('m.openid', '=', openid)
      .execute();
    expect(orders.map((o) => o.id)).toEqual([...ids]);
  });

  it('the same payment callback delivered 20 times at once: one paid transition, one payment, all answered errcode 0', async () => {
    const sku = 'sku-tinted-tone-up-sunscreen-1';
    await setStock(use(), sku, 10);
    const order = await makeOrder(use(), { items: [{ skuId: sku, qty: 1 }] });
    const event = payEvent(order);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => recordPayment(use(), event, minutesAfter(T0, 2))),
    );
    expect(answers.every((a) => a.errcode === 0)).toBe(true);
    expect(answers.filter((a) => a.errmsg === 'ok')).toHaveLength(1);
    expect((await orderRow(use(), order.orderId)).status).toBe('paid');
    expect(await paymentsOf(use(), order.orderId)).toHaveLength(1);
    expect(await anomaliesFor(use(), order.orderNo)).toEqual([]);
    expect(await paymentReturnsOf(use(), event.transactionId)).toEqual([]);
  });

  it('two different transactions paying one order at once: one pays, the other is refunded (5 orders, raced in parallel)', async () => {
    const sku = 'sku-tinted-tone-up-sunscreen-2';
    await setStock(use(), sku, 10);
    const orders = [];
    for (let i = 0; i < 5; i++) orders.push(await makeOrder(use(), { items: [{ skuId: sku, qty: 1 }] }));
    const events = orders.map((o) => [payEvent(o), payEvent(o)] as const);
    const answers = await Promise.all(events.flat().map((e) => recordPayment(use(), e, minutesAfter(T0, 2))));
    expect(answers.map((a) => a.errcode)).toEqual(answers.map(() => 0));
    for (const [i, order] of orders.entries()) {
      const [e1, e2] = events[i]!;
      const row = await orderRow(use(), order.orderId);
      expect(row.status).toBe('paid');
      expect(await paymentsOf(use(), order.orderId)).toHaveLength(2);
      const loser = row.transaction_id === e1.transactionId ? e2 : e1;
      expect(await paymentReturnsOf(use(), loser.transactionId)).toEqual([
        expect.objectContaining({ status: 'approved', amount_fen: order.payableFen }),
      ]);
    }
  });

  it('two timers at once expire an unpaid order and release its stock exactly once', async () => {
    const sku = 'sku-sunscreen-stick-1';
    await setStock(use(), sku, 10);
    const orders = [];
    for (let i = 0; i < 5; i++) orders.push(await makeOrder(use(), { items: [{ skuId: sku, qty: 2 }], now: T0 }));
    expect(await stockOf(use(), sku)).toBe(0);
    const at = minutesAfter(T0, 31);
    const [r1, r2] = await Promise.all([runOrderTimer(jobContext(use(), at)), runOrderTimer(jobContext(use(), at))]);
    expect(await stockOf(use(), sku)).toBe(10);
    for (const o of orders) expect((await orderRow(use(), o.orderId)).status).toBe('cancelled');
    // Each expiry is counted by exactly one of the two timers.
    const cancelled = await use()
      .kysely.selectFrom('orders')
      .select('id')
      .where('cancel_reason', '=', 'expired')
      .where('cancelled_at', '=', at)
      .execute();
    expect(r1!.expired! + r2!.expired!).toBe(cancelled.length);
    expect(cancelled.length).toBeGreaterThanOrEqual(5);
  });

  it('the customer cancelling while the timer expires: stock back once', async () => {
    const sku = 'sku-after-sun-aloe-gel-1';
    await setStock(use(), sku, 10);
    const order = await makeOrder(use(), { items: [{ skuId: sku, qty: 4 }], now: T0 });
    const at = minutesAfter(T0, 31);
    await Promise.all([
      runOrderTimer(jobContext(use(), at)),
      callAction(
        use(),
        'order.cancel',
        { orderId: order.orderId },
        { openid: order.openid, now: at, idempotencyKey: newKey() },
      ),
    ]);
    expect((await orderRow(use(), order.orderId)).status).toBe('cancelled');
    expect(await stockOf(use(), sku)).toBe(10);
  });

  it('a payment racing the expiry timer: either paid, or cancelled with the money refunded, never both and stock consistent', async () => {
    const sku = 'sku-hyaluronic-sheet-mask-1';
    await setStock(use(), sku, 10);
    const order = await makeOrder(use(), { items: [{ skuId: sku, qty: 3 }], now: T0 });
    const event = payEvent(order);
    const at = minutesAfter(T0, 30);
    await Promise.all([runOrderTimer(jobContext(use(), at)), recordPayment(use(), event, at)]);
    const row = await orderRow(use(), order.orderId);
    const refundQueued = await paymentReturnsOf(use(), event.transactionId);
    if (row.status === 'paid') {
      expect(await stockOf(use(), sku)).toBe(7);
      expect(refundQueued).toEqual([]);
    } else {
      expect(row.status).toBe('cancelled');
      expect(await stockOf(use(), sku)).toBe(10);
      expect(refundQueued).toHaveLength(1);
    }
    expect(await paymentsOf(use(), order.orderId)).toHaveLength(1);
  });

  it('concurrent order.requestRefund on one order: one refund', async () => {
    const sku = 'sku-hyaluronic-sheet-mask-2';
    await setStock(use(), sku, 10);
    const order = await makePaidOrder(use(), { items: [{ skuId: sku, qty: 1 }] });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        callAction(
          use(),
          'order.requestRefund',
          { orderId: order.orderId, reason: `原因 ${i}` },
          { openid: order.openid, now: minutesAfter(T0, 5), idempotencyKey: newKey() },
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.every((r) => r.ok || ['ORDER_STATE_CONFLICT', 'REFUND_NOT_ALLOWED'].includes(errorCode(r)!))).toBe(
      true,
    );
    expect(await refundsOf(use(), order.orderId)).toHaveLength(1);
    expect((await orderRow(use(), order.orderId)).status).toBe('refunding');
  });

  it('two outbox workers at once submit a queued late-payment refund once', async () => {
    const sku = 'sku-amino-acid-cleanser-2';
    await setStock(use(), sku, 10);
    const order = await makeOrder(use(), { items: [{ skuId: sku, qty: 1 }], now: T0 });
    await runOrderTimer(jobContext(use(), minutesAfter(T0, 31)));
    const event = payEvent(order);
    await recordPayment(use(), event, minutesAfter(T0, 32));
    const clock = { now: minutesAfter(T0, 33) };
    const platform = localPlatform(use(), clock);
    await Promise.all([
      runOutboxWorker({ ...jobContext(use(), clock.now, platform), requestId: randomUUID() }),
      runOutboxWorker({ ...jobContext(use(), clock.now, platform), requestId: randomUUID() }),
    ]);
    await platform.pay.settle();
    expect(platform.pay.refunds.filter((r) => r.outTradeNo === order.orderNo)).toHaveLength(1);
  });
});
