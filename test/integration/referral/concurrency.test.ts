import { expect, it } from 'vitest';
import { describeOnPostgres } from '../../support/databases';
import { rewardInviterOnSettled } from '../../../cloudfunctions/core/referral/reward.service';
import { T0, daysAfter, jobContext, makePaidOrder, setStock } from '../order/order-factory';
import { entriesOf, expectBalanced, makeMember } from '../points/points-factory';
import { SKU, bind, bindingsOf, openInvite, referralCoupons } from './referral-factory';

describeOnPostgres('referral under concurrency', (use) => {
  it('two inviters race to bind the same friend: exactly one binding and one gift, 20 rounds', async () => {
    for (let round = 0; round < 20; round++) {
      const [a, c, b] = await Promise.all([makeMember(use()), makeMember(use()), makeMember(use())]);
      const results = await Promise.all([
        openInvite(use(), b.openid, a.invite_code, T0),
        openInvite(use(), b.openid, c.invite_code, T0),
      ]);
      const outcomes = results.map((r) => (r.ok ? r.data.outcome : r.error.code)).sort();
      expect(outcomes).toEqual(['bound', 'refused']);
      expect(await bindingsOf(use(), b.id)).toHaveLength(1);
      expect(await referralCoupons(use(), b.id)).toHaveLength(1);
    }
  });

  it('A->B and B->A at once: never a cycle, 10 rounds', async () => {
    for (let round = 0; round < 10; round++) {
      const [a, b] = await Promise.all([makeMember(use()), makeMember(use())]);
      await Promise.all([
        openInvite(use(), b.openid, a.invite_code, T0),
        openInvite(use(), a.openid, b.invite_code, T0),
      ]);
      const links = (await bindingsOf(use(), a.id)).length + (await bindingsOf(use(), b.id)).length;
      expect(links).toBe(1);
    }
  });

  it('the same settlement event delivered twice, concurrently and again later: one reward', async () => {
    await setStock(use(), SKU, 50);
    for (let round = 0; round < 5; round++) {
      const [a, b] = [await makeMember(use()), await makeMember(use())];
      await bind(use(), a, b, T0);
      const order = await makePaidOrder(use(), {
        items: [{ skuId: SKU, qty: 1 }],
        openid: b.openid,
        now: daysAfter(T0, 1),
      });
      const settledAt = daysAfter(T0, 16);
      const event = {
        orderId: order.orderId,
        storeId: 'demo',
        memberId: b.id,
        paidFen: order.payableFen,
        settledAt: settledAt.toISOString(),
      };
      await Promise.all([
        rewardInviterOnSettled(jobContext(use(), settledAt), event),
        rewardInviterOnSettled(jobContext(use(), settledAt), event),
      ]);
      await rewardInviterOnSettled(jobContext(use(), daysAfter(settledAt, 1)), event);
      expect(await expectBalanced(use(), a.id)).toBe(500);
      expect((await entriesOf(use(), a.id)).filter((e) => e.reason === 'referral')).toHaveLength(1);
      expect((await bindingsOf(use(), b.id))[0]!.status).toBe('rewarded');
    }
  });

  it('two friends of one inviter settle at once with a daily cap of 1: one reward, one capped', async () => {
    await setStock(use(), SKU, 50);
    await use()
      .kysely.insertInto('referral_settings')
      .values({ store_id: 'demo', daily_cap: 1, friend_template_id: 'ct-referral-friend-15', reward_template_id: null })
      .onConflict((oc) => oc.column('store_id').doUpdateSet({ daily_cap: 1 }))
      .execute();
    const a = await makeMember(use());
    const friends = [await makeMember(use()), await makeMember(use())];
    const events = [];
    for (const f of friends) {
      await bind(use(), a, f, T0);
      const order = await makePaidOrder(use(), {
        items: [{ skuId: SKU, qty: 1 }],
        openid: f.openid,
        now: daysAfter(T0, 1),
      });
      events.push({
        orderId: order.orderId,
        storeId: 'demo',
        memberId: f.id,
        paidFen: order.payableFen,
        settledAt: daysAfter(T0, 16).toISOString(),
      });
    }
    await Promise.all(events.map((e) => rewardInviterOnSettled(jobContext(use(), daysAfter(T0, 16)), e)));
    const statuses = (await Promise.all(friends.map(async (f) => (await bindingsOf(use(), f.id))[0]!.status))).sort();
    expect(statuses).toEqual(['capped', 'rewarded']);
    expect(await expectBalanced(use(), a.id)).toBe(500);
    await use().kysely.deleteFrom('referral_settings').execute();
  });
});
