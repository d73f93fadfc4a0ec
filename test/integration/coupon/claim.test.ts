import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { T0, daysAfter, newOpenid } from '../order/order-factory';
import { claim, claimed, couponRow, makeTemplate, refusal, remainingOf } from './coupon-factory';

describeEachDatabase('coupon claims', (use) => {
  it('the claim center lists the seeded templates to anyone; signed in, it says what the caller holds', async () => {
    const anon = okData(await callAction(use(), 'coupon.listClaimable', {}, { openid: null, now: T0 }));
    const gift = anon.items.find((i) => i.templateId === 'ct-new-member-20')!;
    expect(gift).toMatchObject({
      title: '新人礼 无门槛立减',
      kind: 'no_threshold',
      amountFen: 2000,
      thresholdFen: null,
      scopeText: '全场通用',
      validityText: '领取后14天内有效',
      claimedByMe: null,
    });
    expect(anon.items.find((i) => i.templateId === 'ct-serum-15-off')).toMatchObject({
      percentOff: 15,
      capFen: 5000,
      scopeText: '限精华眼霜可用',
    });

    const openid = newOpenid();
    const before = gift.remaining;
    await claimed(use(), openid, 'ct-new-member-20', T0);
    const mine = okData(await callAction(use(), 'coupon.listClaimable', {}, { openid, now: T0 }));
    expect(mine.items.find((i) => i.templateId === 'ct-new-member-20')).toMatchObject({
      claimedByMe: true,
      canClaim: false,
      remaining: before - 1,
    });
    expect(mine.items.find((i) => i.templateId === 'ct-full-199-30')).toMatchObject({
      claimedByMe: false,
      canClaim: true,
    });
  });

  it("validity: N days after the claim, or the template's fixed window", async () => {
    const openid = newOpenid();
    const nDays = await makeTemplate(use(), { validDays: 10 });
    const row = await couponRow(use(), await claimed(use(), openid, nDays, T0));
    expect(row).toMatchObject({ status: 'usable', source: 'claim', seq: 1 });
    expect(row.valid_from.toISOString()).toBe(T0.toISOString());
    expect(row.valid_until.toISOString()).toBe(daysAfter(T0, 10).toISOString());

    const from = daysAfter(T0, -1);
    const until = daysAfter(T0, 30);
    const fixed = await makeTemplate(use(), { validFrom: from, validUntil: until });
    const fixedRow = await couponRow(use(), await claimed(use(), openid, fixed, T0));
    expect([fixedRow.valid_from.toISOString(), fixedRow.valid_until.toISOString()]).toEqual([
      from.toISOString(),
      until.toISOString(),
    ]);
  });

  it('the per-member limit: two allowed, the third is limit_reached and takes no stock', async () => {
    const openid = newOpenid();
    const t = await makeTemplate(use(), { perMemberLimit: 2, total: 10 });
    const first = await couponRow(use(), await claimed(use(), openid, t, T0));
    const second = await couponRow(use(), await claimed(use(), openid, t, T0));
    expect([first.seq, second.seq]).toEqual([1, 2]);
    expect(refusal(await claim(use(), openid, t, T0))).toEqual({
      code: 'COUPON_LIMIT_REACHED',
      reason: 'limit_reached',
    });
    expect(await remainingOf(use(), t)).toBe(8);
  });

  it('the total: the last one goes, then sold_out', async () => {
    const t = await makeTemplate(use(), { total: 1 });
    await claimed(use(), newOpenid(), t, T0);
    expect(refusal(await claim(use(), newOpenid(), t, T0))).toEqual({ code: 'COUPON_SOLD_OUT', reason: 'sold_out' });
    expect(await remainingOf(use(), t)).toBe(0);
    const listed = okData(
      await callAction(use(), 'coupon.listClaimable', {}, { openid: newOpenid(), now: T0 }),
    ).items.find((i) => i.templateId === t);
    expect(listed).toMatchObject({ remaining: 0, canClaim: false });
  });

  it('refuses an ended window, an inactive template, an unknown one and an issuer-only one, each with its reason', async () => {
    const openid = newOpenid();
    const ended = await makeTemplate(use(), { validFrom: daysAfter(T0, -10), validUntil: daysAfter(T0, -1) });
    expect(refusal(await claim(use(), openid, ended, T0))).toEqual({ code: 'COUPON_UNAVAILABLE', reason: 'ended' });
    const inactive = await makeTemplate(use(), { active: false });
    expect(refusal(await claim(use(), openid, inactive, T0))).toEqual({
      code: 'COUPON_UNAVAILABLE',
      reason: 'not_found',
    });
    expect(refusal(await claim(use(), openid, 'ct-nope', T0))).toEqual({
      code: 'COUPON_UNAVAILABLE',
      reason: 'not_found',
    });
    const issuerOnly = await makeTemplate(use(), { claimable: false });
    expect(refusal(await claim(use(), openid, issuerOnly, T0))).toEqual({
      code: 'COUPON_UNAVAILABLE',
      reason: 'not_found',
    });
    const listed = okData(await callAction(use(), 'coupon.listClaimable', {}, { openid: null, now: T0 })).items.map(
      (i) => i.templateId,
    );
    expect(listed).not.toContain(ended);
    expect(listed).not.toContain(issuerOnly);
    expect(
      await callAction(use(), 'member.claimCoupon', { templateId: ended }, { openid: null, now: T0 }),
    ).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('我的优惠券: a coupon past its window moves from 可使用 to 已过期', async () => {
    const openid = newOpenid();
    const t = await makeTemplate(use(), {
      validDays: 3,
      kind: 'full_reduction',
      args: { thresholdFen: 10000, amountFen: 1500 },
    });
    const couponId = await claimed(use(), openid, t, T0);
    const usable = okData(await callAction(use(), 'member.coupons', { status: 'usable' }, { openid, now: T0 }));
    // Only this template's coupons: a new member may also hold the store's new-member gift.
    expect(usable.items.filter((i) => i.templateId === t)).toEqual([
      expect.objectContaining({
        couponId,
        templateId: t,
        status: 'usable',
        kind: 'full_reduction',
        thresholdFen: 10000,
        amountFen: 1500,
        validUntil: daysAfter(T0, 3).toISOString(),
      }),
    ]);
    const later = daysAfter(T0, 3);
    expect(
      okData(await callAction(use(), 'member.coupons', { status: 'usable' }, { openid, now: later })).items.filter(
        (i) => i.templateId === t,
      ),
    ).toEqual([]);
    expect(
      okData(await callAction(use(), 'member.coupons', { status: 'expired' }, { openid, now: later })).items.map(
        (i) => [i.couponId, i.status],
      ),
    ).toEqual([[couponId, 'expired']]);
  });
});
