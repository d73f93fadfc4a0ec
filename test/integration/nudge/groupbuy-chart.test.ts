import { expect, it } from 'vitest';
import { runGroupbuyTimer } from '../../../cloudfunctions/core/groupbuy/expiry.service';
import { callAction, okData } from '../../support/call';
import { describeEachDatabase } from '../../support/databases';
import { hoursAfter, makeCampaign, payGroupOrder } from '../groupbuy/groupbuy-factory';
import { jobContext, MANAGER, T0 } from '../order/order-factory';

const SKU = 'sku-green-tea-balancing-toner-1';

async function groupbuyChart(db: Parameters<typeof runGroupbuyTimer>[0]['db'], now: Date) {
  const board = okData(await callAction(db, 'manager.dashboard', {}, { openid: MANAGER, now }));
  return board.charts.find((c) => c.code === 'groupbuy_success')!;
}

/**
 * 拼团成团率 from teams made through the real flow: seats paid through the payment callback, unfilled
 * teams ended by groupbuyTimer (refunded, or virtual success where the campaign allows it).
 */
describeEachDatabase('dashboard: group-buy success rate', (use) => {
  it("per campaign: filled vs failed teams with the rate; virtual successes apart; open teams and other campaigns' teams not mixed in", async () => {
    const real = await makeCampaign(use(), { title: '绿茶水 2人团', teamSize: 2, windowHours: 24 });
    const virtual = await makeCampaign(use(), {
      title: '绿茶水 虚拟团',
      teamSize: 2,
      windowHours: 24,
      allowVirtual: true,
    });
    const empty = await groupbuyChart(use(), T0);
    expect(empty).toMatchObject({
      title: '拼团成团率',
      kind: 'pairs',
      valueLabel: '成团',
      secondaryLabel: '失败',
      rows: [],
    });

    // real: three teams fill, one is left alone and fails; virtual: one fills, two expire as virtual successes.
    for (let i = 0; i < 3; i++) {
      const lead = await payGroupOrder(use(), { campaignId: real.campaignId, skuId: SKU, now: hoursAfter(T0, i) });
      await payGroupOrder(use(), {
        campaignId: real.campaignId,
        skuId: SKU,
        teamId: lead.teamId!,
        now: hoursAfter(T0, i + 0.5),
      });
    }
    await payGroupOrder(use(), { campaignId: real.campaignId, skuId: SKU, now: hoursAfter(T0, 4) });
    const vLead = await payGroupOrder(use(), { campaignId: virtual.campaignId, skuId: SKU, now: hoursAfter(T0, 5) });
    await payGroupOrder(use(), {
      campaignId: virtual.campaignId,
      skuId: SKU,
      teamId: vLead.teamId!,
      now: hoursAfter(T0, 5),
    });
    for (let i = 0; i < 2; i++)
      await payGroupOrder(use(), { campaignId: virtual.campaignId, skuId: SKU, now: hoursAfter(T0, 6) });
    const stillOpen = await payGroupOrder(use(), { campaignId: real.campaignId, skuId: SKU, now: hoursAfter(T0, 40) });
    expect(stillOpen.teamId).toBeTruthy();

    const afterExpiry = hoursAfter(T0, 31);
    expect(await runGroupbuyTimer(jobContext(use(), afterExpiry))).toMatchObject({ failed: 1, virtual: 2 });
    const chart = await groupbuyChart(use(), hoursAfter(T0, 41));
    expect(chart.rows).toEqual(
      expect.arrayContaining([
        { label: '绿茶水 2人团', value: 3, secondary: 1, hint: '成团率 75%' },
        { label: '绿茶水 虚拟团', value: 1, secondary: 0, hint: '成团率 100% · 虚拟成团 2' },
      ]),
    );
    expect(chart.rows).toHaveLength(2);

    // 30 days later those teams have left the window.
    expect((await groupbuyChart(use(), hoursAfter(T0, 31 + 30 * 24 + 1))).rows).toEqual([]);
  });
});
