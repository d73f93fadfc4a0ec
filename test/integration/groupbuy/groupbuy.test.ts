import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { runOutboxWorker } from '../../../cloudfunctions/core/outbox/outbox-worker';
import { runGroupbuyTimer } from '../../../cloudfunctions/core/groupbuy/expiry.service';
import {
  MANAGER,
  T0,
  errorCode,
  jobContext,
  localPlatform,
  newKey,
  newOpenid,
  orderRow,
  pay,
  payEvent,
  refundsOf,
  setStock,
  stockOf,
} from '../order/order-factory';
import {
  campaignRow,
  createGroupOrder,
  groupbuyCounts,
  hoursAfter,
  makeCampaign,
  makeGroupOrder,
  payGroupOrder,
  teamRow,
} from './groupbuy-factory';

const SKU = 'sku-green-tea-balancing-toner-1';

describeEachDatabase('group-buy teams', (use) => {
  it('A opens a team of 2, B joins through the team: both orders move on as 拼团成功 at the group price', async () => {
    const c = await makeCampaign(use(), { teamSize: 2, groupPriceFen: 5900 });
    const a = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU });
    expect(a.payableFen).toBe(5900);
    expect((await orderRow(use(), a.orderId)).status).toBe('grouping');
    const view = okData(await callAction(use(), 'order.get', { orderId: a.orderId }, { openid: a.openid, now: T0 }));
    expect(view.groupBuy).toEqual({ campaignId: c.campaignId, teamId: a.teamId, teamStatus: 'open' });
    expect(view.actions.requestRefund).toBe(false);
    // Anyone with the shared path sees the team (anonymous too) and may join it.
    const shared = okData(
      await callAction(use(), 'groupbuy.getTeam', { teamId: a.teamId! }, { openid: null, now: T0 }),
    );
    expect(shared).toMatchObject({ status: 'open', joined: 1, teamSize: 2, canJoin: true, myOrderId: null });

    const b = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU, teamId: a.teamId! });
    expect(b.teamId).toBe(a.teamId);
    expect(await teamRow(use(), a.teamId!)).toMatchObject({ status: 'succeeded', joined: 2, virtual: false });
    for (const o of [a, b]) {
      const v = okData(await callAction(use(), 'order.get', { orderId: o.orderId }, { openid: o.openid, now: T0 }));
      expect(v.status).toBe('paid');
      expect(v.groupBuy?.teamStatus).toBe('succeeded');
    }
    // Fulfilment proceeds as for any paid pickup order.
    const ready = await callAction(
      use(),
      'manager.readyForPickup',
      { orderId: b.orderId },
      { openid: MANAGER, now: T0, idempotencyKey: newKey() },
    );
    expect(okData(ready).status).toBe('ready_for_pickup');
    const team = okData(
      await callAction(use(), 'groupbuy.getTeam', { teamId: a.teamId! }, { openid: b.openid, now: T0 }),
    );
    expect(team).toMatchObject({ status: 'succeeded', canJoin: false, myOrderId: b.orderId });
    expect(team.members.map((m) => m.leader)).toEqual([true, false]);
  });

  it('the group price replaces the list price after the member price; quote and order agree', async () => {
    const c = await makeCampaign(use(), { groupPriceFen: 7000 });
    const openid = newOpenid();
    const quote = okData(
      await callAction(
        use(),
        'order.quote',
        // The order below takes no coupon: quote it the same way (不使用), not with the preselected best.
        {
          items: [{ skuId: SKU, qty: 1 }],
          deliveryType: 'pickup',
          groupBuy: { campaignId: c.campaignId },
          noCoupon: true,
        },
        { openid, now: T0 },
      ),
    );
    expect(quote.lines[0]).toMatchObject({ unitPriceFen: c.originalPriceFen, memberPriceFen: 7000, payableFen: 7000 });
    expect(quote).toMatchObject({
      subtotalFen: c.originalPriceFen,
      memberDiscountFen: c.originalPriceFen - 7000,
      payableFen: 7000,
    });
    const order = await makeGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU, openid });
    expect(order.payableFen).toBe(quote.payableFen);
  });

  it('bad inputs answer a clear code and change nothing', async () => {
    const c = await makeCampaign(use(), { teamSize: 2, perMemberLimit: 1 });
    const full = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU });
    await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU, teamId: full.teamId! });
    const expiring = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU });
    const stopped = await makeCampaign(use());
    okData(
      await callAction(
        use(),
        'manager.stopCampaign',
        { campaignId: stopped.campaignId },
        { openid: MANAGER, now: T0, idempotencyKey: newKey() },
      ),
    );

    const before = await groupbuyCounts(use());
    const cases: Array<[string, Parameters<typeof createGroupOrder>[1], string]> = [
      ['unknown campaign', { campaignId: 'gb_nope', skuId: SKU }, 'GROUP_BUY_UNAVAILABLE'],
      ['unknown team', { campaignId: c.campaignId, skuId: SKU, teamId: 't_nope' }, 'GROUP_BUY_TEAM_NOT_FOUND'],
      ['full team', { campaignId: c.campaignId, skuId: SKU, teamId: full.teamId! }, 'GROUP_BUY_TEAM_FULL'],
      [
        'expired team',
        { campaignId: c.campaignId, skuId: SKU, teamId: expiring.teamId!, now: hoursAfter(T0, 25) },
        'GROUP_BUY_TEAM_EXPIRED',
      ],
      [
        'over the per-member limit',
        { campaignId: c.campaignId, skuId: SKU, openid: full.openid },
        'GROUP_BUY_LIMIT_REACHED',
      ],
      ['stopped campaign', { campaignId: stopped.campaignId, skuId: SKU }, 'GROUP_BUY_STOPPED'],
      ['before the start', { campaignId: c.campaignId, skuId: SKU, now: hoursAfter(T0, -1) }, 'GROUP_BUY_NOT_STARTED'],
      ['after the end', { campaignId: c.campaignId, skuId: SKU, now: hoursAfter(T0, 31 * 24) }, 'GROUP_BUY_ENDED'],
      ['another SKU', { campaignId: c.campaignId, skuId: 'sku-amino-acid-cleanser-1' }, 'VALIDATION_FAILED'],
    ];
    for (const [, q, code] of cases) expect(errorCode(await createGroupOrder(use(), q))).toBe(code);
    const joinTwice = await createGroupOrder(use(), {
      campaignId: c.campaignId,
      skuId: SKU,
      teamId: expiring.teamId!,
      openid: expiring.openid,
    });
    expect(['GROUP_BUY_ALREADY_JOINED', 'GROUP_BUY_LIMIT_REACHED']).toContain(errorCode(joinTwice));
    expect(await groupbuyCounts(use())).toEqual(before);
  });

  it('a strict campaign: an unfilled team fails at expiry and every member is refunded in full, once', async () => {
    const sku = 'sku-white-clay-mask-1';
    const c = await makeCampaign(use(), { teamSize: 3, skuId: sku });
    await setStock(use(), sku, 50);
    const a = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: sku });
    const b = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: sku, teamId: a.teamId! });
    expect(await stockOf(use(), sku)).toBe(48);
    const later = hoursAfter(T0, 24);
    const platform = localPlatform(use(), { now: later });
    expect((await runGroupbuyTimer(jobContext(use(), later, platform))).failed).toBeGreaterThanOrEqual(1);
    expect(await runGroupbuyTimer(jobContext(use(), later, platform))).toMatchObject({ failed: 0 });
    expect(await teamRow(use(), a.teamId!)).toMatchObject({ status: 'failed' });
    await runOutboxWorker(jobContext(use(), later, platform));
    await platform.pay.settle();
    for (const o of [a, b]) {
      const refunds = await refundsOf(use(), o.orderId);
      expect(refunds).toHaveLength(1);
      expect(refunds[0]).toMatchObject({
        status: 'succeeded',
        amount_fen: o.payableFen,
        initiated_by: 'system',
        out_refund_no: `${o.orderNo}R1`,
      });
      const v = okData(await callAction(use(), 'order.get', { orderId: o.orderId }, { openid: o.openid, now: later }));
      expect(v.status).toBe('refunded');
      expect(v.groupBuy?.teamStatus).toBe('failed');
    }
    expect(await stockOf(use(), sku)).toBe(50);
    expect((await campaignRow(use(), c.campaignId)).seats_sold).toBe(0);
  });

  it('a virtual-group campaign: the unfilled team succeeds at expiry without refunds', async () => {
    const c = await makeCampaign(use(), { teamSize: 3, allowVirtual: true });
    const a = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU });
    expect(await runGroupbuyTimer(jobContext(use(), hoursAfter(T0, 24)))).toMatchObject({ virtual: 1 });
    expect(await teamRow(use(), a.teamId!)).toMatchObject({ status: 'succeeded', virtual: true, joined: 1 });
    expect((await orderRow(use(), a.orderId)).status).toBe('paid');
    expect(await refundsOf(use(), a.orderId)).toEqual([]);
  });

  it('a payment for a team that just filled opens a new team, or is refunded, per campaign', async () => {
    for (const onFull of ['open_new', 'refund'] as const) {
      const c = await makeCampaign(use(), { teamSize: 2, onFull });
      const a = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU });
      // Two members start joining the same open team; the first to pay takes the last seat.
      const b = await makeGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU, teamId: a.teamId! });
      const late = await makeGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU, teamId: a.teamId! });
      await pay(use(), b, T0, payEvent(b));
      await pay(use(), late, T0, payEvent(late));
      expect((await teamRow(use(), a.teamId!)).joined).toBe(2);
      const lateRow = await orderRow(use(), late.orderId);
      if (onFull === 'open_new') {
        expect(lateRow.status).toBe('grouping');
        expect(lateRow.group_buy).toMatchObject({ teamStatus: 'open' });
        expect((lateRow.group_buy as { teamId: string }).teamId).not.toBe(a.teamId);
      } else {
        expect(lateRow.status).toBe('refunding');
        expect(await refundsOf(use(), late.orderId)).toHaveLength(1);
        expect(lateRow.group_buy).toMatchObject({ teamStatus: 'refused' });
      }
    }
  });

  it('a refund callback that never arrives is asked again; a refused refund shows in the manager queue', async () => {
    const c = await makeCampaign(use(), { teamSize: 2 });
    const silent = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU });
    const refused = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU });
    const later = hoursAfter(T0, 24);
    const platform = localPlatform(use(), { now: later });
    platform.refundMode = 'never-callback';
    await runGroupbuyTimer(jobContext(use(), later, platform));
    // Deliver only the silent one first, then make WeChat refuse the other.
    await runOutboxWorker(jobContext(use(), later, platform), 50, {
      'refund.request': async (ctx, p) => {
        const { submitRefund } = await import('../../../cloudfunctions/core/payment/refund-delivery');
        const refund = (await refundsOf(use(), refused.orderId))[0]!;
        platform.refundMode = p.refundId === refund.id ? 'reject' : 'never-callback';
        return submitRefund(ctx, p as { refundId: string });
      },
    });
    expect((await refundsOf(use(), silent.orderId))[0]!.status).toBe('processing');
    const asked = platform.pay.refunds.filter((r) => r.outTradeNo === silent.orderNo).length;
    platform.refundMode = 'never-callback';
    await runOutboxWorker(jobContext(use(), hoursAfter(later, 1), platform));
    const askedAgain = platform.pay.refunds.filter((r) => r.outTradeNo === silent.orderNo);
    expect(askedAgain.length).toBeGreaterThan(asked);
    expect(new Set(askedAgain.map((r) => r.outRefundNo)).size).toBe(1);

    const queue = okData(
      await callAction(use(), 'manager.listRefunds', { status: 'failed' }, { openid: MANAGER, now: later }),
    );
    expect(queue.items.find((r) => r.orderId === refused.orderId)).toMatchObject({
      status: 'failed',
      failureReason: expect.stringContaining('refused'),
    });
    // The order waits outside the fulfilment queue (not shippable) until the store refunds it.
    expect((await orderRow(use(), refused.orderId)).status).toBe('grouping');
    expect(
      errorCode(
        await callAction(
          use(),
          'manager.readyForPickup',
          { orderId: refused.orderId },
          { openid: MANAGER, now: later, idempotencyKey: newKey() },
        ),
      ),
    ).toBe('ORDER_STATE_CONFLICT');
    // The manager can refund it again by hand from the order.
    const again = await callAction(
      use(),
      'manager.refundOrder',
      { orderId: refused.orderId, reason: '拼团失败重新退款' },
      { openid: MANAGER, now: later, idempotencyKey: newKey() },
    );
    expect(okData(again).status).toBe('approved');
  });
});
