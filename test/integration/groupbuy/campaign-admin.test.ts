import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { MANAGER, T0, errorCode, newKey, newOpenid } from '../order/order-factory';
import { groupbuyCounts, hoursAfter, makeCampaign, payGroupOrder } from './groupbuy-factory';

const SKU = 'sku-green-tea-balancing-toner-1';
const create = (db: Parameters<typeof makeCampaign>[0], data: Record<string, unknown>, openid = MANAGER) =>
  callAction(
    db,
    'manager.createCampaign',
    {
      skuId: SKU,
      title: '测试',
      groupPriceFen: 5000,
      teamSize: 2,
      stockCap: 10,
      endsAt: hoursAfter(T0, 48).toISOString(),
      ...data,
    } as never,
    { openid, now: T0, idempotencyKey: newKey() },
  );

describeEachDatabase('group-buy campaign admin', (use) => {
  it('creates, lists with team outcomes, and stops a campaign; the public list drops a stopped one', async () => {
    const c = await makeCampaign(use(), { teamSize: 2, allowVirtual: true, windowHours: 12 });
    expect(c).toMatchObject({
      status: 'active',
      teamSize: 2,
      windowHours: 12,
      allowVirtual: true,
      onFull: 'open_new',
      seatsSold: 0,
    });
    const a = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU });
    await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU, teamId: a.teamId! });
    const listed = okData(
      await callAction(use(), 'manager.listCampaigns', {}, { openid: MANAGER, now: T0 }),
    ).items.find((x) => x.campaignId === c.campaignId);
    expect(listed).toMatchObject({ seatsSold: 2, teams: { open: 0, succeeded: 1, failed: 0 } });
    const pub = okData(await callAction(use(), 'groupbuy.listCampaigns', {}, { openid: null, now: T0 }));
    expect(pub.items.map((x) => x.campaignId)).toContain(c.campaignId);

    const stopped = okData(
      await callAction(
        use(),
        'manager.stopCampaign',
        { campaignId: c.campaignId },
        { openid: MANAGER, now: T0, idempotencyKey: newKey() },
      ),
    );
    expect(stopped.status).toBe('stopped');
    expect(
      errorCode(
        await callAction(
          use(),
          'manager.stopCampaign',
          { campaignId: c.campaignId },
          { openid: MANAGER, now: T0, idempotencyKey: newKey() },
        ),
      ),
    ).toBe('GROUP_BUY_STOPPED');
    const after = okData(await callAction(use(), 'groupbuy.listCampaigns', {}, { openid: null, now: T0 }));
    expect(after.items.map((x) => x.campaignId)).not.toContain(c.campaignId);
  });

  it('refuses bad campaigns and non-managers, writing nothing', async () => {
    const before = await groupbuyCounts(use());
    expect(errorCode(await create(use(), { skuId: 'sku-nope' }))).toBe('NOT_FOUND');
    expect(errorCode(await create(use(), { groupPriceFen: 999_999 }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await create(use(), { teamSize: 11 }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await create(use(), { teamSize: 1 }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await create(use(), { endsAt: hoursAfter(T0, -1).toISOString() }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await create(use(), { durationDays: 7 }))).toBe('VALIDATION_FAILED'); // both an end and a length
    expect(errorCode(await create(use(), { endsAt: undefined }))).toBe('VALIDATION_FAILED'); // neither
    expect(errorCode(await create(use(), {}, newOpenid()))).toBe('FORBIDDEN');
    expect(
      errorCode(
        await callAction(
          use(),
          'manager.stopCampaign',
          { campaignId: 'gb_nope' },
          { openid: MANAGER, now: T0, idempotencyKey: newKey() },
        ),
      ),
    ).toBe('GROUP_BUY_UNAVAILABLE');
    expect(
      errorCode(await callAction(use(), 'groupbuy.getTeam', { teamId: 't_nope' }, { openid: null, now: T0 })),
    ).toBe('GROUP_BUY_TEAM_NOT_FOUND');
    expect(
      errorCode(await callAction(use(), 'groupbuy.getCampaign', { campaignId: 'gb_nope' }, { openid: null, now: T0 })),
    ).toBe('GROUP_BUY_UNAVAILABLE');
    expect(await groupbuyCounts(use())).toEqual(before);
  });

  it('the demo store carries the seeded campaigns (team of 2 and of 3), with the teams open now', async () => {
    const c2 = okData(
      await callAction(use(), 'groupbuy.getCampaign', { campaignId: 'gb-demo-cleanser-2' }, { openid: null, now: T0 }),
    );
    const c3 = okData(
      await callAction(use(), 'groupbuy.getCampaign', { campaignId: 'gb-demo-essence-3' }, { openid: null, now: T0 }),
    );
    expect([c2.teamSize, c3.teamSize]).toEqual([2, 3]);
    expect(c2.groupPriceFen).toBeLessThan(c2.originalPriceFen);
    const a = await payGroupOrder(use(), { campaignId: c3.campaignId, skuId: c3.skuId });
    const open = okData(
      await callAction(use(), 'groupbuy.getCampaign', { campaignId: c3.campaignId }, { openid: null, now: T0 }),
    );
    expect(open.teams).toEqual([expect.objectContaining({ teamId: a.teamId, joined: 1, teamSize: 3 })]);
  });

  it('a campaign given in days ends that many days after the server clock, and `open` follows the server clock', async () => {
    const c = okData(await create(use(), { endsAt: undefined, durationDays: 3 }));
    expect(c.endsAt).toBe(hoursAfter(T0, 72).toISOString());
    expect(c.open).toBe(true);
    const at = (hours: number) =>
      callAction(
        use(),
        'groupbuy.getCampaign',
        { campaignId: c.campaignId },
        { openid: null, now: hoursAfter(T0, hours) },
      );
    expect(okData(await at(71)).open).toBe(true);
    expect(okData(await at(72)).open).toBe(false); // ended: the page offers no new team
    const later = okData(await create(use(), { startsAt: hoursAfter(T0, 5).toISOString() }));
    expect(later.open).toBe(false); // not started yet
    await callAction(
      use(),
      'manager.stopCampaign',
      { campaignId: c.campaignId },
      { openid: MANAGER, now: T0, idempotencyKey: newKey() },
    );
    expect(okData(await at(1)).open).toBe(false); // stopped
  });
});
