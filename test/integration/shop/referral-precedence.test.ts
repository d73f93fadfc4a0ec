import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { okData } from '../../support/call';
import { T0, daysAfter, makePaidOrder, orderRow, setStock } from '../order/order-factory';
import { entriesOf, expectBalanced, makeMember, settleOrder } from '../points/points-factory';
import { SKU, bind, bindingsOf } from '../referral/referral-factory';
import { ADVISOR, scan, welcomeRowsOf } from './shop-factory';

describeEachDatabase('store attribution next to referral', (use) => {
  it('an invited, bound friend scans an advisor code, buys and settles: referral unchanged, inviter rewarded once, advisor bound', async () => {
    await setStock(use(), SKU, 50);
    const [inviter, friend] = [await makeMember(use()), await makeMember(use())];
    await bind(use(), inviter, friend, T0);
    const [binding] = await bindingsOf(use(), friend.id);

    const welcome = okData(
      await scan(use(), friend.openid, { scene: encodeURIComponent('a=DEMOSTAFF') }, daysAfter(T0, 1)),
    );
    expect(welcome).toMatchObject({ advisor: { name: '小禾' }, binding: 'bound', giftReason: 'issued' });
    // The scan leaves the referral binding exactly as it was.
    expect(await bindingsOf(use(), friend.id)).toEqual([binding]);

    const order = await makePaidOrder(use(), {
      items: [{ skuId: SKU, qty: 1 }],
      openid: friend.openid,
      now: daysAfter(T0, 2),
    });
    expect(await orderRow(use(), order.orderId)).toMatchObject({ shop_id: 'shop-jingan', advisor_openid: ADVISOR });
    await settleOrder(use(), order);

    const after = await bindingsOf(use(), friend.id);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({
      id: binding!.id,
      inviter_member_id: inviter.id,
      status: 'rewarded',
      first_order_id: order.orderId,
    });
    expect(await expectBalanced(use(), inviter.id)).toBe(500);
    expect((await entriesOf(use(), inviter.id)).map((e) => [e.reason, e.delta])).toEqual([['referral', 500]]);
    // The advisor binding is separate and stays; the advisor gains no points from it.
    expect((await welcomeRowsOf(use(), friend.id)).advisors).toMatchObject([{ advisor_openid: ADVISOR }]);
    // Store-wide: this friendship earned one referral entry, in the inviter's account, and nothing else.
    const rewards = await use()
      .kysely.selectFrom('points_entries')
      .select(['member_id', 'delta'])
      .where('reason', '=', 'referral')
      .where('idempotency_key', '=', `referral:${binding!.id}`)
      .execute();
    expect(rewards).toEqual([{ member_id: inviter.id, delta: 500 }]);
  });
});
