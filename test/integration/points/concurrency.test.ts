import { expect, it } from 'vitest';
import { describeOnPostgres } from '../../support/databases';
import { callAction } from '../../support/call';
import { runPointsTimer } from '../../../cloudfunctions/core/points/points.service';
import { ADDRESS, T0, errorCode, jobContext, newKey, setStock } from '../order/order-factory';
import { credit, entriesOf, expectBalanced, makeMember } from './points-factory';

describeOnPostgres('points under concurrency', (use) => {
  it('two orders spending the same points at once: one holds them, the other gets INSUFFICIENT_POINTS, balance never negative', async () => {
    const skus = ['sku-amino-acid-cleanser-1', 'sku-amino-acid-cleanser-2'];
    for (const sku of skus) await setStock(use(), sku, 50);
    for (let round = 0; round < 5; round++) {
      const member = await makeMember(use());
      await credit(use(), member.id, 500, T0);
      const results = await Promise.all(
        skus.map((skuId) =>
          callAction(
            use(),
            'order.create',
            { items: [{ skuId, qty: 1 }], pointsToUse: 300, delivery: { type: 'express', address: ADDRESS } },
            { openid: member.openid, now: T0, idempotencyKey: newKey() },
          ),
        ),
      );
      expect(results.map(errorCode).sort()).toEqual(['INSUFFICIENT_POINTS', null].sort());
      expect(await expectBalanced(use(), member.id)).toBe(200);
    }
  });

  it('two expiry timers at once expire each lot once', async () => {
    const members = await Promise.all([makeMember(use()), makeMember(use()), makeMember(use())]);
    for (const m of members) await credit(use(), m.id, 120, new Date('2025-03-01T00:00:00+08:00'));
    const at = new Date('2027-01-01T00:10:00+08:00');
    const [a, b] = await Promise.all([runPointsTimer(jobContext(use(), at)), runPointsTimer(jobContext(use(), at))]);
    expect(a.lots! + b.lots!).toBe(3);
    for (const m of members) {
      expect(await expectBalanced(use(), m.id)).toBe(0);
      expect((await entriesOf(use(), m.id)).filter((e) => e.reason === 'expire')).toHaveLength(1);
    }
  });
});
