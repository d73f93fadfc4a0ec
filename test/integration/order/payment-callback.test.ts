import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { recordPayment } from '../../../cloudfunctions/core/payment/pay-callback';
import { runOrderTimer } from '../../../cloudfunctions/core/order/lifecycle.service';
import { runOutboxWorker } from '../../../cloudfunctions/core/outbox/outbox-worker';
import {
  T0,
  anomaliesFor,
  jobContext,
  localPlatform,
  makeOrder,
  minutesAfter,
  moneyCounts,
  orderRow,
  outboxOf,
  payEvent,
  paymentsOf,
  setStock,
  stockOf,
} from './order-factory';

describeEachDatabase('payCallback', (use) => {
  const SKU = 'sku-hyaluronic-essence-water-2';

  it('a successful payment marks the order paid and records one payment', async () => {
    await setStock(use(), SKU, 100);
    const order = await makeOrder(use(), { items: [{ skuId: SKU, qty: 1 }] });
    const event = payEvent(order);
    const paidAt = minutesAfter(T0, 2);
    expect(await recordPayment(use(), event, paidAt)).toEqual({ errcode: 0, errmsg: 'ok' });
    const row = await orderRow(use(), order.orderId);
    expect(row).toMatchObject({ status: 'paid', transaction_id: event.transactionId });
    expect(row.paid_at!.toISOString()).toBe(paidAt.toISOString());
    const payments = await paymentsOf(use(), order.orderId);
    expect(payments.map((p) => ({ tx: p.transaction_id, amount: p.amount_fen }))).toEqual([
      { tx: event.transactionId, amount: order.payableFen },
    ]);
    expect(await anomaliesFor(use(), order.orderNo)).toEqual([]);
  });

  it('the same callback delivered again (and again) changes nothing and is answered errcode 0', async () => {
    await setStock(use(), SKU, 100);
    const order = await makeOrder(use(), { items: [{ skuId: SKU, qty: 1 }] });
    const event = payEvent(order);
    expect((await recordPayment(use(), event, minutesAfter(T0, 2))).errcode).toBe(0);
    const before = await moneyCounts(use());
    for (let i = 0; i < 3; i++)
      expect(await recordPayment(use(), event, minutesAfter(T0, 3 + i))).toEqual({
        errcode: 0,
        errmsg: 'ok (already recorded)',
      });
    expect(await moneyCounts(use())).toEqual(before);
    expect((await orderRow(use(), order.orderId)).paid_at!.toISOString()).toBe(minutesAfter(T0, 2).toISOString());
  });

  it.each([
    [
      'the wrong amount',
      'amount_mismatch',
      (o: { orderNo: string; payableFen: number }) => payEvent(o, { totalFee: o.payableFen - 1 }),
    ],
    [
      'resultCode FAIL',
      'failed_result',
      (o: { orderNo: string; payableFen: number }) => payEvent(o, { resultCode: 'FAIL' }),
    ],
    [
      'returnCode FAIL',
      'failed_result',
      (o: { orderNo: string; payableFen: number }) => payEvent(o, { returnCode: 'FAIL' }),
    ],
  ] as const)('%s: the order stays pending, no payment, one %s anomaly', async (_label, kind, eventOf) => {
    await setStock(use(), SKU, 100);
    const order = await makeOrder(use(), { items: [{ skuId: SKU, qty: 1 }] });
    const before = await moneyCounts(use());
    expect((await recordPayment(use(), eventOf(order), minutesAfter(T0, 2))).errcode).toBe(0);
    expect((await orderRow(use(), order.orderId)).status).toBe('pending_payment');
    expect(await paymentsOf(use(), order.orderId)).toEqual([]);
    const anomalies = await anomaliesFor(use(), order.orderNo);
    expect(anomalies.map((a) => a.kind)).toEqual([kind]);
    expect(await moneyCounts(use())).toEqual({ ...before, payment_anomalies: before.payment_anomalies! + 1 });
  });

  it('an unknown outTradeNo: no order changes, no payment, one unknown_order anomaly', async () => {
    const before = await moneyCounts(use());
    const event = payEvent({ orderNo: '2026030210000099999999', payableFen: 100 });
    expect((await recordPayment(use(), event, T0)).errcode).toBe(0);
    expect((await anomaliesFor(use(), event.outTradeNo)).map((a) => a.kind)).toEqual(['unknown_order']);
    expect(await moneyCounts(use())).toEqual({ ...before, payment_anomalies: before.payment_anomalies! + 1 });
  });

  it('a malformed event is recorded and acknowledged', async () => {
    const before = await moneyCounts(use());
    expect((await recordPayment(use(), { hello: 'world' }, T0)).errcode).toBe(0);
    expect(await moneyCounts(use())).toEqual({ ...before, payment_anomalies: before.payment_anomalies! + 1 });
  });

  it('a payment for an order the timer already cancelled: recorded, order stays cancelled, refunded once through the outbox', async () => {
    const sku = 'sku-hyaluronic-essence-water-3';
    await setStock(use(), sku, 20);
    const order = await makeOrder(use(), { items: [{ skuId: sku, qty: 2 }], now: T0 });
    expect(await stockOf(use(), sku)).toBe(18);

    const expiredAt = minutesAfter(T0, 31);
    await runOrderTimer(jobContext(use(), expiredAt));
    expect((await orderRow(use(), order.orderId)).status).toBe('cancelled');
    expect(await stockOf(use(), sku)).toBe(20);

    const event = payEvent(order);
    const lateAt = minutesAfter(T0, 32);
    expect(await recordPayment(use(), event, lateAt)).toEqual({ errcode: 0, errmsg: 'ok' });
    const row = await orderRow(use(), order.orderId);
    expect(row.status).toBe('cancelled');
    expect(row.transaction_id).toBeNull();
    expect(await stockOf(use(), sku)).toBe(20);
    expect((await paymentsOf(use(), order.orderId)).map((p) => p.transaction_id)).toEqual([event.transactionId]);
    expect((await anomaliesFor(use(), order.orderNo)).map((a) => a.kind)).toEqual(['late_payment']);
    // The money goes back as a refund row of its own (a payment return), approved and queued at once.
    const returns = () =>
      use().kysely.selectFrom('refunds').selectAll().where('order_id', '=', order.orderId).execute();
    const [opened] = await returns();
    expect(await returns()).toHaveLength(1);
    expect(opened).toMatchObject({
      kind: 'payment_return',
      transaction_id: event.transactionId,
      status: 'approved',
      amount_fen: order.payableFen,
      line_ids: [],
    });
    expect(await outboxOf(use(), 'refund.request', `refund:${opened!.id}`)).toHaveLength(1);

    // A redelivery of the same callback queues nothing more.
    expect((await recordPayment(use(), event, minutesAfter(T0, 33))).errcode).toBe(0);
    expect(await returns()).toHaveLength(1);

    const clock = { now: minutesAfter(T0, 34) };
    const platform = localPlatform(use(), clock);
    await runOutboxWorker(jobContext(use(), clock.now, platform));
    await runOutboxWorker(jobContext(use(), minutesAfter(T0, 60), platform));
    await platform.pay.settle();
    const submitted = platform.pay.refunds.filter((r) => r.outTradeNo === order.orderNo);
    expect(submitted).toEqual([
      expect.objectContaining({
        outTradeNo: order.orderNo,
        outRefundNo: `P${event.transactionId}`,
        totalFee: order.payableFen,
        refundFee: order.payableFen,
      }),
    ]);
    const [message] = await outboxOf(use(), 'refund.request', `refund:${opened!.id}`);
    expect(message!.status).toBe('done');
    expect((await returns()).map((r) => r.status)).toEqual(['succeeded']);
    expect((await orderRow(use(), order.orderId)).status).toBe('cancelled');
  });
});
