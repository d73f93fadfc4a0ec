import { expect, it } from 'vitest';
import { describeOnPostgres } from '../../support/databases';
import { callAction } from '../../support/call';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { recordPayment } from '../../../cloudfunctions/core/payment/pay-callback';
import { runGroupbuyTimer } from '../../../cloudfunctions/core/groupbuy/expiry.service';
import { MANAGER, T0, errorCode, jobContext, newKey, payEvent, refundsOf, setStock } from '../order/order-factory';
import { hoursAfter, makeCampaign, makeGroupOrder, payGroupOrder } from './groupbuy-factory';

const SKU = 'sku-white-clay-mask-1';
const ROUNDS = 40;

const managerRefund = (db: Db, orderId: string, now: Date) =>
  callAction(
    db,
    'manager.refundOrder',
    { orderId, reason: '顾客不想拼了' },
    { openid: MANAGER, now, idempotencyKey: newKey() },
  );

/**
 * The invariant of a succeeded team: joined = its member rows = its size, and every member's order
 * was paid when the team succeeded: `paid`, or refunded only afterwards (a refund opened from `paid`,
 * never from `grouping`). Checked before the outbox delivers refunds (which clears status_before_refund).
 */
async function expectHonestTeam(db: Db, teamId: string) {
  const team = await db.kysely
    .selectFrom('groupbuy_teams')
    .selectAll()
    .where('id', '=', teamId)
    .executeTakeFirstOrThrow();
  const members = await db.kysely
    .selectFrom('groupbuy_team_members as tm')
    .innerJoin('orders as o', 'o.id', 'tm.order_id')
    .select(['o.status', 'o.status_before_refund', 'o.transaction_id'])
    .where('tm.team_id', '=', teamId)
    .execute();
  expect(team.joined).toBe(members.length);
  if (team.status !== 'succeeded') return team.status;
  expect(members).toHaveLength(team.size);
  for (const m of members) {
    expect(m.transaction_id).not.toBeNull();
    expect(m.status === 'paid' || (m.status === 'refunding' && m.status_before_refund === 'paid')).toBe(true);
  }
  return team.status;
}

describeOnPostgres('refunding a group-buy order under concurrency', (use) => {
  it(`${ROUNDS} rounds: a manager refund racing the payment that fills the team never leaves a refunded member in a succeeded team`, async () => {
    await setStock(use(), SKU, 1000);
    const c = await makeCampaign(use(), { skuId: SKU, teamSize: 3, stockCap: 1000 });
    const outcomes = { refused: 0, refundedAfterSuccess: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const leader = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU });
      const second = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU, teamId: leader.teamId! });
      const filler = await makeGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU, teamId: leader.teamId! });
      const victim = round % 2 === 0 ? leader : second;
      const [refund, paid] = await Promise.all([
        managerRefund(use(), victim.orderId, T0),
        recordPayment(use(), payEvent(filler), T0),
      ]);
      expect(paid.errcode).toBe(0);
      expect(await expectHonestTeam(use(), leader.teamId!)).toBe('succeeded');
      if (refund.ok) outcomes.refundedAfterSuccess++;
      else {
        expect(errorCode(refund)).toBe('GROUP_BUY_IN_PROGRESS');
        expect(await refundsOf(use(), victim.orderId)).toEqual([]);
        outcomes.refused++;
      }
    }
    console.info(`refund vs filling payment, ${ROUNDS} rounds:`, outcomes);
    expect(outcomes.refused + outcomes.refundedAfterSuccess).toBe(ROUNDS);
  }, 180_000);

  it(`${ROUNDS} rounds: a manager refund racing the expiry timer refunds the member exactly once`, async () => {
    await setStock(use(), SKU, 1000);
    const c = await makeCampaign(use(), { skuId: SKU, teamSize: 3, stockCap: 1000 });
    const later = hoursAfter(T0, 24);
    const outcomes = { refused: 0, notAllowed: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const leader = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: SKU });
      const [refund] = await Promise.all([
        managerRefund(use(), leader.orderId, later),
        runGroupbuyTimer(jobContext(use(), later)),
      ]);
      expect(await expectHonestTeam(use(), leader.teamId!)).toBe('failed');
      const refunds = await refundsOf(use(), leader.orderId);
      expect(refunds.map((r) => r.initiated_by)).toEqual(['system']);
      const code = errorCode(refund);
      expect(['GROUP_BUY_IN_PROGRESS', 'REFUND_NOT_ALLOWED']).toContain(code);
      if (code === 'GROUP_BUY_IN_PROGRESS') outcomes.refused++;
      else outcomes.notAllowed++;
    }
    console.info(`refund vs expiry timer, ${ROUNDS} rounds:`, outcomes);
  }, 180_000);
});
