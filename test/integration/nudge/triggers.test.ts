import { beforeEach, describe, expect, it } from 'vitest';
import { findTimer } from '../../../cloudfunctions/core/timers/timers';
import { callAction, okData } from '../../support/call';
import { describeEachDatabase } from '../../support/databases';
import { claimed, makeTemplate } from '../coupon/coupon-factory';
import { daysAfter, localPlatform, makePaidOrder, newOpenid, outboxOf } from '../order/order-factory';
import { credit, makeMember } from '../points/points-factory';
import { at, deliver, grant, MASK, nudgesOf, quotaOf, runNudges, SET_90, setNudgeSettings } from './nudge-factory';

describeEachDatabase('nudge triggers (clock-driven)', (use) => {
  beforeEach(() => setNudgeSettings(use(), {}));

  it('repurchase due: nothing before the 30-day cycle, one nudge after it, sent once with the product page; never twice for that purchase', async () => {
    // The new-member coupon also expires on day 30: switch that trigger off to watch this one alone.
    await setNudgeSettings(use(), { trigger_args: { coupon_expiring: { enabled: false } } });
    const openid = newOpenid();
    const bought = at('2026-03-02T10:00:00');
    await makePaidOrder(use(), { items: [{ skuId: MASK, qty: 1 }], openid, now: bought });
    await grant(use(), openid, bought, 2);

    await runNudges(use(), at('2026-03-31T10:00:00'));
    expect(await nudgesOf(use(), openid)).toHaveLength(0);

    const day30 = at('2026-04-01T11:00:00');
    expect((await runNudges(use(), day30)).queued).toBeGreaterThanOrEqual(1);
    const [nudge] = await nudgesOf(use(), openid);
    expect(nudge).toMatchObject({ trigger: 'repurchase_due', status: 'queued' });
    expect(await quotaOf(use(), openid)).toBe(1);
    expect((await outboxOf(use(), 'nudge.send')).length).toBeGreaterThanOrEqual(1);

    const platform = localPlatform(use(), { now: day30 });
    await deliver(use(), day30, platform);
    expect(platform.messages.sent).toHaveLength(1);
    expect(platform.messages.sent[0]).toMatchObject({
      templateId: 'local-nudge-reminder',
      page: expect.stringMatching(/^packages\/goods\/detail\?id=/),
    });
    expect(platform.messages.sent[0]!.data.thing1!.value).toBe('玻尿酸补水面膜');
    expect((await nudgesOf(use(), openid))[0]).toMatchObject({ status: 'sent', sent_at: day30 });

    // Past the cap, still inside the catch-up window of the same purchase: deduped, quota untouched.
    await setNudgeSettings(use(), { cap_days: 1, trigger_args: { coupon_expiring: { enabled: false } } });
    await runNudges(use(), at('2026-04-03T10:00:00'));
    expect(await nudgesOf(use(), openid)).toHaveLength(1);
    expect(await quotaOf(use(), openid)).toBe(1);
  });

  it('no nudge without quota: a due member who never granted consent is counted, not nudged', async () => {
    const openid = newOpenid();
    await makePaidOrder(use(), { items: [{ skuId: MASK, qty: 1 }], openid, now: at('2026-05-02T10:00:00') });
    const counts = await runNudges(use(), at('2026-06-01T11:00:00'));
    expect(counts.noQuota).toBeGreaterThanOrEqual(1);
    expect(await nudgesOf(use(), openid)).toHaveLength(0);
  });

  it('coupon about to expire: a usable coupon ending within 3 days is nudged once, to the coupon page', async () => {
    const openid = newOpenid();
    const templateId = await makeTemplate(use(), { validDays: 7, title: '测试 到期提醒券' });
    const claimedAt = at('2026-07-01T10:00:00');
    await claimed(use(), openid, templateId, claimedAt);
    await grant(use(), openid, claimedAt);
    await runNudges(use(), at('2026-07-03T10:00:00'));
    expect(await nudgesOf(use(), openid)).toHaveLength(0);
    await runNudges(use(), at('2026-07-05T10:00:00'));
    const nudges = await nudgesOf(use(), openid);
    expect(nudges.map((n) => n.trigger)).toEqual(['coupon_expiring']);
    expect(nudges[0]!.detail).toMatchObject({ title: '测试 到期提醒券' });
  });

  it('points expiring within 30 days: nudged with the amount; not earlier', async () => {
    const member = await makeMember(use());
    await credit(use(), member.id, 321, at('2026-02-01T12:00:00')); // expires 2028-01-01 00:00 Shanghai
    await grant(use(), member.openid, at('2026-02-01T12:00:00'));
    await runNudges(use(), at('2027-11-20T10:00:00'));
    expect(await nudgesOf(use(), member.openid)).toHaveLength(0);
    await runNudges(use(), at('2027-12-05T10:00:00'));
    const nudges = await nudgesOf(use(), member.openid);
    expect(nudges.map((n) => n.trigger)).toEqual(['points_expiring']);
    expect(nudges[0]!.detail).toMatchObject({ points: 321 });
  });

  it('win-back: no order in 2x the usual interval nudges with a coupon issued through the coupon context', async () => {
    const templateId = await makeTemplate(use(), { validDays: 14, claimable: false, title: '回归礼券' });
    await setNudgeSettings(use(), {
      trigger_args: { win_back: { couponTemplateId: templateId }, coupon_expiring: { enabled: false } },
    });
    const openid = newOpenid();
    await makePaidOrder(use(), { items: [{ skuId: SET_90, qty: 1 }], openid, now: at('2026-08-01T10:00:00') });
    await makePaidOrder(use(), { items: [{ skuId: SET_90, qty: 1 }], openid, now: at('2026-08-11T10:00:00') });
    await grant(use(), openid, at('2026-08-11T10:00:00'));
    // Usual interval 10 days: at risk 20 days after the last order.
    await runNudges(use(), at('2026-08-30T10:00:00'));
    expect(await nudgesOf(use(), openid)).toHaveLength(0);
    await runNudges(use(), at('2026-08-31T11:00:00'));
    const [nudge] = await nudgesOf(use(), openid);
    expect(nudge).toMatchObject({ trigger: 'win_back' });
    expect(nudge!.coupon_id).toBeTruthy();
    const coupons = okData(
      await callAction(use(), 'member.coupons', {}, { openid, now: at('2026-08-31T12:00:00') }),
    ).items;
    expect(coupons.map((c) => c.title)).toContain('回归礼券');
  });

  it('7-day cap: one nudge per member per 7 days; the next trigger waits for the cap to pass', async () => {
    const member = await makeMember(use());
    await credit(use(), member.id, 500, at('2027-03-01T12:00:00')); // expires 2029-01-01
    const templateId = await makeTemplate(use(), { validUntil: new Date(at('2028-12-20T00:00:00')), validDays: null });
    await claimed(use(), member.openid, templateId, at('2028-12-01T10:00:00'));
    await grant(use(), member.openid, at('2028-12-01T10:00:00'), 3);
    await runNudges(use(), at('2028-12-17T10:00:00'));
    expect((await nudgesOf(use(), member.openid)).map((n) => n.trigger)).toEqual(['coupon_expiring']);
    const next = await runNudges(use(), at('2028-12-18T10:00:00'));
    expect(next.capped).toBeGreaterThanOrEqual(1);
    expect(await nudgesOf(use(), member.openid)).toHaveLength(1);
    await runNudges(use(), daysAfter(at('2028-12-17T10:00:00'), 7.05));
    expect((await nudgesOf(use(), member.openid)).map((n) => n.trigger)).toEqual([
      'coupon_expiring',
      'points_expiring',
    ]);
    expect(await quotaOf(use(), member.openid)).toBe(1);
  });
});

describe('nudgeTimer registration', () => {
  it('runs daily at 10:00 Shanghai', () => {
    expect(findTimer('nudgeTimer')).toMatchObject({ cron: '0 0 10 * * * *' });
  });
});
