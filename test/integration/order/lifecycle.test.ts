import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { runOrderTimer } from '../../../cloudfunctions/core/order/lifecycle.service';
import { runOutboxWorker } from '../../../cloudfunctions/core/outbox/outbox-worker';
import {
  MANAGER,
  T0,
  daysAfter,
  errorCode,
  jobContext,
  linesOf,
  localPlatform,
  makeOrder,
  makePaidOrder,
  minutesAfter,
  moneyCounts,
  newKey,
  newOpenid,
  orderRow,
  outboxOf,
  setStock,
  stockOf,
} from './order-factory';

describeEachDatabase('order lifecycle', (use) => {
  it('expiry: an unpaid order past 30 minutes is cancelled by the timer and its stock released once', async () => {
    const sku = 'sku-rice-ferment-essence-1';
    await setStock(use(), sku, 10);
    const order = await makeOrder(use(), { items: [{ skuId: sku, qty: 3 }], now: T0 });
    expect(await stockOf(use(), sku)).toBe(7);

    await runOrderTimer(jobContext(use(), minutesAfter(T0, 29)));
    expect((await orderRow(use(), order.orderId)).status).toBe('pending_payment');
    expect(await stockOf(use(), sku)).toBe(7);

    const at = minutesAfter(T0, 30);
    await runOrderTimer(jobContext(use(), at));
    await runOrderTimer(jobContext(use(), at));
    const row = await orderRow(use(), order.orderId);
    expect(row).toMatchObject({ status: 'cancelled', cancel_reason: 'expired' });
    expect(await stockOf(use(), sku)).toBe(10);
    await runOrderTimer(jobContext(use(), minutesAfter(T0, 90)));
    expect(await stockOf(use(), sku)).toBe(10);

    // Paying after expiry through order.pay is refused; cancelling it again is a state conflict.
    expect(
      errorCode(await callAction(use(), 'order.pay', { orderId: order.orderId }, { openid: order.openid, now: at })),
    ).toBe('ORDER_STATE_CONFLICT');
    const again = await callAction(
      use(),
      'order.cancel',
      { orderId: order.orderId },
      { openid: order.openid, now: at, idempotencyKey: newKey() },
    );
    expect(errorCode(again)).toBe('ORDER_STATE_CONFLICT');
    expect(await stockOf(use(), sku)).toBe(10);
  });

  it('the customer cancels an unpaid order: stock back once', async () => {
    const sku = 'sku-green-tea-balancing-toner-1';
    await setStock(use(), sku, 5);
    const order = await makeOrder(use(), { items: [{ skuId: sku, qty: 5 }] });
    expect(await stockOf(use(), sku)).toBe(0);
    const view = okData(
      await callAction(
        use(),
        'order.cancel',
        { orderId: order.orderId },
        { openid: order.openid, now: T0, idempotencyKey: newKey() },
      ),
    );
    expect(view.status).toBe('cancelled');
    expect(await stockOf(use(), sku)).toBe(5);
  });

  it('express: paid -> shipped -> auto-confirmed after 7 days -> settled 7 days later with order.settled', async () => {
    const sku = 'sku-purslane-soothing-mist-2';
    await setStock(use(), sku, 10);
    const order = await makePaidOrder(use(), { items: [{ skuId: sku, qty: 1 }], now: T0 });
    expect(order.payableFen).toBe(11900);

    const shippedAt = minutesAfter(T0, 60);
    const shipped = okData(
      await callAction(
        use(),
        'manager.shipOrder',
        { orderId: order.orderId, carrier: '顺丰', trackingNo: 'SF1234567890' },
        { openid: MANAGER, now: shippedAt, idempotencyKey: newKey() },
      ),
    );
    expect(shipped).toMatchObject({ status: 'shipped', shipping: { carrier: '顺丰速运', trackingNo: 'SF1234567890' } });
    expect(await outboxOf(use(), 'shipping.upload', `shipping:${order.orderId}`)).toHaveLength(1);

    await runOrderTimer(jobContext(use(), daysAfter(shippedAt, 7)));
    const completed = await orderRow(use(), order.orderId);
    expect(completed.status).toBe('completed');
    expect(completed.completed_at!.toISOString()).toBe(daysAfter(shippedAt, 7).toISOString());

    await runOrderTimer(jobContext(use(), daysAfter(shippedAt, 13)));
    expect((await orderRow(use(), order.orderId)).status).toBe('completed');

    const settleAt = daysAfter(shippedAt, 14);
    await runOrderTimer(jobContext(use(), settleAt));
    await runOrderTimer(jobContext(use(), settleAt));
    expect((await orderRow(use(), order.orderId)).status).toBe('settled');
    const settled = await outboxOf(use(), 'order.settled', `settled:${order.orderId}`);
    expect(settled).toHaveLength(1);
    expect(settled[0]!.payload).toMatchObject({
      orderId: order.orderId,
      storeId: 'demo',
      paidFen: order.payableFen,
      settledAt: settleAt.toISOString(),
    });
  });

  it('settlement after a partial refund: paidFen is payable minus the refund', async () => {
    const [a, b] = ['sku-cica-b5-repair-serum-1', 'sku-cica-b5-repair-serum-2'];
    await setStock(use(), a, 10);
    await setStock(use(), b, 10);
    const order = await makePaidOrder(use(), {
      items: [
        { skuId: a, qty: 1 },
        { skuId: b, qty: 2 },
      ],
      now: T0,
    });
    const shippedAt = minutesAfter(T0, 60);
    okData(
      await callAction(
        use(),
        'manager.shipOrder',
        { orderId: order.orderId, carrier: 'EMS', trackingNo: 'EMS0001' },
        { openid: MANAGER, now: shippedAt, idempotencyKey: newKey() },
      ),
    );

    const [lineA] = await linesOf(use(), order.orderId);
    const clock = { now: minutesAfter(T0, 120) };
    okData(
      await callAction(
        use(),
        'order.requestRefund',
        { orderId: order.orderId, lineIds: [lineA!.id], reason: '不想要了' },
        { openid: order.openid, now: clock.now, idempotencyKey: newKey() },
      ),
    );
    const [refund] = await use()
      .kysely.selectFrom('refunds')
      .selectAll()
      .where('order_id', '=', order.orderId)
      .execute();
    okData(
      await callAction(
        use(),
        'manager.approveRefund',
        { refundId: refund!.id },
        { openid: MANAGER, now: clock.now, idempotencyKey: newKey() },
      ),
    );
    const platform = localPlatform(use(), clock);
    await runOutboxWorker(jobContext(use(), clock.now, platform));
    await platform.pay.settle();
    expect((await orderRow(use(), order.orderId)).status).toBe('shipped');

    await runOrderTimer(jobContext(use(), daysAfter(shippedAt, 7)));
    await runOrderTimer(jobContext(use(), daysAfter(shippedAt, 14)));
    expect((await orderRow(use(), order.orderId)).status).toBe('settled');
    const [settled] = await outboxOf(use(), 'order.settled', `settled:${order.orderId}`);
    expect(settled!.payload).toMatchObject({ paidFen: order.payableFen - lineA!.payable_fen });
    expect(order.payableFen - lineA!.payable_fen).toBe(2 * 45900);
  });

  it('the customer confirms receipt before the timer does', async () => {
    await setStock(use(), 'sku-vitamin-c-brightening-serum-1', 10);
    const order = await makePaidOrder(use(), { items: [{ skuId: 'sku-vitamin-c-brightening-serum-1', qty: 1 }] });
    okData(
      await callAction(
        use(),
        'manager.shipOrder',
        { orderId: order.orderId, carrier: 'EMS', trackingNo: 'EMS0002' },
        { openid: MANAGER, now: T0, idempotencyKey: newKey() },
      ),
    );
    const view = okData(
      await callAction(
        use(),
        'order.confirmReceipt',
        { orderId: order.orderId },
        { openid: order.openid, now: daysAfter(T0, 2), idempotencyKey: newKey() },
      ),
    );
    expect(view.status).toBe('completed');
  });

  it('pickup: readyForPickup gives a 6-digit code, verifyPickup completes the order', async () => {
    const sku = 'sku-vitamin-c-brightening-serum-2';
    await setStock(use(), sku, 10);
    const order = await makePaidOrder(use(), { items: [{ skuId: sku, qty: 1 }], delivery: 'pickup' });
    expect(
      errorCode(
        await callAction(
          use(),
          'manager.shipOrder',
          { orderId: order.orderId, carrier: 'EMS', trackingNo: 'EMS0003' },
          { openid: MANAGER, idempotencyKey: newKey() },
        ),
      ),
    ).toBe('ORDER_STATE_CONFLICT');
    const ready = okData(
      await callAction(
        use(),
        'manager.readyForPickup',
        { orderId: order.orderId },
        { openid: MANAGER, now: T0, idempotencyKey: newKey() },
      ),
    );
    expect(ready.status).toBe('ready_for_pickup');
    expect(ready.pickupCode).toMatch(/^\d{6}$/);
    expect(
      okData(await callAction(use(), 'order.get', { orderId: order.orderId }, { openid: order.openid })).pickupCode,
    ).toBe(ready.pickupCode);

    const done = okData(
      await callAction(
        use(),
        'manager.verifyPickup',
        { pickupCode: ready.pickupCode! },
        { openid: MANAGER, now: minutesAfter(T0, 5), idempotencyKey: newKey() },
      ),
    );
    expect(done.status).toBe('completed');
    const again = await callAction(
      use(),
      'manager.verifyPickup',
      { pickupCode: ready.pickupCode! },
      { openid: MANAGER, idempotencyKey: newKey() },
    );
    expect(errorCode(again)).toBe('NOT_FOUND');
  });

  it('authorization: another member cannot read or cancel my order (NOT_FOUND, nothing written)', async () => {
    const sku = 'sku-retinol-night-serum-1';
    await setStock(use(), sku, 10);
    const order = await makeOrder(use(), { items: [{ skuId: sku, qty: 1 }] });
    const stranger = newOpenid();
    okData(await callAction(use(), 'member.me', {}, { openid: stranger }));
    const before = await moneyCounts(use());
    expect(errorCode(await callAction(use(), 'order.get', { orderId: order.orderId }, { openid: stranger }))).toBe(
      'NOT_FOUND',
    );
    expect(
      errorCode(
        await callAction(
          use(),
          'order.cancel',
          { orderId: order.orderId },
          { openid: stranger, idempotencyKey: newKey() },
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(errorCode(await callAction(use(), 'order.pay', { orderId: order.orderId }, { openid: stranger }))).toBe(
      'NOT_FOUND',
    );
    expect(
      errorCode(
        await callAction(
          use(),
          'order.requestRefund',
          { orderId: order.orderId, reason: 'x' },
          { openid: stranger, idempotencyKey: newKey() },
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(await moneyCounts(use())).toEqual(before);
    expect((await orderRow(use(), order.orderId)).status).toBe('pending_payment');
    expect(await stockOf(use(), sku)).toBe(9);
  });

  it('authorization: a customer calling manager.shipOrder / readyForPickup / approveRefund is FORBIDDEN and nothing is written', async () => {
    const sku = 'sku-retinol-night-serum-2';
    await setStock(use(), sku, 10);
    const order = await makePaidOrder(use(), { items: [{ skuId: sku, qty: 1 }] });
    const before = await moneyCounts(use());
    const ship = await callAction(
      use(),
      'manager.shipOrder',
      { orderId: order.orderId, carrier: '顺丰', trackingNo: 'SF000111' },
      { openid: order.openid, idempotencyKey: newKey() },
    );
    expect(errorCode(ship)).toBe('FORBIDDEN');
    expect(
      errorCode(
        await callAction(
          use(),
          'manager.readyForPickup',
          { orderId: order.orderId },
          { openid: order.openid, idempotencyKey: newKey() },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(errorCode(await callAction(use(), 'manager.listOrders', {}, { openid: order.openid }))).toBe('FORBIDDEN');
    expect(
      errorCode(
        await callAction(
          use(),
          'manager.shipOrder',
          { orderId: order.orderId, carrier: '顺丰', trackingNo: 'SF000111' },
          { openid: newOpenid(), idempotencyKey: newKey() },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(await moneyCounts(use())).toEqual(before);
    expect((await orderRow(use(), order.orderId)).status).toBe('paid');
  });
});
