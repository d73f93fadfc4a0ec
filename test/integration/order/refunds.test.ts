import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { handleRefundCallback } from '../../../cloudfunctions/core/payment/refund-delivery';
import { runOutboxWorker } from '../../../cloudfunctions/core/outbox/outbox-worker';
import { runOrderTimer } from '../../../cloudfunctions/core/order/lifecycle.service';
import type { LocalRefundMode } from '../../../cloudfunctions/core/platform/local/pay.local';
import {
  MANAGER,
  T0,
  daysAfter,
  errorCode,
  jobContext,
  linesOf,
  localPlatform,
  makePaidOrder,
  minutesAfter,
  moneyCounts,
  newKey,
  orderRow,
  outboxOf,
  refundsOf,
  setStock,
  stockOf,
  type MadeOrder,
} from './order-factory';

/** Request (customer) -> approve (manager) -> outbox worker -> local refund simulator (-> refundCallback). */
async function refundThrough(
  db: Db,
  order: MadeOrder,
  options: { lineIds?: string[]; mode?: LocalRefundMode; at?: Date } = {},
) {
  const clock = { now: options.at ?? minutesAfter(T0, 10) };
  const requested = okData(
    await callAction(
      db,
      'order.requestRefund',
      { orderId: order.orderId, lineIds: options.lineIds, reason: '买错了' },
      { openid: order.openid, now: clock.now, idempotencyKey: newKey() },
    ),
  );
  expect(requested.status).toBe('requested');
  expect((await orderRow(db, order.orderId)).status).toBe('refunding');
  const approved = okData(
    await callAction(
      db,
      'manager.approveRefund',
      { refundId: requested.refundId },
      { openid: MANAGER, now: clock.now, idempotencyKey: newKey() },
    ),
  );
  expect(approved.status).toBe('approved');
  const platform = localPlatform(db, clock);
  platform.refundMode = options.mode ?? 'succeed';
  await runOutboxWorker(jobContext(db, clock.now, platform));
  await platform.pay.settle();
  const refund = await db.kysely
    .selectFrom('refunds')
    .selectAll()
    .where('id', '=', requested.refundId)
    .executeTakeFirstOrThrow();
  return { refund, platform };
}

