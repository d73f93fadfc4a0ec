import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { runOutboxWorker } from '../../../cloudfunctions/core/outbox/outbox-worker';
import { runGroupbuyTimer } from '../../../cloudfunctions/core/groupbuy/expiry.service';
import {
  MANAGER,
  T0,
  errorCode,
  jobContext,
  localPlatform,
  newKey,
  orderRow,
  pay,
  payEvent,
  refundsOf,
} from '../order/order-factory';
import { groupbuyCounts, hoursAfter, makeCampaign, makeGroupOrder, payGroupOrder, teamRow } from './groupbuy-factory';

const SKU = 'sku-green-tea-balancing-toner-1';

function managerRefund(db: Db, orderId: string, now = T0) {
  return callAction(
    db,
    'manager.refundOrder',
    { orderId, reason: '顾客不想拼了' },
    { openid: MANAGER, now, idempotencyKey: newKey() },
  );
}

/** Lets WeChat refuse every queued refund: each order goes back to where it was before its refund. */
async function refuseQueuedRefunds(db: Db, now: Date) {
  const platform = localPlatform(db, { now });
  platform.refundMode = 'reject';
  await runOutboxWorker(jobContext(db, now, platform));
}

describeEachDatabase('refunding a group-buy order while its team is open', (use) => {
  it('a seat in an open team is not refunded (clear code, nothing changes); once the team succeeds it counts only paying members', async () => {
    const c = await makeCampaign(use(), { teamSize: 3 });
    const a = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU });
    const b = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU, teamId: a.teamId! });
    const before = await groupbuyCounts(use());
    const refused = await managerRefund(use(), b.orderId);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'GROUP_BUY_IN_PROGRESS',
        message: '拼团进行中，成团或失败后再退款',
        details: { teamId: a.teamId },
      },
    });
    expect(await groupbuyCounts(use())).toEqual(before);
    expect((await orderRow(use(), b.orderId)).status).toBe('grouping');

    const last = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU, teamId: a.teamId! });
    expect(await teamRow(use(), a.teamId!)).toMatchObject({ status: 'succeeded', joined: 3 });
    for (const o of [a, b, last]) {
      expect((await orderRow(use(), o.orderId)).status).toBe('paid');
      expect(await refundsOf(use(), o.orderId)).toEqual([]);
    }
    // After the team succeeded the order is an ordinary paid order: the store may refund it.
    expect(okData(await managerRefund(use(), b.orderId)).status).toBe('approved');
    expect(await orderRow(use(), b.orderId)).toMatchObject({ status: 'refunding', status_before_refund: 'paid' });
  });

  it('a seat in a team that failed at expiry is refunded once by the timer; after WeChat refuses, the manager refunds it', async () => {
    const c = await makeCampaign(use(), { teamSize: 2 });
    const a = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU });
    expect(errorCode(await managerRefund(use(), a.orderId))).toBe('GROUP_BUY_IN_PROGRESS');
    const later = hoursAfter(T0, 24);
    // Expired but not yet ended by the timer: still in progress.
    expect(errorCode(await managerRefund(use(), a.orderId, later))).toBe('GROUP_BUY_IN_PROGRESS');
    await runGroupbuyTimer(jobContext(use(), later));
    expect(await teamRow(use(), a.teamId!)).toMatchObject({ status: 'failed' });
    expect(errorCode(await managerRefund(use(), a.orderId, later))).toBe('REFUND_NOT_ALLOWED');
    await refuseQueuedRefunds(use(), later);
    expect((await orderRow(use(), a.orderId)).status).toBe('grouping');
    expect(okData(await managerRefund(use(), a.orderId, later)).status).toBe('approved');
    expect((await refundsOf(use(), a.orderId)).map((r) => r.initiated_by)).toEqual(['system', 'manager']);
  });

  it('a refused payment (no seat) stays refundable by the manager, also again after a refund WeChat refused', async () => {
    const c = await makeCampaign(use(), { teamSize: 2, onFull: 'refund' });
    const a = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU });
    const b = await makeGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU, teamId: a.teamId! });
    const late = await makeGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU, teamId: a.teamId! });
    await pay(use(), b, T0, payEvent(b));
    await pay(use(), late, T0, payEvent(late));
    expect((await orderRow(use(), late.orderId)).group_buy).toMatchObject({ teamStatus: 'refused' });
    await refuseQueuedRefunds(use(), T0);
    expect((await orderRow(use(), late.orderId)).status).toBe('grouping');

    expect(okData(await managerRefund(use(), late.orderId)).status).toBe('approved');
    await refuseQueuedRefunds(use(), T0);
    expect((await orderRow(use(), late.orderId)).status).toBe('grouping');
    expect(okData(await managerRefund(use(), late.orderId)).status).toBe('approved');
    expect((await refundsOf(use(), late.orderId)).map((r) => r.status).sort()).toEqual([
      'approved',
      'failed',
      'failed',
    ]);
    // The full team is untouched throughout.
    expect(await teamRow(use(), a.teamId!)).toMatchObject({ status: 'succeeded', joined: 2 });
  });
});
