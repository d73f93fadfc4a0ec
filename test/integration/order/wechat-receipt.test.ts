import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import type { Db } from '../../../cloudfunctions/core/db/db';
import type { ActionInput } from '../../../cloudfunctions/core/contract';
import { runOutboxWorker } from '../../../cloudfunctions/core/outbox/outbox-worker';
import { findWechatReceipts } from '../../../cloudfunctions/core/order/repo/wechat-receipt.repo';
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
  newKey,
  newOpenid,
  orderRow,
  setStock,
} from './order-factory';

const SKU = 'sku-vitamin-c-brightening-serum-1';
const OTHER_SKU = 'sku-retinol-night-serum-1';
const MERCHANT = '1900000109';
const saved = { managed: process.env.WX_TRADE_MANAGED, merchant: process.env.WX_PAY_SUB_MCH_ID };

beforeAll(() => {
  process.env.WX_TRADE_MANAGED = '1';
  process.env.WX_PAY_SUB_MCH_ID = MERCHANT;
});

afterAll(() => {
  for (const [name, value] of [
    ['WX_TRADE_MANAGED', saved.managed],
    ['WX_PAY_SUB_MCH_ID', saved.merchant],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** A paid express order, shipped by the manager one hour after T0. */
async function shippedOrder(db: Db, items = [{ skuId: SKU, qty: 1 }]) {
  for (const { skuId } of items) await setStock(db, skuId, 50);
  const order = await makePaidOrder(db, { items, now: T0 });
  okData(
    await callAction(
      db,
      'manager.shipOrder',
      { orderId: order.orderId, carrier: '顺丰', trackingNo: 'SF0001' },
      { openid: MANAGER, now: minutesAfter(T0, 60), idempotencyKey: newKey() },
    ),
  );
  return order;
}

describeEachDatabase('confirm receipt in WeChat (发货信息管理)', (use) => {
  const report = (
    order: { orderId: string; openid: string },
    data: Omit<ActionInput<'order.recordWechatReceipt'>, 'orderId'>,
    options: { platform?: ReturnType<typeof localPlatform>; key?: string; now?: Date } = {},
  ) =>
    callAction(
      use(),
      'order.recordWechatReceipt',
      { orderId: order.orderId, ...data },
      {
        openid: order.openid,
        now: options.now ?? daysAfter(T0, 2),
        idempotencyKey: options.key ?? newKey(),
        platform: options.platform,
      },
    );

  it("a shipped order's view carries the component's extraData; not before shipping", async () => {
    await setStock(use(), SKU, 50);
    const paid = await makePaidOrder(use(), { items: [{ skuId: SKU, qty: 1 }], now: T0 });
    const before = okData(await callAction(use(), 'order.get', { orderId: paid.orderId }, { openid: paid.openid }));
    expect(before.wechatReceipt).toBeNull();
    okData(
      await callAction(
        use(),
        'manager.shipOrder',
        { orderId: paid.orderId, carrier: 'EMS', trackingNo: 'EMS1' },
        { openid: MANAGER, now: minutesAfter(T0, 60), idempotencyKey: newKey() },
      ),
    );
    const view = okData(await callAction(use(), 'order.get', { orderId: paid.orderId }, { openid: paid.openid }));
    expect(view.wechatReceipt).toEqual({
      transaction_id: paid.transactionId,
      merchant_id: MERCHANT,
      merchant_trade_no: paid.orderNo,
    });
    expect(view.actions.confirmReceipt).toBe(true);
  });

  it('the direct confirmation is refused while WeChat holds the funds; the order keeps waiting for WeChat', async () => {
    const order = await shippedOrder(use());
    const refused = await callAction(
      use(),
      'order.confirmReceipt',
      { orderId: order.orderId },
      { openid: order.openid, now: daysAfter(T0, 2), idempotencyKey: newKey() },
    );
    expect(errorCode(refused)).toBe('CONFIRM_RECEIPT_IN_WECHAT');
    expect(refused.ok ? null : refused.error.message).toBe('请在微信的确认收货页中确认收货');
    const row = await orderRow(use(), order.orderId);
    expect([row.status, row.completed_at]).toEqual(['shipped', null]);
  });

  it('success that WeChat confirms completes the order once; a retry replays, a new report changes nothing', async () => {
    const order = await shippedOrder(use());
    const platform = localPlatform(use(), { now: daysAfter(T0, 2) });
    platform.shipping.tradeOrders.set(order.transactionId, { found: true, orderState: 3, openid: order.openid });
    const key = newKey();
    const first = okData(await report(order, { status: 'success' }, { platform, key }));
    expect(first.outcome).toBe('completed');
    expect(first.order).toMatchObject({ status: 'completed', completedAt: daysAfter(T0, 2).toISOString() });
    expect(first.order.wechatReceipt).toBeNull();

    // The client retries with the same key (its first answer was lost): the stored answer, nothing new.
    const replay = okData(await report(order, { status: 'success' }, { platform, key, now: daysAfter(T0, 3) }));
    expect(replay).toEqual(first);
    expect(await findWechatReceipts(use().kysely, order.orderId)).toHaveLength(1);

    // A second report (e.g. from the app's onShow as well as the callback) is recorded; the order stays as it was.
    const again = okData(await report(order, { status: 'success' }, { platform, now: daysAfter(T0, 3) }));
    expect(again.outcome).toBe('completed');
    const row = await orderRow(use(), order.orderId);
    expect(row.status).toBe('completed');
    expect(row.completed_at!.toISOString()).toBe(daysAfter(T0, 2).toISOString());
    const rows = await findWechatReceipts(use().kysely, order.orderId);
    expect(rows.map((r) => [r.status, r.verified, r.wechat_order_state, r.outcome])).toEqual([
      ['success', true, 3, 'completed'],
      ['success', true, 3, 'completed'],
    ]);
    expect(rows[0]!.member_id).toBe(row.member_id);
    expect(rows[0]!.created_at.toISOString()).toBe(daysAfter(T0, 2).toISOString());

    // Completed through WeChat: the direct confirmation has nothing left to do.
    expect(
      errorCode(
        await callAction(
          use(),
          'order.confirmReceipt',
          { orderId: order.orderId },
          { openid: order.openid, idempotencyKey: newKey() },
        ),
      ),
    ).toBe('ORDER_STATE_CONFLICT');
  });

  it('cancel and fail change nothing but are recorded, with WeChat’s message', async () => {
    const order = await shippedOrder(use());
    const platform = localPlatform(use(), { now: daysAfter(T0, 2) });
    // Even if WeChat would say confirmed, a cancel report does not complete anything.
    platform.shipping.tradeOrders.set(order.transactionId, { found: true, orderState: 3, openid: order.openid });
    const cancelled = okData(await report(order, { status: 'cancel' }, { platform }));
    expect(cancelled.outcome).toBe('recorded');
    expect(cancelled.order.status).toBe('shipped');
    const failed = okData(await report(order, { status: 'fail', errorMessage: '获取用户订单失败' }, { platform }));
    expect(failed.outcome).toBe('recorded');
    expect((await orderRow(use(), order.orderId)).status).toBe('shipped');
    const rows = await findWechatReceipts(use().kysely, order.orderId);
    expect(rows.map((r) => [r.status, r.error_message, r.verified, r.wechat_order_state, r.outcome])).toEqual([
      ['cancel', null, false, null, 'recorded'],
      ['fail', '获取用户订单失败', false, null, 'recorded'],
    ]);
  });

  it('a success WeChat does not confirm stays a claim: not yet confirmed, unreachable, or another payer', async () => {
    const order = await shippedOrder(use());
    const platform = localPlatform(use(), { now: daysAfter(T0, 2) });
    platform.shipping.tradeOrders.set(order.transactionId, { found: true, orderState: 2, openid: order.openid });
    expect(okData(await report(order, { status: 'success' }, { platform })).outcome).toBe('unverified');
    platform.shipping.tradeOrders.set(order.transactionId, 'unreachable');
    expect(okData(await report(order, { status: 'success' }, { platform })).outcome).toBe('unverified');
    platform.shipping.tradeOrders.set(order.transactionId, { found: true, orderState: 3, openid: newOpenid() });
    expect(okData(await report(order, { status: 'success' }, { platform })).outcome).toBe('unverified');
    platform.shipping.tradeOrders.delete(order.transactionId);
    expect(okData(await report(order, { status: 'success' }, { platform })).outcome).toBe('unverified');

    expect((await orderRow(use(), order.orderId)).status).toBe('shipped');
    const rows = await findWechatReceipts(use().kysely, order.orderId);
    expect(rows.map((r) => [r.verified, r.wechat_order_state, r.outcome])).toEqual([
      [false, 2, 'unverified'],
      [false, null, 'unverified'],
      [false, 3, 'unverified'],
      [false, null, 'unverified'],
    ]);
    // WeChat confirms later: the next report completes the order.
    platform.shipping.tradeOrders.set(order.transactionId, { found: true, orderState: 4, openid: order.openid });
    expect(okData(await report(order, { status: 'success' }, { platform })).order.status).toBe('completed');
  });

  it('refused, writing nothing: another member’s order, an order not yet shipped, an unpaid order', async () => {
    const order = await shippedOrder(use());
    const stranger = newOpenid();
    okData(await callAction(use(), 'member.me', {}, { openid: stranger }));
    expect(errorCode(await report({ orderId: order.orderId, openid: stranger }, { status: 'success' }))).toBe(
      'NOT_FOUND',
    );

    await setStock(use(), OTHER_SKU, 50);
    const paid = await makePaidOrder(use(), { items: [{ skuId: OTHER_SKU, qty: 1 }], now: T0 });
    const conflict = await report(paid, { status: 'success' });
    expect(errorCode(conflict)).toBe('ORDER_STATE_CONFLICT');
    expect(conflict.ok ? null : conflict.error.details).toEqual({ status: 'paid' });

    const unpaid = await makeOrder(use(), { items: [{ skuId: OTHER_SKU, qty: 1 }], now: T0 });
    expect(errorCode(await report(unpaid, { status: 'cancel' }))).toBe('WECHAT_RECEIPT_NOT_APPLICABLE');

    for (const id of [order.orderId, paid.orderId, unpaid.orderId]) {
      expect(await findWechatReceipts(use().kysely, id)).toEqual([]);
    }
    expect((await orderRow(use(), order.orderId)).status).toBe('shipped');
  });

  it('off when the store is not under 发货信息管理: no extraData, reports refused, direct confirmation as before', async () => {
    const order = await shippedOrder(use());
    process.env.WX_TRADE_MANAGED = '0';
    try {
      const view = okData(await callAction(use(), 'order.get', { orderId: order.orderId }, { openid: order.openid }));
      expect(view.wechatReceipt).toBeNull();
      expect(errorCode(await report(order, { status: 'success' }))).toBe('WECHAT_RECEIPT_NOT_APPLICABLE');
      expect(await findWechatReceipts(use().kysely, order.orderId)).toEqual([]);
      const done = okData(
        await callAction(
          use(),
          'order.confirmReceipt',
          { orderId: order.orderId },
          { openid: order.openid, idempotencyKey: newKey() },
        ),
      );
      expect(done.status).toBe('completed');
    } finally {
      process.env.WX_TRADE_MANAGED = '1';
    }
  });

  it('the shipping upload describes what was bought and carries the receiver’s phone (SF needs a contact)', async () => {
    const order = await shippedOrder(use(), [
      { skuId: SKU, qty: 2 },
      { skuId: OTHER_SKU, qty: 1 },
    ]);
    const platform = localPlatform(use(), { now: minutesAfter(T0, 61) });
    await runOutboxWorker(jobContext(use(), minutesAfter(T0, 61), platform));
    const titles = (await linesOf(use(), order.orderId)).map((l) => l.title);
    // Orders shipped by the other tests of this suite upload too: this one's upload, once.
    expect(platform.shipping.uploads.filter((u) => u.transactionId === order.transactionId)).toEqual([
      {
        transactionId: order.transactionId,
        openid: order.openid,
        logisticsType: 1,
        carrier: '顺丰速运',
        trackingNo: 'SF0001',
        itemDesc: `${titles[0]} x2，${titles[1]} x1`,
        receiverPhone: (await orderRow(use(), order.orderId)).address!.phone,
      },
    ]);
  });
});
