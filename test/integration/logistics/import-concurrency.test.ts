import { expect, it } from 'vitest';
import { describeOnPostgres } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { MANAGER, T0, makePaidOrder, minutesAfter, newKey, orderRow, outboxOf, setStock } from '../order/order-factory';

describeOnPostgres('shipping by spreadsheet, concurrently', (use) => {
  it('the same file imported five times at once ships each order once; every import reports each row', async () => {
    const sku = 'sku-light-fluid-sunscreen-3';
    await setStock(use(), sku, 100);
    const orders = [];
    for (let i = 0; i < 6; i++) orders.push(await makePaidOrder(use(), { items: [{ skuId: sku, qty: 1 }] }));
    // Two files listing the orders in opposite order: row order must not let them deadlock.
    const lines = orders.map((o, i) => `${o.orderNo},顺丰,SF80000000${i}`);
    const files = [lines.join('\n'), [...lines].reverse().join('\n')];
    const at = minutesAfter(T0, 30);
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        callAction(
          use(),
          'manager.importShipments',
          { csv: files[i % 2]! },
          { openid: MANAGER, now: at, idempotencyKey: newKey() },
        ),
      ),
    );
    const imports = results.map(okData);
    const shippedCounts = imports.map((r) => r.counts.shipped ?? 0);
    expect(shippedCounts.reduce((a, b) => a + b, 0)).toBe(orders.length);
    for (const r of imports) {
      expect((r.counts.shipped ?? 0) + (r.counts.already_shipped ?? 0)).toBe(orders.length);
    }
    for (const o of orders) {
      expect((await orderRow(use(), o.orderId)).status).toBe('shipped');
      expect(await outboxOf(use(), 'shipping.upload', `shipping:${o.orderId}`)).toHaveLength(1);
    }
  });
});
