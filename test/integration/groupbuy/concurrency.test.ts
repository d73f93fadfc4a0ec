import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnPostgres } from '../../support/databases';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { recordPayment } from '../../../cloudfunctions/core/payment/pay-callback';
import { runGroupbuyTimer } from '../../../cloudfunctions/core/groupbuy/expiry.service';
import { runOutboxWorker } from '../../../cloudfunctions/core/outbox/outbox-worker';
import { T0, jobContext, localPlatform, payEvent, setStock, stockOf } from '../order/order-factory';
import { campaignRow, hoursAfter, makeCampaign, makeGroupOrder, payGroupOrder } from './groupbuy-factory';

/** Every paid order of a campaign: in exactly one team, or refunded exactly once. Never both, never neither. */
async function seatsOrRefunds(db: Db, campaignId: string) {
  const rows = await db.kysely
    .selectFrom('orders as o')
    .leftJoin('groupbuy_team_members as tm', 'tm.order_id', 'o.id')
    .leftJoin('refunds as r', 'r.order_id', 'o.id')
    .select(['o.id', 'o.status', 'tm.team_id', 'r.id as refund_id'])
    .where('o.transaction_id', 'is not', null)
    .where(sql<boolean>`o.group_buy->>'campaignId' = ${campaignId}`)
    .execute();
  const byOrder = new Map<string, { teams: number; refunds: number }>();
  for (const r of rows) {
    const e = byOrder.get(r.id) ?? { teams: 0, refunds: 0 };
    if (r.team_id) e.teams++;
    if (r.refund_id) e.refunds++;
    byOrder.set(r.id, e);
  }
  return [...byOrder.values()];
}

