import { expect, it } from 'vitest';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { describeEachDatabase, tableCounts } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { T0, daysAfter, errorCode, makePaidOrder, newKey, setStock } from '../order/order-factory';
import { makeMember } from '../points/points-factory';
import { SKU, bind, bindingsOf, eventsOf, openInvite, referralCoupons, type Member } from './referral-factory';

async function referralCounts(db: Db) {
  const counts = await tableCounts(db);
  for (const table of ['referrals', 'referral_events', 'coupons'] as const) {
    const row = await db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

async function expectRefused(db: Db, inviter: Member, friend: Member, reason: string, now = T0) {
  const result = okData(await openInvite(db, friend.openid, inviter.invite_code, now));
  expect(result).toMatchObject({ bound: false, outcome: 'refused', reason, giftCoupon: null });
  expect(result.message).toMatch(/[\u4e00-\u9fa5]/);
  expect((await eventsOf(db, inviter.id)).at(-1)).toBe(`refused:${reason}`);
}

describeEachDatabase('referral attribution guards', (use) => {
  it('a poster scene arrives URI-encoded and binds like a share card', async () => {
    const [a, b] = [await makeMember(use()), await makeMember(use())];
    const result = okData(await openInvite(use(), b.openid, a.invite_code, T0, 'scene'));
    expect(result).toMatchObject({ outcome: 'bound', inviter: { nickname: a.nickname } });
    expect(await referralCoupons(use(), b.id)).toHaveLength(1);
  });

  it('never binds the inviter to themselves', async () => {
    const a = await makeMember(use());
    await expectRefused(use(), a, a, 'self_invite');
    expect(await bindingsOf(use(), a.id)).toHaveLength(0);
    expect(await referralCoupons(use(), a.id)).toHaveLength(0);
  });

  it('never binds a returning customer (paid before)', async () => {
    await setStock(use(), SKU, 10);
    const [a, b] = [await makeMember(use()), await makeMember(use())];
    await makePaidOrder(use(), { items: [{ skuId: SKU, qty: 1 }], openid: b.openid, now: T0 });
    await expectRefused(use(), a, b, 'paid_before', daysAfter(T0, 1));
    expect(await bindingsOf(use(), b.id)).toHaveLength(0);
    expect(await referralCoupons(use(), b.id)).toHaveLength(0);
  });

  it("never binds a friend whose phone is the inviter's", async () => {
    const [a, b] = [await makeMember(use()), await makeMember(use())];
    await use()
      .kysely.updateTable('members')
      .set({ phone: '13800138000', phone_country: '86' })
      .where('id', 'in', [a.id, b.id])
      .execute();
    await expectRefused(use(), a, b, 'same_phone');
    expect(await bindingsOf(use(), b.id)).toHaveLength(0);
  });

  it('first touch wins: a second inviter is refused and the binding stays', async () => {
    const [a, b, c] = [await makeMember(use()), await makeMember(use()), await makeMember(use())];
    await bind(use(), a, b, T0);
    await expectRefused(use(), c, b, 'already_bound', daysAfter(T0, 1));
    const again = okData(await openInvite(use(), b.openid, a.invite_code, daysAfter(T0, 2)));
    expect(again).toMatchObject({
      outcome: 'refused',
      reason: 'already_bound_to_inviter',
      giftCoupon: { title: '好友专享 无门槛15元' },
    });
    expect((await bindingsOf(use(), b.id)).map((r) => r.inviter_member_id)).toEqual([a.id]);
    expect(await referralCoupons(use(), b.id)).toHaveLength(1);
  });

  it('refuses a cycle of any length along a chain of 5 members (M5 -> M1, M3 -> M1, M2 -> M1), and binds outside it', async () => {
    const m: Member[] = [];
    for (let i = 0; i < 5; i++) m.push(await makeMember(use()));
    for (let i = 0; i < 4; i++) await bind(use(), m[i]!, m[i + 1]!, daysAfter(T0, i));
    // M1 heads the chain and is bound to no one: any member below inviting M1 would close a loop.
    await expectRefused(use(), m[4]!, m[0]!, 'cycle', daysAfter(T0, 5));
    await expectRefused(use(), m[2]!, m[0]!, 'cycle', daysAfter(T0, 5));
    await expectRefused(use(), m[1]!, m[0]!, 'cycle', daysAfter(T0, 5));
    expect(await bindingsOf(use(), m[0]!.id)).toHaveLength(0);
    const outsider = await makeMember(use());
    await bind(use(), m[4]!, outsider, daysAfter(T0, 5));
  });

  it.each([
    [{ inviteCode: 'abc' }, 'INVITE_CODE_INVALID'],
    [{ inviteCode: 'ABC10O' }, 'INVITE_CODE_INVALID'],
    [{ scene: 'i%3DAB' }, 'INVITE_CODE_INVALID'],
    [{ scene: '%E0%A4%A' }, 'INVITE_CODE_INVALID'],
    [{ inviteCode: 'ZZZZZZ' }, 'INVITE_CODE_NOT_FOUND'],
    [{ scene: 'i%3DZZZZZZ' }, 'INVITE_CODE_NOT_FOUND'],
    [{}, 'VALIDATION_FAILED'],
  ])('bad input %j -> %s, nothing changes', async (data, code) => {
    const b = await makeMember(use());
    const before = await referralCounts(use());
    const result = await callAction(use(), 'referral.attribute', data, {
      openid: b.openid,
      now: T0,
      idempotencyKey: newKey(),
    });
    expect(errorCode(result)).toBe(code);
    expect(await referralCounts(use())).toEqual(before);
  });

  it('the invite card: code, share path, a scene WeChat accepts, a poster code image; each view is a card shown', async () => {
    const a = await makeMember(use());
    const card = okData(await callAction(use(), 'referral.myInviteCard', {}, { openid: a.openid, now: T0 }));
    expect(card).toMatchObject({
      inviteCode: a.invite_code,
      sharePath: `/packages/invite/landing?inv=${a.invite_code}`,
      scene: `i=${a.invite_code}`,
      rules: {
        rewardKind: 'points',
        rewardPoints: 500,
        friendGiftTitle: '好友专享 无门槛15元',
        dailyCap: 5,
        monthlyCap: 30,
        bindingDays: 30,
      },
    });
    expect(card.qrImage).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(card.qrImage!.split(',')[1]!, 'base64').toString()).toContain('<svg');
    expect(card.featured?.title).toBeTruthy();
    expect(await eventsOf(use(), a.id)).toEqual(['card_shown']);
  });
});
