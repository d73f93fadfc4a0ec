import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { runOutboxWorker } from '../../../cloudfunctions/core/outbox/outbox-worker';
import { T0, jobContext, localPlatform, newKey } from '../order/order-factory';
import { makeCampaign, payGroupOrder } from './groupbuy-factory';

const SKU = 'sku-green-tea-balancing-toner-1';
const TEMPLATE = 'tpl-groupbuy-success';

async function notices(db: ReturnType<Parameters<Parameters<typeof describeEachDatabase>[1]>[0]>, orderIds: string[]) {
  const rows = await db.kysely
    .selectFrom('groupbuy_notifications')
    .selectAll()
    .where('order_id', 'in', orderIds)
    .execute();
  return new Map(rows.map((r) => [r.order_id, r]));
}

describeEachDatabase('group-buy team notifications', (use) => {
  beforeAll(() => {
    process.env.GROUPBUY_SUCCESS_TEMPLATE_ID = TEMPLATE;
  });
  afterAll(() => {
    delete process.env.GROUPBUY_SUCCESS_TEMPLATE_ID;
  });

  it('sends only where the member granted the template, spends one grant, records a 43101 refusal without retrying', async () => {
    const c = await makeCampaign(use(), { teamSize: 3 });
    const a = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU });
    const b = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU, teamId: a.teamId! });
    // A granted once; B granted once but WeChat will refuse (43101); C never granted.
    for (const o of [a, b]) {
      okData(
        await callAction(
          use(),
          'member.grantSubscriptions',
          { accepted: [TEMPLATE] },
          { openid: o.openid, now: T0, idempotencyKey: newKey() },
        ),
      );
    }
    const cOrder = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU, teamId: a.teamId! });
    const platform = localPlatform(use(), { now: T0 });
    const deliverTo = async (mode: 'deliver' | 'refuse', orderId: string) => {
      platform.messageMode = mode;
      await runOutboxWorker(jobContext(use(), T0, platform), 50, {
        'groupbuy.notify': async (ctx, p) => {
          if (p.orderId !== orderId) return 'retry';
          const { notifyTeamOutcome } = await import('../../../cloudfunctions/core/groupbuy/notify');
          return notifyTeamOutcome(ctx, p);
        },
      });
    };
    await deliverTo('deliver', a.orderId);
    await deliverTo('refuse', b.orderId);
    await runOutboxWorker(jobContext(use(), new Date(T0.getTime() + 3_600_000), platform));
    const byOrder = await notices(use(), [a.orderId, b.orderId, cOrder.orderId]);
    expect(byOrder.get(a.orderId)).toMatchObject({ outcome: 'succeeded', result: 'sent' });
    expect(byOrder.get(b.orderId)).toMatchObject({ result: 'refused', errcode: 43101 });
    expect(byOrder.get(cOrder.orderId)).toMatchObject({ result: 'no_quota' });
    expect(platform.messages.sent).toHaveLength(1);
    expect(platform.messages.sent[0]).toMatchObject({
      templateId: TEMPLATE,
      page: `packages/groupbuy/team?teamId=${a.teamId}`,
    });
    const quotas = await use()
      .kysely.selectFrom('subscribe_quotas')
      .select(['remaining', 'long_term'])
      .where('template_id', '=', TEMPLATE)
      .execute();
    expect(quotas).toEqual([
      { remaining: 0, long_term: false },
      { remaining: 0, long_term: false },
    ]);
    const notifyMessages = await use()
      .kysely.selectFrom('outbox')
      .select('status')
      .where('topic', '=', 'groupbuy.notify')
      .execute();
    expect(notifyMessages.every((m) => m.status === 'done')).toBe(true);
  });

  it('a long-term grant is notified without being spent; a 43101 refusal clears it', async () => {
    const c = await makeCampaign(use(), { teamSize: 2 });
    const a = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU });
    okData(
      await callAction(
        use(),
        'member.grantLongTermSubscriptions',
        { accepted: [TEMPLATE] },
        { openid: a.openid, now: T0, idempotencyKey: newKey() },
      ),
    );
    const b = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU, teamId: a.teamId! });
    const platform = localPlatform(use(), { now: T0 });
    await runOutboxWorker(jobContext(use(), T0, platform));
    expect((await notices(use(), [a.orderId])).get(a.orderId)).toMatchObject({ outcome: 'succeeded', result: 'sent' });
    expect((await notices(use(), [b.orderId])).get(b.orderId)).toMatchObject({ result: 'no_quota' });
    const quotaOfA = () =>
      use()
        .kysely.selectFrom('subscribe_quotas')
        .innerJoin('members as m', 'm.id', 'subscribe_quotas.member_id')
        .select(['remaining', 'long_term'])
        .where('m.openid', '=', a.openid)
        .where('template_id', '=', TEMPLATE)
        .executeTakeFirstOrThrow();
    expect(await quotaOfA()).toEqual({ remaining: 0, long_term: true });

    // A's next team: WeChat now refuses (the member turned the subscription off), which ends the grant.
    const c2 = await makeCampaign(use(), { teamSize: 2 });
    const a2 = await payGroupOrder(use(), { campaignId: c2.campaignId, skuId: SKU, openid: a.openid });
    await payGroupOrder(use(), { campaignId: c2.campaignId, skuId: SKU, teamId: a2.teamId! });
    platform.messageMode = 'refuse';
    await runOutboxWorker(jobContext(use(), T0, platform));
    expect((await notices(use(), [a2.orderId])).get(a2.orderId)).toMatchObject({ result: 'refused', errcode: 43101 });
    expect(await quotaOfA()).toEqual({ remaining: 0, long_term: false });
  });
});