async function teamsOf(db: Db, campaignId: string) {
  const teams = await db.kysely
    .selectFrom('groupbuy_teams')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .execute();
  const members = await db.kysely
    .selectFrom('groupbuy_team_members as tm')
    .innerJoin('groupbuy_teams as t', 't.id', 'tm.team_id')
    .select(['tm.team_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('t.campaign_id', '=', campaignId)
    .groupBy('tm.team_id')
    .execute();
  const count = new Map(members.map((m) => [m.team_id, Number(m.n)]));
  return teams.map((t) => ({ ...t, members: count.get(t.id) ?? 0 }));
}

describeOnPostgres('group-buy under concurrency', (use) => {
  it('500 concurrent paid joins over teams of 3: no team over size, each payer seated once or refunded once, stock never negative', async () => {
    const sku = 'sku-white-clay-mask-1';
    const initialStock = 600;
    await setStock(use(), sku, initialStock);
    const openNew = await makeCampaign(use(), { skuId: sku, teamSize: 3, onFull: 'open_new', stockCap: 10_000 });
    const strict = await makeCampaign(use(), { skuId: sku, teamSize: 3, onFull: 'refund', stockCap: 150 });
    const leaders: Array<{ c: typeof openNew; teamId: string | null }> = [];
    for (const c of [openNew, strict]) {
      for (let i = 0; i < 10; i++)
        leaders.push({ c, ...(await payGroupOrder(use(), { campaignId: c.campaignId, skuId: sku })) });
    }
    // 500 members each create an order joining one of the 20 teams (created in waves of 50)...
    const joiners = [];
    for (let wave = 0; wave < 10; wave++) {
      joiners.push(
        ...(await Promise.all(
          Array.from({ length: 50 }, (_, i) => {
            const leader = leaders[(wave * 50 + i) % leaders.length]!;
            return makeGroupOrder(use(), { campaignId: leader.c.campaignId, skuId: sku, teamId: leader.teamId! });
          }),
        )),
      );
    }
    expect(await stockOf(use(), sku)).toBe(initialStock - 520);
    // ...and all 500 payments arrive at once.
    const started = Date.now();
    const answers = await Promise.all(joiners.map((o) => recordPayment(use(), payEvent(o), T0)));
    const elapsed = Date.now() - started;
    expect(answers.every((a) => a.errcode === 0)).toBe(true);
    console.info(`500 concurrent group-buy payments recorded in ${elapsed} ms`);

    for (const c of [openNew, strict]) {
      const teams = await teamsOf(use(), c.campaignId);
      for (const t of teams) {
        expect(t.joined).toBeLessThanOrEqual(3);
        expect(t.members).toBe(t.joined);
        expect(t.status).toBe(t.joined === 3 ? 'succeeded' : 'open');
      }
      const outcomes = await seatsOrRefunds(use(), c.campaignId);
      expect(outcomes).toHaveLength(260);
      for (const o of outcomes) expect(o.teams + o.refunds).toBe(1);
      const seated = outcomes.filter((o) => o.teams === 1).length;
      const campaign = await campaignRow(use(), c.campaignId);
      expect(campaign.seats_sold).toBe(seated);
      expect(campaign.seats_sold).toBeLessThanOrEqual(campaign.stock_cap);
      if (c === openNew) expect(seated).toBe(260);
      else expect(seated).toBeLessThanOrEqual(30);
    }
    expect(await stockOf(use(), sku)).toBeGreaterThanOrEqual(0);
    const orders = await use()
      .kysely.selectFrom('orders')
      .select('status')
      .where('transaction_id', 'is not', null)
      .execute();
    expect(orders.every((o) => ['grouping', 'paid', 'refunding'].includes(o.status))).toBe(true);
  }, 180_000);

  it('the expiry timer run twice at once refunds each member exactly once (one outRefundNo each)', async () => {
    const sku = 'sku-amino-acid-cleanser-2';
    await setStock(use(), sku, 200);
    const c = await makeCampaign(use(), { skuId: sku, teamSize: 3, stockCap: 500 });
    const members: Array<{ orderId: string; orderNo: string }> = [];
    for (let i = 0; i < 15; i++) {
      const leader = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: sku });
      const joiner = await payGroupOrder(use(), { campaignId: c.campaignId, skuId: sku, teamId: leader.teamId! });
      members.push(leader, joiner);
    }
    const stockBefore = await stockOf(use(), sku);
    const later = hoursAfter(T0, 25);
    const platform = localPlatform(use(), { now: later });
    // Two timers at once, run after run (batches of 100; earlier tests' teams expire too) until idle.
    let failed = 0;
    for (;;) {
      const runs = await Promise.all([
        runGroupbuyTimer(jobContext(use(), later, platform)),
        runGroupbuyTimer(jobContext(use(), later, platform)),
      ]);
      const ended = runs.reduce((n, r) => n + r.failed + r.virtual, 0);
      failed += runs[0]!.failed + runs[1]!.failed;
      if (ended === 0) break;
    }
    expect(failed).toBeGreaterThanOrEqual(15);
    // Two workers at once, until the queue is empty (earlier tests' expired teams share it).
    for (;;) {
      const [x, y] = await Promise.all([
        runOutboxWorker(jobContext(use(), later, platform)),
        runOutboxWorker(jobContext(use(), later, platform)),
      ]);
      await platform.pay.settle();
      if (x.delivered + y.delivered + x.retried + y.retried === 0) break;
    }
    for (const m of members) {
      const refunds = await use().kysely.selectFrom('refunds').selectAll().where('order_id', '=', m.orderId).execute();
      expect(refunds).toHaveLength(1);
      expect(refunds[0]).toMatchObject({ status: 'succeeded', out_refund_no: `${m.orderNo}R1` });
      const sent = platform.pay.refunds.filter((r) => r.outTradeNo === m.orderNo);
      expect(new Set(sent.map((r) => r.outRefundNo))).toEqual(new Set([`${m.orderNo}R1`]));
    }
    expect(await stockOf(use(), sku)).toBe(stockBefore + members.length);
    expect((await campaignRow(use(), c.campaignId)).seats_sold).toBe(0);
  }, 120_000);
});
