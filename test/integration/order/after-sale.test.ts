import { expect, it } from 'vitest';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { describeEachDatabase, describeOnPostgres } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import {
  MANAGER,
  T0,
  errorCode,
  makePaidOrder,
  minutesAfter,
  newKey,
  newOpenid,
  orderRow,
  refundsOf,
  setStock,
  type MadeOrder,
} from './order-factory';

const customer = (order: MadeOrder, at = minutesAfter(T0, 5)) => ({
  openid: order.openid,
  now: at,
  idempotencyKey: newKey(),
});

async function requested(db: Db, order: MadeOrder, input: { refundType?: 'refund_only' | 'return_refund' } = {}) {
  return callAction(
    db,
    'order.requestRefund',
    { orderId: order.orderId, reason: '不想要了', ...input },
    customer(order),
  );
}

async function ship(db: Db, order: MadeOrder) {
  okData(
    await callAction(
      db,
      'manager.shipOrder',
      { orderId: order.orderId, carrier: '顺丰', trackingNo: 'SF0000000001' },
      { openid: MANAGER, now: minutesAfter(T0, 3), idempotencyKey: newKey() },
    ),
  );
}

describeEachDatabase('after-sale: cancel a request, refund kind, 再来一单', (use) => {
  it('the customer withdraws a 待审核 request: the refund is cancelled, the order back where it was, a new request possible', async () => {
    const sku = 'sku-hyaluronic-sheet-mask-2';
    await setStock(use(), sku, 10);
    const order = await makePaidOrder(use(), { items: [{ skuId: sku, qty: 1 }] });
    const refund = okData(await requested(use(), order));
    expect((await orderRow(use(), order.orderId)).status).toBe('refunding');

    const view = okData(await callAction(use(), 'order.cancelRefund', { refundId: refund.refundId }, customer(order)));
    expect(view.status).toBe('paid');
    expect(view.refunds).toEqual([expect.objectContaining({ refundId: refund.refundId, status: 'cancelled' })]);
    expect(view.actions.requestRefund).toBe(true);
    expect(await orderRow(use(), order.orderId)).toMatchObject({ status: 'paid', status_before_refund: null });

    // Withdrawn once: a second withdrawal is refused with the server's words, and approval finds nothing to approve.
    const again = await callAction(use(), 'order.cancelRefund', { refundId: refund.refundId }, customer(order));
    expect(again.ok ? null : again.error).toMatchObject({
      code: 'ORDER_STATE_CONFLICT',
      message: '售后申请已处理，无法撤销',
    });
    const approve = await callAction(
      use(),
      'manager.approveRefund',
      { refundId: refund.refundId },
      { openid: MANAGER, now: minutesAfter(T0, 6), idempotencyKey: newKey() },
    );
    expect(errorCode(approve)).toBe('ORDER_STATE_CONFLICT');

    // The order may be refunded again; the new request is the only open one.
    okData(await requested(use(), order));
    expect((await refundsOf(use(), order.orderId)).map((r) => r.status).sort()).toEqual(['cancelled', 'requested']);
  });

  it('a request the store approved, or another member, cannot be withdrawn', async () => {
    const sku = 'sku-hyaluronic-sheet-mask-2';
    await setStock(use(), sku, 10);
    const order = await makePaidOrder(use(), { items: [{ skuId: sku, qty: 1 }] });
    const refund = okData(await requested(use(), order));
    const stranger = await callAction(
      use(),
      'order.cancelRefund',
      { refundId: refund.refundId },
      { openid: newOpenid(), now: minutesAfter(T0, 5), idempotencyKey: newKey() },
    );
    expect(errorCode(stranger)).toBe('NOT_FOUND');
    okData(
      await callAction(
        use(),
        'manager.approveRefund',
        { refundId: refund.refundId },
        { openid: MANAGER, now: minutesAfter(T0, 6), idempotencyKey: newKey() },
      ),
    );
    const late = await callAction(use(), 'order.cancelRefund', { refundId: refund.refundId }, customer(order));
    expect(errorCode(late)).toBe('ORDER_STATE_CONFLICT');
    expect((await refundsOf(use(), order.orderId))[0]!.status).toBe('approved');
    expect((await orderRow(use(), order.orderId)).status).toBe('refunding');
  });

  it('before shipping only 仅退款 is offered and 退货退款 is refused; once shipped both, stored as asked', async () => {
    const sku = 'sku-hyaluronic-sheet-mask-2';
    await setStock(use(), sku, 10);
    const order = await makePaidOrder(use(), { items: [{ skuId: sku, qty: 1 }] });
    const view = okData(await callAction(use(), 'order.get', { orderId: order.orderId }, customer(order)));
    expect(view.refundTypes).toEqual(['refund_only']);
    const refused = await requested(use(), order, { refundType: 'return_refund' });
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'REFUND_NOT_ALLOWED',
      message: '商品尚未发出，无需退货，请选择仅退款',
    });

    await ship(use(), order);
    const shipped = okData(await callAction(use(), 'order.get', { orderId: order.orderId }, customer(order)));
    expect(shipped.refundTypes).toEqual(['return_refund', 'refund_only']);
    const refund = okData(await requested(use(), order, { refundType: 'return_refund' }));
    const pending = okData(await callAction(use(), 'order.get', { orderId: order.orderId }, customer(order)));
    expect(pending.refunds[0]).toMatchObject({ refundType: 'return_refund', status: 'requested', returnAddress: null });
    expect(pending.refundTypes).toEqual([]);

    // The manager's queue names the kind; once approved the customer reads where to send the goods.
    const queue = okData(
      await callAction(
        use(),
        'manager.listRefunds',
        { status: 'requested' },
        { openid: MANAGER, now: minutesAfter(T0, 6) },
      ),
    );
    expect(queue.items.find((r) => r.refundId === refund.refundId)).toMatchObject({ refundType: 'return_refund' });
    okData(
      await callAction(
        use(),
        'manager.approveRefund',
        { refundId: refund.refundId },
        { openid: MANAGER, now: minutesAfter(T0, 7), idempotencyKey: newKey() },
      ),
    );
    const agreed = okData(await callAction(use(), 'order.get', { orderId: order.orderId }, customer(order)));
    expect(agreed.refunds[0]!.returnAddress).toContain('上海市静安区');
  });

  it('a shipped order asked without a kind is 退货退款; an unshipped one 仅退款', async () => {
    const sku = 'sku-hyaluronic-sheet-mask-2';
    await setStock(use(), sku, 10);
    const unshipped = await makePaidOrder(use(), { items: [{ skuId: sku, qty: 1 }] });
    okData(await requested(use(), unshipped));
    expect((await refundsOf(use(), unshipped.orderId))[0]!.refund_type).toBe('refund_only');
    const shipped = await makePaidOrder(use(), { items: [{ skuId: sku, qty: 1 }] });
    await ship(use(), shipped);
    okData(await requested(use(), shipped));
    expect((await refundsOf(use(), shipped.orderId))[0]!.refund_type).toBe('return_refund');
  });

  it('再来一单 answers the SKUs still on sale (capped at stock) and names the ones left out', async () => {
    const [kept, scarce, gone] = [
      'sku-hyaluronic-sheet-mask-2',
      'sku-niacinamide-even-tone-serum-1',
      'sku-amino-acid-cleanser-2',
    ];
    for (const s of [kept, scarce, gone]) await setStock(use(), s, 10);
    const order = await makePaidOrder(use(), {
      items: [
        { skuId: kept, qty: 2 },
        { skuId: scarce, qty: 3 },
        { skuId: gone, qty: 1 },
      ],
    });
    await setStock(use(), scarce, 1);
    await setStock(use(), gone, 0);
    const plan = okData(await callAction(use(), 'order.reorder', { orderId: order.orderId }, { openid: order.openid }));
    expect(plan.items).toEqual([
      { skuId: kept, qty: 2 },
      { skuId: scarce, qty: 1 },
    ]);
    expect(plan.skipped).toEqual([expect.objectContaining({ reason: 'sold_out' })]);
    expect(plan.notice).toBe('1 件商品已下架或售罄，未加入；1 件商品库存不足，已按库存加入');

    // Off the shelf: left out too; another member's order is not found.
    await use().kysely.updateTable('skus').set({ active: false }).where('id', '=', kept).execute();
    const later = okData(
      await callAction(use(), 'order.reorder', { orderId: order.orderId }, { openid: order.openid }),
    );
    expect(later.items).toEqual([{ skuId: scarce, qty: 1 }]);
    expect(later.skipped.map((s) => s.reason).sort()).toEqual(['sold_out', 'unavailable']);
    await use().kysely.updateTable('skus').set({ active: true }).where('id', '=', kept).execute();
    const stranger = await callAction(use(), 'order.reorder', { orderId: order.orderId }, { openid: newOpenid() });
    expect(errorCode(stranger)).toBe('NOT_FOUND');
  });
});

