import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { T0, daysAfter, makePaidOrder, setStock } from '../order/order-factory';
import { makeMember, settleOrder } from '../points/points-factory';
import { SKU, balanceOf, bind, bindingsOf, eventsOf, invitesShown, refundWhole } from './referral-factory';

describeEachDatabase('referral coupon reward (per-store configuration)', (use) => {
  it('a store rewarding with a coupon issues it on settlement, and voids it (unused) when the order is refunded', async () => {
    await setStock(use(), SKU, 50);
    await use()
      .kysely.insertInto('referral_settings')
      .values({
        store_id: 'demo',
        reward_kind: 'coupon',
        reward_template_id: 'ct-full-199-30',
        friend_template_id: 'ct-referral-friend-15',
      })
      .onConflict((oc) =>
        oc.column('store_id').doUpdateSet({ reward_kind: 'coupon', reward_template_id: 'ct-full-199-30' }),
      )
      .execute();
    try {
      const [a, b] = [await makeMember(use()), await makeMember(use())];
      await bind(use(), a, b, T0);
      const order = await makePaidOrder(use(), {
        items: [{ skuId: SKU, qty: 1 }],
        openid: b.openid,
        now: daysAfter(T0, 1),
      });
      const settledAt = await settleOrder(use(), order);
      const binding = (await bindingsOf(use(), b.id))[0]!;
      expect(binding).toMatchObject({ status: 'rewarded', reward_kind: 'coupon' });
      const coupon = await use()
        .kysely.selectFrom('coupons')
        .selectAll()
        .where('id', '=', binding.reward_coupon_id!)
        .executeTakeFirstOrThrow();
      expect(coupon).toMatchObject({
        member_id: a.id,
        template_id: 'ct-full-199-30',
        source: 'referral',
        status: 'usable',
      });
      expect(await balanceOf(use(), a.id)).toBe(0);
      expect(await invitesShown(use(), a, settledAt)).toEqual(['已奖励']);

      await refundWhole(use(), order, daysAfter(settledAt, 2));
      const voided = await use()
        .kysely.selectFrom('coupons')
        .select('status')
        .where('id', '=', coupon.id)
        .executeTakeFirstOrThrow();
      expect(voided.status).toBe('expired');
      expect((await bindingsOf(use(), b.id))[0]!.status).toBe('reversed');
      expect((await eventsOf(use(), a.id)).slice(-2)).toEqual(['rewarded:coupon', 'reversed:coupon_voided']);
    } finally {
      await use().kysely.deleteFrom('referral_settings').execute();
    }
  });
});
