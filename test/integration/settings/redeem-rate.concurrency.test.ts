import { expect, it } from 'vitest';
import { describeOnPostgres } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { credit, expectBalanced, makeMember } from '../points/points-factory';
import { MANAGER, T0, newKey, orderRow, setStock } from '../order/order-factory';

const SKU = 'sku-amino-acid-cleanser-1'; // ¥89: points may pay ¥44.50

describeOnPostgres('redeem rate under concurrency', (use) => {
  it('orders placed while the manager changes the rate are each priced and stamped at one rate, and the ledger matches', async () => {
    await setStock(use(), SKU, 50);
    const members = [];
    for (let i = 0; i < 6; i++) {
      const m = await makeMember(use());
      await credit(use(), m.id, 10_000, T0);
      members.push(m);
    }
    const { version } = okData(await callAction(use(), 'manager.getSettings', {}, { openid: MANAGER, now: T0 }));
    const save = callAction(
      use(),
      'manager.saveSettings',
      {
        section: 'points',
        values: [
          { key: 'earnPointsPerYuan', value: 1 },
          { key: 'redeemCapPercent', value: 50 },
          { key: 'redeemPointsPerYuan', value: 250 },
        ],
        version,
      },
      { openid: MANAGER, now: T0, idempotencyKey: newKey() },
    );
    const creates = members.map((m) =>
      callAction(
        use(),
        'order.create',
        { items: [{ skuId: SKU, qty: 1 }], delivery: { type: 'pickup' }, pointsToUse: 10_000 },
        { openid: m.openid, now: T0, idempotencyKey: newKey() },
      ),
    );
    const [saved, ...placed] = await Promise.all([save, ...creates]);
    expect(saved.ok).toBe(true);
    // At 100 a yuan the cap binds (4,450 points for 4,450 fen); at 250 the 10,000 points are worth 4,000 fen.
    const expected: Record<number, [number, number]> = { 100: [4450, 4450], 250: [10_000, 4000] };
    for (const [i, result] of placed.entries()) {
      const row = await orderRow(use(), okData(result).orderId);
      expect([100, 250]).toContain(row.redeem_points_per_yuan);
      expect([row.points_used, row.points_discount_fen]).toEqual(expected[row.redeem_points_per_yuan]);
      expect(okData(result).payableFen).toBe(8900 - row.points_discount_fen);
      expect(await expectBalanced(use(), members[i]!.id)).toBe(10_000 - row.points_used);
    }
  });
});