describeOnPostgres('after-sale withdrawal racing the store', (use) => {
  it('withdraw and approve at once, 8 orders: exactly one wins each time, and the order agrees with the winner', async () => {
    const sku = 'sku-hyaluronic-sheet-mask-2';
    await setStock(use(), sku, 50);
    for (let i = 0; i < 8; i++) {
      const order = await makePaidOrder(use(), { items: [{ skuId: sku, qty: 1 }] });
      const refund = okData(await requested(use(), order));
      const [cancel, approve] = await Promise.all([
        callAction(use(), 'order.cancelRefund', { refundId: refund.refundId }, customer(order)),
        callAction(
          use(),
          'manager.approveRefund',
          { refundId: refund.refundId },
          { openid: MANAGER, now: minutesAfter(T0, 5), idempotencyKey: newKey() },
        ),
      ]);
      expect([cancel.ok, approve.ok].filter(Boolean)).toHaveLength(1);
      const loser = cancel.ok ? approve : cancel;
      expect(errorCode(loser)).toBe('ORDER_STATE_CONFLICT');
      const [row] = await refundsOf(use(), order.orderId);
      const status = (await orderRow(use(), order.orderId)).status;
      if (cancel.ok) expect([row!.status, status]).toEqual(['cancelled', 'paid']);
      else expect([row!.status, status]).toEqual(['approved', 'refunding']);
    }
  });
});
