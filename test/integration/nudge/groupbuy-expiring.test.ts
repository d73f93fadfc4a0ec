import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { makeCampaign, payGroupOrder } from '../groupbuy/groupbuy-factory';
import { localPlatform, newOpenid } from '../order/order-factory';
import { at, deliver, grant, nudgesOf, quotaOf, runNudges, setNudgeSettings } from './nudge-factory';

const SKU = 'sku-green-tea-balancing-toner-1';

/**
 * 拼团即将到期 (groupbuy_expiring), clock-driven through the real group-buy flow: campaigns made by
 * manager.createCampaign, seats taken by paying through the payment callback. The campaigns run
 * from 2026-03-02 10:00 to 2026-04-01 (Shanghai).
 */
describeEachDatabase('nudge trigger: group-buy team about to expire', (use) => {
  beforeEach(() => setNudgeSettings(use(), {}));

  it('every paid member of a team still short of members is nudged in the last daily run before it expires, with the team page; full, virtual and early teams are not', async () => {
    const short = await makeCampaign(use(), { title: '绿茶水 3人团', teamSize: 3, windowHours: 48 });
    const virtual = await makeCampaign(use(), { teamSize: 3, windowHours: 48, allowVirtual: true });
    const pair = await makeCampaign(use(), { teamSize: 2, windowHours: 48 });
    const opened = at('2026-03-05T13:00:00'); // every team expires 2026-03-07 13:00
    const a = await payGroupOrder(use(), { campaignId: short.campaignId, skuId: SKU, now: opened });
    const b = await payGroupOrder(use(), {
      campaignId: short.campaignId,
      skuId: SKU,
      teamId: a.teamId!,
      now: at('2026-03-05T15:00:00'),
    });
    const v = await payGroupOrder(use(), { campaignId: virtual.campaignId, skuId: SKU, now: opened });
    const f1 = await payGroupOrder(use(), { campaignId: pair.campaignId, skuId: SKU, now: opened });
    const f2 = await payGroupOrder(use(), { campaignId: pair.campaignId, skuId: SKU, teamId: f1.teamId!, now: opened });
    for (const m of [a, b, v, f1, f2]) await grant(use(), m.openid, opened);

    // 27 h left at the 10:00 run the day before: the next run still comes before the expiry.
    await runNudges(use(), at('2026-03-06T10:00:00'));
    for (const m of [a, b]) expect(await nudgesOf(use(), m.openid)).toHaveLength(0);

    const lastRun = at('2026-03-07T10:00:00'); // 3 h left
    await runNudges(use(), lastRun);
    for (const m of [a, b]) {
      const nudges = await nudgesOf(use(), m.openid);
      expect(nudges).toHaveLength(1);
      expect(nudges[0]).toMatchObject({
        trigger: 'groupbuy_expiring',
        subject: `team:${a.teamId}`,
        detail: expect.objectContaining({ teamId: a.teamId, missing: 1 }),
      });
      expect(await quotaOf(use(), m.openid)).toBe(0);
    }
    // The virtual team succeeds at expiry anyway; the full team has succeeded: no quota spent on them.
    for (const m of [v, f1, f2]) {
      expect(await nudgesOf(use(), m.openid)).toHaveLength(0);
      expect(await quotaOf(use(), m.openid)).toBe(1);
    }

    const platform = localPlatform(use(), { now: lastRun });
    await deliver(use(), lastRun, platform);
    const sent = platform.messages.sent.filter((s) => s.openid === a.openid || s.openid === b.openid);
    expect(sent).toHaveLength(2);
    for (const s of sent) {
      expect(s.page).toBe(`packages/groupbuy/team?teamId=${a.teamId}`);
      expect(s.data.thing1!.value).toBe('绿茶水 3人团');
      expect(s.data.thing2!.value).toBe('还差1人成团，03-07 13:00截止');
    }
  });

  it('the window is an arg (6 h: only teams expiring by 16:00), and the quiet hours hold the run', async () => {
    await setNudgeSettings(use(), { trigger_args: { groupbuy_expiring: { withinHours: 6 } } });
    const c = await makeCampaign(use(), { teamSize: 2, windowHours: 24 });
    const soon = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU, now: at('2026-03-10T13:00:00') });
    const later = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU, now: at('2026-03-10T18:00:00') });
    for (const m of [soon, later]) await grant(use(), m.openid, at('2026-03-10T18:00:00'));

    // 08:00 is inside the quiet hours (21:00-09:00): nothing is selected although a team is due.
    expect(await runNudges(use(), at('2026-03-11T08:00:00'))).toMatchObject({ quiet: 1, queued: 0 });
    expect(await nudgesOf(use(), soon.openid)).toHaveLength(0);

    await runNudges(use(), at('2026-03-11T10:00:00'));
    expect((await nudgesOf(use(), soon.openid)).map((n) => n.subject)).toEqual([`team:${soon.teamId}`]);
    expect(await nudgesOf(use(), later.openid)).toHaveLength(0); // 8 h left: outside a 6 h window
  });

  it("deduped per (member, team): each of a member's two teams is nudged once, within the cap", async () => {
    await setNudgeSettings(use(), { cap_days: 1, trigger_args: { groupbuy_expiring: { withinHours: 48 } } });
    const c1 = await makeCampaign(use(), { teamSize: 3, windowHours: 72 });
    const c2 = await makeCampaign(use(), { teamSize: 3, windowHours: 72 });
    const openid = newOpenid();
    const x = await payGroupOrder(use(), {
      campaignId: c1.campaignId,
      skuId: SKU,
      openid,
      now: at('2026-03-15T12:00:00'),
    }); // expires 03-18 12:00
    const y = await payGroupOrder(use(), {
      campaignId: c2.campaignId,
      skuId: SKU,
      openid,
      now: at('2026-03-16T12:00:00'),
    }); // expires 03-19 12:00
    await grant(use(), openid, at('2026-03-16T12:00:00'), 3);

    await runNudges(use(), at('2026-03-17T10:00:00')); // only x within 48 h (26 h)
    expect((await nudgesOf(use(), openid)).map((n) => n.subject)).toEqual([`team:${x.teamId}`]);
    await runNudges(use(), at('2026-03-18T10:00:00')); // x (2 h, already nudged) and y (26 h)
    expect((await nudgesOf(use(), openid)).map((n) => n.subject)).toEqual([`team:${x.teamId}`, `team:${y.teamId}`]);
    const again = await runNudges(use(), at('2026-03-19T10:00:00')); // y (2 h, already nudged)
    expect(again.queued).toBe(0);
    expect(await nudgesOf(use(), openid)).toHaveLength(2);
    expect(await quotaOf(use(), openid)).toBe(1);
  });
});
