import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { MANAGER, T0, daysAfter, makePaidOrder, setStock } from '../order/order-factory';
import { makeMember, settleOrder } from '../points/points-factory';
import { SKU, bind, openInvite } from './referral-factory';

describeEachDatabase('manager dashboard: the referral funnel', (use) => {
  it('counts people per stage over 30 days: shown -> opened -> bound -> first order -> rewarded', async () => {
    await setStock(use(), SKU, 50);
    const [a, b, c, d] = [
      await makeMember(use()),
      await makeMember(use()),
      await makeMember(use()),
      await makeMember(use()),
    ];
    // A looks at 邀请有礼 three times: one person shown the card.
    for (let i = 0; i < 3; i += 1)
      okData(await callAction(use(), 'referral.myInviteCard', {}, { openid: a.openid, now: T0 }));
    await bind(use(), a, b, T0);
    await bind(use(), a, c, T0);
    // D opens A's card twice: bound once, and counted once among the friends who opened it.
    await bind(use(), a, d, T0);
    await openInvite(use(), d.openid, a.invite_code, daysAfter(T0, 1));
    const order = await makePaidOrder(use(), {
      items: [{ skuId: SKU, qty: 1 }],
      openid: b.openid,
      now: daysAfter(T0, 1),
    });
    const settledAt = await settleOrder(use(), order);

    const board = okData(await callAction(use(), 'manager.dashboard', {}, { openid: MANAGER, now: settledAt }));
    const funnel = board.charts.find((ch) => ch.code === 'referral_funnel')!;
    expect(funnel.kind).toBe('funnel');
    expect(funnel.rows.map((r) => [r.label, r.value])).toEqual([
      ['邀请卡展示', 1],
      ['好友打开', 3],
      ['绑定成功', 3],
      ['好友首单', 1],
      ['发放奖励', 1],
    ]);
    expect(funnel.rows.map((r) => r.hint)).toEqual([undefined, undefined, '转化 100%', '转化 33.3%', '转化 100%']);

    // Thirty days later the window has moved past every event.
    const later = okData(
      await callAction(use(), 'manager.dashboard', {}, { openid: MANAGER, now: daysAfter(settledAt, 31) }),
    );
    expect(later.charts.find((ch) => ch.code === 'referral_funnel')!.rows.every((r) => r.value === 0)).toBe(true);
  });
});
