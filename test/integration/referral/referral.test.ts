import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { settledConsumers } from '../../../cloudfunctions/core/outbox/outbox-worker';
import { T0, daysAfter, jobContext, makePaidOrder, setStock } from '../order/order-factory';
import { entriesOf, expectBalanced, makeMember, settleOrder } from '../points/points-factory';
import {
  SKU,
  balanceOf,
  bind,
  bindingsOf,
  eventsOf,
  invitesShown,
  referralCoupons,
  refundWhole,
  setReferralSettings,
} from './referral-factory';

describeEachDatabase('referral rewards (state machine, injected clock)', (use) => {
  it('bind -> first order paid (已下单) -> refund window passes -> settled: inviter gets 500 points once (已奖励)', async () => {
    await setStock(use(), SKU, 50);
    const [a, b] = [await makeMember(use()), await makeMember(use())];
    const bound = await bind(use(), a, b, T0);
    expect(bound.giftCoupon).toMatchObject({ title: '好友专享 无门槛15元' });
    const held = okData(await callAction(use(), 'member.coupons', { status: 'usable' }, { openid: b.openid, now: T0 }));
    expect(held.items.map((c) => c.title)).toContain('好友专享 无门槛15元');
    expect(await invitesShown(use(), a, T0)).toEqual(['已绑定']);

    const order = await makePaidOrder(use(), {
      items: [{ skuId: SKU, qty: 1 }],
      openid: b.openid,
      now: daysAfter(T0, 1),
    });
    expect(await invitesShown(use(), a, daysAfter(T0, 2))).toEqual(['已下单']);
    expect(await balanceOf(use(), a.id)).toBe(0); // nothing before settlement

    const settledAt = await settleOrder(use(), order);
    expect(await invitesShown(use(), a, settledAt)).toEqual(['已奖励']);
    expect(await expectBalanced(use(), a.id)).toBe(500);
    // The same settlement event delivered again: still one reward.
    const event = {
      orderId: order.orderId,
      storeId: 'demo',
      memberId: b.id,
      paidFen: order.payableFen,
      settledAt: settledAt.toISOString(),
    };
    for (const consume of settledConsumers) await consume(jobContext(use(), settledAt), event);
    expect(await expectBalanced(use(), a.id)).toBe(500);
    expect((await entriesOf(use(), a.id)).map((e) => [e.reason, e.delta])).toEqual([['referral', 500]]);
    expect(await eventsOf(use(), a.id)).toEqual([
      'opened',
      'bound:gift_issued',
      'first_order:paid_in_window',
      'rewarded:points',
    ]);
    const page = okData(await callAction(use(), 'referral.myInvites', {}, { openid: a.openid, now: settledAt }));
    expect(page.summary).toEqual({ invited: 1, rewarded: 1, pointsEarned: 500 });
  });

  it('a refund before settlement: the first order never settles, no reward, 已失效', async () => {
    await setStock(use(), SKU, 50);
    const [a, b] = [await makeMember(use()), await makeMember(use())];
    await bind(use(), a, b, T0);
    const order = await makePaidOrder(use(), {
      items: [{ skuId: SKU, qty: 1 }],
      openid: b.openid,
      now: daysAfter(T0, 1),
    });
    await refundWhole(use(), order, daysAfter(T0, 2));
    expect((await bindingsOf(use(), b.id))[0]).toMatchObject({ status: 'void', first_order_id: order.orderId });
    expect(await invitesShown(use(), a, daysAfter(T0, 40))).toEqual(['已失效']);
    expect(await balanceOf(use(), a.id)).toBe(0);
    expect(await eventsOf(use(), a.id)).toContain('refused:first_order_refunded');
  });

  it('a refund after the reward reverses it with a reversing ledger entry (已失效)', async () => {
    await setStock(use(), SKU, 50);
    const [a, b] = [await makeMember(use()), await makeMember(use())];
    await bind(use(), a, b, T0);
    const order = await makePaidOrder(use(), {
      items: [{ skuId: SKU, qty: 1 }],
      openid: b.openid,
      now: daysAfter(T0, 1),
    });
    const settledAt = await settleOrder(use(), order);
    expect(await balanceOf(use(), a.id)).toBe(500);
    await refundWhole(use(), order, daysAfter(settledAt, 3));
    const binding = (await bindingsOf(use(), b.id))[0]!;
    expect(binding).toMatchObject({ status: 'reversed' });
    expect(await expectBalanced(use(), a.id)).toBe(0);
    expect((await entriesOf(use(), a.id)).map((e) => [e.reason, e.delta, e.idempotency_key])).toEqual([
      ['referral', 500, `referral:${binding.id}`],
      ['refund_reversal', -500, `referral_reversal:${binding.id}`],
    ]);
    expect(await invitesShown(use(), a, daysAfter(settledAt, 4))).toEqual(['已失效']);
    expect((await eventsOf(use(), a.id)).at(-1)).toBe('reversed:points_reversed');
  });

  it('caps: over the daily cap and then the monthly cap a settled first order is recorded as capped, without reward', async () => {
    await setStock(use(), SKU, 50);
    await setReferralSettings(use(), { daily_cap: 1, monthly_cap: 2 });
    const a = await makeMember(use());
    const friends = [
      await makeMember(use()),
      await makeMember(use()),
      await makeMember(use()),
      await makeMember(use()),
    ];
    for (const f of friends) await bind(use(), a, f, T0);
    // B and C settle on the same Shanghai day, D a day later, E two days later (same month).
    const days = [1, 1, 2, 3];
    for (const [i, f] of friends.entries()) {
      const order = await makePaidOrder(use(), {
        items: [{ skuId: SKU, qty: 1 }],
        openid: f.openid,
        now: daysAfter(T0, days[i]!),
      });
      await settleOrder(use(), order);
    }
    const statuses = await Promise.all(friends.map(async (f) => (await bindingsOf(use(), f.id))[0]!.status));
    expect(statuses).toEqual(['rewarded', 'capped', 'rewarded', 'capped']);
    expect(await expectBalanced(use(), a.id)).toBe(1000);
    const events = await eventsOf(use(), a.id);
    expect(events.filter((e) => e.startsWith('refused:'))).toEqual(['refused:daily_cap', 'refused:monthly_cap']);
  });

  it('an expired binding window: no paid order in 30 days -> 已失效, and another inviter may then bind the friend', async () => {
    await setStock(use(), SKU, 50);
    const [a, b, c] = [await makeMember(use()), await makeMember(use()), await makeMember(use())];
    await bind(use(), a, b, T0);
    expect(await invitesShown(use(), a, daysAfter(T0, 29))).toEqual(['已绑定']);
    expect(await invitesShown(use(), a, daysAfter(T0, 30))).toEqual(['已失效']);
    // Inside the window C is refused (first touch wins); after it, C binds.
    expect(
      okData(
        await callAction(
          use(),
          'referral.attribute',
          { inviteCode: c.invite_code },
          { openid: b.openid, now: daysAfter(T0, 29), idempotencyKey: `k-${b.id}-29` },
        ),
      ),
    ).toMatchObject({ outcome: 'refused', reason: 'already_bound' });
    const rebound = await bind(use(), c, b, daysAfter(T0, 31));
    expect(rebound.giftCoupon).toBeNull(); // one friend gift per member, ever
    expect((await bindingsOf(use(), b.id)).map((r) => [r.inviter_member_id, r.status])).toEqual([
      [a.id, 'expired'],
      [c.id, 'bound'],
    ]);
    const order = await makePaidOrder(use(), {
      items: [{ skuId: SKU, qty: 1 }],
      openid: b.openid,
      now: daysAfter(T0, 32),
    });
    await settleOrder(use(), order);
    expect([await balanceOf(use(), a.id), await balanceOf(use(), c.id)]).toEqual([0, 500]);
    expect(await invitesShown(use(), a, daysAfter(T0, 60))).toEqual(['已失效']);
  });

  it('a first order paid after the window is not rewarded', async () => {
    await setStock(use(), SKU, 50);
    const [a, b] = [await makeMember(use()), await makeMember(use())];
    await bind(use(), a, b, T0);
    const order = await makePaidOrder(use(), {
      items: [{ skuId: SKU, qty: 1 }],
      openid: b.openid,
      now: daysAfter(T0, 30),
    });
    await settleOrder(use(), order);
    expect(await balanceOf(use(), a.id)).toBe(0);
    expect((await bindingsOf(use(), b.id))[0]!.status).toBe('bound');
    expect(await invitesShown(use(), a, daysAfter(T0, 60))).toEqual(['已失效']);
  });

  it('only the first order counts: a second settled order rewards nothing more (one level only)', async () => {
    await setStock(use(), SKU, 50);
    const [a, b, c] = [await makeMember(use()), await makeMember(use()), await makeMember(use())];
    await bind(use(), a, b, T0);
    await bind(use(), b, c, T0); // B invites C: A earns nothing from C
    const first = await makePaidOrder(use(), {
      items: [{ skuId: SKU, qty: 1 }],
      openid: b.openid,
      now: daysAfter(T0, 1),
    });
    const second = await makePaidOrder(use(), {
      items: [{ skuId: SKU, qty: 1 }],
      openid: b.openid,
      now: daysAfter(T0, 2),
    });
    const third = await makePaidOrder(use(), {
      items: [{ skuId: SKU, qty: 1 }],
      openid: c.openid,
      now: daysAfter(T0, 2),
    });
    await settleOrder(use(), second);
    expect(await balanceOf(use(), a.id)).toBe(0);
    await settleOrder(use(), first);
    await settleOrder(use(), third);
    expect(await balanceOf(use(), a.id)).toBe(500);
    expect((await entriesOf(use(), b.id)).filter((e) => e.reason === 'referral').map((e) => e.delta)).toEqual([500]);
    expect((await bindingsOf(use(), b.id))[0]!.first_order_id).toBe(first.orderId);
  });
});