describeEachDatabase('refunds', (use) => {
  it('a full refund restocks every line and ends refunded, with the amount paid (shipping included before shipment)', async () => {
    const [a, b] = ['sku-niacinamide-even-tone-serum-1', 'sku-niacinamide-even-tone-serum-2'];
    await setStock(use(), a, 10);
    await setStock(use(), b, 10);
    const order = await makePaidOrder(use(), {
      items: [
        { skuId: a, qty: 2 },
        { skuId: b, qty: 1 },
      ],
    });
    expect(await stockOf(use(), a)).toBe(8);
    expect(await stockOf(use(), b)).toBe(9);

    const { refund, platform } = await refundThrough(use(), order);
    expect(refund).toMatchObject({ status: 'succeeded', whole_order: true, amount_fen: order.payableFen });
    expect(platform.pay.refunds).toEqual([
      expect.objectContaining({
        outTradeNo: order.orderNo,
        outRefundNo: refund.out_refund_no,
        refundFee: order.payableFen,
      }),
    ]);
    expect(await stockOf(use(), a)).toBe(10);
    expect(await stockOf(use(), b)).toBe(10);
    const row = await orderRow(use(), order.orderId);
    expect(row).toMatchObject({ status: 'refunded', status_before_refund: null });
    expect((await linesOf(use(), order.orderId)).every((l) => l.refund_id === refund.id)).toBe(true);

    // A duplicate refund callback changes nothing.
    const before = await moneyCounts(use());
    const event = {
      returnCode: 'SUCCESS',
      refundStatus: 'SUCCESS',
      outTradeNo: order.orderNo,
      outRefundNo: refund.out_refund_no,
      refundId: 'DEVRdup',
      refundFee: refund.amount_fen,
    };
    expect((await handleRefundCallback(use(), event, minutesAfter(T0, 20), platform.pay)).errcode).toBe(0);
    expect((await handleRefundCallback(use(), event, minutesAfter(T0, 21), platform.pay)).errcode).toBe(0);
    expect(await moneyCounts(use())).toEqual(before);
    expect(await stockOf(use(), a)).toBe(10);
    expect(await stockOf(use(), b)).toBe(10);
    expect((await orderRow(use(), order.orderId)).status).toBe('refunded');

    // Nothing left to refund.
    const more = await callAction(
      use(),
      'order.requestRefund',
      { orderId: order.orderId, reason: '再退' },
      { openid: order.openid, idempotencyKey: newKey() },
    );
    expect(errorCode(more)).toBe('REFUND_NOT_ALLOWED');
  });

  it('a partial refund restocks only its line and the order returns to its previous status; the rest can be refunded later', async () => {
    const [a, b] = ['sku-peptide-firming-eye-cream-1', 'sku-hydra-barrier-cream-1'];
    await setStock(use(), a, 10);
    await setStock(use(), b, 10);
    const order = await makePaidOrder(use(), {
      items: [
        { skuId: a, qty: 1 },
        { skuId: b, qty: 3 },
      ],
    });
    const [lineA, lineB] = await linesOf(use(), order.orderId);

    const { refund } = await refundThrough(use(), order, { lineIds: [lineA!.id] });
    expect(refund).toMatchObject({
      status: 'succeeded',
      whole_order: false,
      amount_fen: lineA!.payable_fen,
      line_ids: [lineA!.id],
    });
    expect(await stockOf(use(), a)).toBe(10);
    expect(await stockOf(use(), b)).toBe(7);
    expect((await orderRow(use(), order.orderId)).status).toBe('paid');
    const view = okData(await callAction(use(), 'order.get', { orderId: order.orderId }, { openid: order.openid }));
    expect(view.lines.map((l) => l.refunded)).toEqual([true, false]);

    // The same line cannot be refunded twice.
    const twice = await callAction(
      use(),
      'order.requestRefund',
      { orderId: order.orderId, lineIds: [lineA!.id], reason: 'x' },
      { openid: order.openid, idempotencyKey: newKey() },
    );
    expect(errorCode(twice)).toBe('VALIDATION_FAILED');

    const rest = await refundThrough(use(), order, { at: minutesAfter(T0, 30) });
    expect(rest.refund).toMatchObject({ status: 'succeeded', whole_order: true, line_ids: [lineB!.id] });
    expect(refund.amount_fen + rest.refund.amount_fen).toBe(order.payableFen);
    expect(rest.refund.out_refund_no).not.toBe(refund.out_refund_no);
    expect(await stockOf(use(), b)).toBe(10);
    expect((await orderRow(use(), order.orderId)).status).toBe('refunded');
  });

  it('a refund the simulator rejects ends failed with a reason the manager sees; the order goes back', async () => {
    const sku = 'sku-hydra-barrier-cream-2';
    await setStock(use(), sku, 10);
    const order = await makePaidOrder(use(), { items: [{ skuId: sku, qty: 1 }] });
    const { refund } = await refundThrough(use(), order, { mode: 'reject' });
    expect(refund.status).toBe('failed');
    expect(refund.failure_reason).toBeTruthy();
    expect(await stockOf(use(), sku)).toBe(9);
    expect((await orderRow(use(), order.orderId)).status).toBe('paid');
    const listed = okData(await callAction(use(), 'manager.listRefunds', { status: 'failed' }, { openid: MANAGER }));
    expect(listed.items.find((r) => r.refundId === refund.id)).toMatchObject({
      status: 'failed',
      failureReason: refund.failure_reason,
      orderId: order.orderId,
    });
    const [message] = await outboxOf(use(), 'refund.request', `refund:${refund.id}`);
    expect(message!.status).toBe('done');
  });

  it('a refund WeChat closes (refundStatus REFUNDCLOSE) ends failed and restocks nothing', async () => {
    const sku = 'sku-hydra-barrier-cream-4';
    await setStock(use(), sku, 10);
    const order = await makePaidOrder(use(), { items: [{ skuId: sku, qty: 2 }] });
    const { refund } = await refundThrough(use(), order, { mode: 'fail' });
    expect(refund).toMatchObject({ status: 'failed', failure_reason: 'WeChat refundStatus REFUNDCLOSE' });
    expect(await stockOf(use(), sku)).toBe(8);
    expect((await orderRow(use(), order.orderId)).status).toBe('paid');
  });

  it('a refund that never gets its callback stays processing; any re-ask carries the same outRefundNo', async () => {
    const sku = 'sku-hydra-barrier-cream-3';
    await setStock(use(), sku, 10);
    const order = await makePaidOrder(use(), { items: [{ skuId: sku, qty: 1 }] });
    const { refund, platform } = await refundThrough(use(), order, { mode: 'never-callback' });
    expect(refund.status).toBe('processing');
    expect((await orderRow(use(), order.orderId)).status).toBe('refunding');
    expect(await stockOf(use(), sku)).toBe(9);
    // Later worker runs (a callback-patience check may ask WeChat again) never mint a second refund.
    await runOutboxWorker(jobContext(use(), minutesAfter(T0, 120), platform));
    await runOutboxWorker(jobContext(use(), minutesAfter(T0, 600), platform));
    const sent = platform.pay.refunds.filter((r) => r.outTradeNo === order.orderNo);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(new Set(sent.map((r) => r.outRefundNo))).toEqual(new Set([refund.out_refund_no]));
    expect((await refundsOf(use(), order.orderId)).map((r) => r.status)).toEqual(['processing']);
    expect(await stockOf(use(), sku)).toBe(9);
  });

  it('a rejected request sends the order back and nothing reaches WeChat Pay', async () => {
    const sku = 'sku-barrier-lotion-1';
    await setStock(use(), sku, 10);
    const order = await makePaidOrder(use(), { items: [{ skuId: sku, qty: 1 }] });
    const requested = okData(
      await callAction(
        use(),
        'order.requestRefund',
        { orderId: order.orderId, reason: '不想要' },
        { openid: order.openid, idempotencyKey: newKey() },
      ),
    );
    const rejected = okData(
      await callAction(
        use(),
        'manager.rejectRefund',
        { refundId: requested.refundId, reason: '已超时' },
        { openid: MANAGER, idempotencyKey: newKey() },
      ),
    );
    expect(rejected.status).toBe('rejected');
    expect((await orderRow(use(), order.orderId)).status).toBe('paid');
    expect(await outboxOf(use(), 'refund.request', `refund:${requested.refundId}`)).toEqual([]);
    const approveLate = await callAction(
      use(),
      'manager.approveRefund',
      { refundId: requested.refundId },
      { openid: MANAGER, idempotencyKey: newKey() },
    );
    expect(errorCode(approveLate)).toBe('ORDER_STATE_CONFLICT');
  });

  it('an open refund blocks a second request', async () => {
    const sku = 'sku-barrier-lotion-2';
    await setStock(use(), sku, 10);
    const order = await makePaidOrder(use(), { items: [{ skuId: sku, qty: 1 }] });
    okData(
      await callAction(
        use(),
        'order.requestRefund',
        { orderId: order.orderId, reason: 'a' },
        { openid: order.openid, idempotencyKey: newKey() },
      ),
    );
    const second = await callAction(
      use(),
      'order.requestRefund',
      { orderId: order.orderId, reason: 'b' },
      { openid: order.openid, idempotencyKey: newKey() },
    );
    expect(errorCode(second)).toBe('REFUND_NOT_ALLOWED');
    expect(await refundsOf(use(), order.orderId)).toHaveLength(1);
  });

  it('a full refund after settlement (by the manager) restocks, ends refunded and tells points and referral to reverse', async () => {
    const sku = 'sku-amino-acid-cleanser-1';
    await setStock(use(), sku, 10);
    const order = await makePaidOrder(use(), { items: [{ skuId: sku, qty: 2 }] });
    const at = (days: number) => daysAfter(order.createdAt, days);
    okData(
      await callAction(
        use(),
        'manager.shipOrder',
        { orderId: order.orderId, carrier: '顺丰速运', trackingNo: 'SF1000000001' },
        { openid: MANAGER, now: at(1), idempotencyKey: newKey() },
      ),
    );
    await runOrderTimer(jobContext(use(), at(9))); // auto-confirm (7 days after shipping)
    await runOrderTimer(jobContext(use(), at(17))); // settle (7 days after completion)
    expect((await orderRow(use(), order.orderId)).status).toBe('settled');
    const settled = await outboxOf(use(), 'order.settled');
    expect(settled.filter((m) => m.payload.orderId === order.orderId)).toHaveLength(1);

    // A customer can no longer ask; the manager can.
    const asked = await callAction(
      use(),
      'order.requestRefund',
      { orderId: order.orderId, reason: '过敏' },
      { openid: order.openid, now: at(20), idempotencyKey: newKey() },
    );
    expect(errorCode(asked)).toBe('REFUND_NOT_ALLOWED');
    const opened = okData(
      await callAction(
        use(),
        'manager.refundOrder',
        { orderId: order.orderId, reason: '顾客过敏，门店同意退货' },
        { openid: MANAGER, now: at(20), idempotencyKey: newKey() },
      ),
    );
    expect(opened.status).toBe('approved');

    const clock = { now: at(20) };
    const platform = localPlatform(use(), clock);
    await runOutboxWorker(jobContext(use(), clock.now, platform));
    await platform.pay.settle();

    const refund = (await refundsOf(use(), order.orderId))[0]!;
    // Shipped goods: the refund is what was paid for the goods; the shipping fee stays.
    expect(refund).toMatchObject({
      status: 'succeeded',
      whole_order: true,
      initiated_by: 'manager',
      amount_fen: order.payableFen - (await orderRow(use(), order.orderId)).shipping_fen,
    });
    expect((await orderRow(use(), order.orderId)).status).toBe('refunded');
    expect(await stockOf(use(), sku)).toBe(10);
    const refunded = (await outboxOf(use(), 'order.refunded')).filter((m) => m.payload.orderId === order.orderId);
    expect(refunded).toHaveLength(1);
    expect(refunded[0]!.payload).toMatchObject({
      afterSettlement: true,
      wholeOrder: true,
      refundFen: refund.amount_fen,
      memberId: expect.any(String),
    });
  });
});
