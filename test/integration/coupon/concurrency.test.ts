import { expect, it } from 'vitest';
import { describeOnPostgres } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { T0, createInput, errorCode, newKey, newOpenid, setStock } from '../order/order-factory';
import { claim, claimed, makeTemplate, refusal, remainingOf } from './coupon-factory';

describeOnPostgres('coupon races', (use) => {
  it('100 concurrent claims of a template with a total of 1 issue exactly one coupon', async () => {
    const t = await makeTemplate(use(), { total: 1 });
    const results = await Promise.all(Array.from({ length: 100 }, () => claim(use(), newOpenid(), t, T0)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(new Set(results.filter((r) => !r.ok).map((r) => JSON.stringify(refusal(r))))).toEqual(
      new Set([JSON.stringify({ code: 'COUPON_SOLD_OUT', reason: 'sold_out' })]),
    );
    const coupons = await use().kysely.selectFrom('coupons').select('id').where('template_id', '=', t).execute();
    expect(coupons).toHaveLength(1);
    expect(await remainingOf(use(), t)).toBe(0);
  });

  it('one member claiming 20 times at once gets exactly the per-member limit, and the stock counts it', async () => {
    const openid = newOpenid();
    okData(await callAction(use(), 'member.me', {}, { openid }));
    const t = await makeTemplate(use(), { total: 50, perMemberLimit: 2 });
    const results = await Promise.all(Array.from({ length: 20 }, () => claim(use(), openid, t, T0)));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok).every((r) => refusal(r)?.reason === 'limit_reached')).toBe(true);
    expect(await remainingOf(use(), t)).toBe(48);
  });

  it('two orders spending the same coupon at once: one succeeds, the other is COUPON_IN_USE', async () => {
    const sku = 'sku-amino-acid-cleanser-1';
    await setStock(use(), sku, 100);
    const openid = newOpenid();
    const couponId = await claimed(use(), openid, await makeTemplate(use()), T0);
    for (let round = 0; round < 5; round++) {
      const fresh = round === 0 ? couponId : await claimed(use(), openid, await makeTemplate(use()), T0);
      const results = await Promise.all(
        [1, 2].map(() =>
          callAction(
            use(),
            'order.create',
            { ...createInput([{ skuId: sku, qty: 1 }], 'pickup'), couponId: fresh },
            { openid, now: T0, idempotencyKey: newKey() },
          ),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.map(errorCode).filter(Boolean)).toEqual(['COUPON_IN_USE']);
      const orders = await use().kysely.selectFrom('orders').select('id').where('coupon_id', '=', fresh).execute();
      expect(orders).toHaveLength(1);
    }
  });
});
