import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import {
  MANAGER,
  T0,
  errorCode,
  makeOrder,
  makePaidOrder,
  minutesAfter,
  newKey,
  orderRow,
  outboxOf,
  setStock,
} from '../order/order-factory';

const SKU = 'sku-light-fluid-sunscreen-1';

describeEachDatabase('shipping by spreadsheet', (use) => {
  it('ships each paid order of the file once and reports every row; the same file again ships nothing', async () => {
    await setStock(use(), SKU, 100);
    const a = await makePaidOrder(use(), { items: [{ skuId: SKU, qty: 1 }] });
    const b = await makePaidOrder(use(), { items: [{ skuId: SKU, qty: 1 }] });
    const unpaid = await makeOrder(use(), { items: [{ skuId: SKU, qty: 1 }] });
    const pickup = await makePaidOrder(use(), { items: [{ skuId: SKU, qty: 1 }], delivery: 'pickup' });
    const csv = [
      '订单号,快递公司,运单号',
      `${a.orderNo},顺丰,SF1000000001`,
      `${b.orderNo},zhongtong,ZT2000000002`,
      `${unpaid.orderNo},圆通,YT3000000003`,
      'NO-SUCH-ORDER,韵达,YD4000000004',
      `${pickup.orderNo},申通,ST5000000005`,
      `${a.orderNo},顺丰,SF1000000001`,
      'X1,天天快递,TT0001',
      'X2,EMS,bad no!',
      'only-two,fields',
    ].join('\n');
    const at = minutesAfter(T0, 10);
    const first = okData(
      await callAction(
        use(),
        'manager.importShipments',
        { csv },
        { openid: MANAGER, now: at, idempotencyKey: newKey() },
      ),
    );
    expect(first.rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, 'shipped'],
      [3, 'shipped'],
      [4, 'not_paid'],
      [5, 'not_found'],
      [6, 'not_express'],
      [7, 'duplicate_row'],
      [8, 'bad_carrier'],
      [9, 'bad_tracking_no'],
      [10, 'malformed'],
    ]);
    expect(first.counts).toEqual({
      shipped: 2,
      not_paid: 1,
      not_found: 1,
      not_express: 1,
      duplicate_row: 1,
      bad_carrier: 1,
      bad_tracking_no: 1,
      malformed: 1,
    });
    expect(first.rows.every((r) => r.message.length > 0)).toBe(true);
    expect(await orderRow(use(), a.orderId)).toMatchObject({
      status: 'shipped',
      carrier: '顺丰速运',
      tracking_no: 'SF1000000001',
    });
    expect(await orderRow(use(), b.orderId)).toMatchObject({ status: 'shipped', carrier: '中通快递' });
    expect((await orderRow(use(), unpaid.orderId)).status).toBe('pending_payment');
    expect((await orderRow(use(), pickup.orderId)).status).toBe('paid');
    const upload = await outboxOf(use(), 'shipping.upload', `shipping:${a.orderId}`);
    expect(upload).toHaveLength(1);
    expect(upload[0]!.payload).toMatchObject({ carrier: '顺丰速运', trackingNo: 'SF1000000001', logisticsType: 1 });

    // The same file again (a new key: a second import, not a retry): nothing ships twice.
    const second = okData(
      await callAction(
        use(),
        'manager.importShipments',
        { csv },
        { openid: MANAGER, now: minutesAfter(at, 5), idempotencyKey: newKey() },
      ),
    );
    expect(second.counts.shipped).toBeUndefined();
    expect(second.counts.already_shipped).toBe(2);
    expect((await orderRow(use(), a.orderId)).shipped_at!.toISOString()).toBe(at.toISOString());
    expect(await outboxOf(use(), 'shipping.upload', `shipping:${a.orderId}`)).toHaveLength(1);

    // Another parcel for a shipped order is reported with the one it left with.
    const other = okData(
      await callAction(
        use(),
        'manager.importShipments',
        { csv: `${a.orderNo},京东,JD9000000009` },
        { openid: MANAGER, now: minutesAfter(at, 6), idempotencyKey: newKey() },
      ),
    );
    expect(other.rows[0]).toMatchObject({ outcome: 'shipped_other', message: expect.stringContaining('SF1000000001') });

    // Each import is in the audit log.
    const audit = await use()
      .kysely.selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'manager.importShipments')
      .execute();
    expect(audit).toHaveLength(3);
  });

  it('refuses an empty file and a file over the row cap, writing nothing', async () => {
    const empty = await callAction(
      use(),
      'manager.importShipments',
      { csv: '订单号,快递公司,运单号\n' },
      { openid: MANAGER, now: T0, idempotencyKey: newKey() },
    );
    expect(errorCode(empty)).toBe('VALIDATION_FAILED');
    const rows = Array.from({ length: 501 }, (_, i) => `N${i},顺丰,SF${100000 + i}`).join('\n');
    const tooMany = await callAction(
      use(),
      'manager.importShipments',
      { csv: rows },
      { openid: MANAGER, now: T0, idempotencyKey: newKey() },
    );
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '一次最多导入 500 行' } });
  });

  it('the ship sheet takes a carrier from the list (code, name or alias) and stores its name; others are refused', async () => {
    await setStock(use(), SKU, 100);
    const order = await makePaidOrder(use(), { items: [{ skuId: SKU, qty: 1 }] });
    const refused = await callAction(
      use(),
      'manager.shipOrder',
      { orderId: order.orderId, carrier: '天天快递', trackingNo: 'TT000001' },
      { openid: MANAGER, now: T0, idempotencyKey: newKey() },
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: '请从列表中选择快递公司' },
    });
    const shipped = okData(
      await callAction(
        use(),
        'manager.shipOrder',
        { orderId: order.orderId, carrier: 'jtexpress', trackingNo: 'JT0001000' },
        { openid: MANAGER, now: T0, idempotencyKey: newKey() },
      ),
    );
    expect(shipped.shipping).toEqual({ carrier: '极兔速递', trackingNo: 'JT0001000' });
    const carriers = okData(await callAction(use(), 'manager.listCarriers', {}, { openid: MANAGER }));
    expect(carriers.items.map((c) => c.code)).toEqual([
      'shunfeng',
      'zhongtong',
      'yuantong',
      'yunda',
      'shentong',
      'jtexpress',
      'ems',
      'jd',
      'youzhengguonei',
    ]);
  });
});
