import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { runOrderTimer } from '../../../cloudfunctions/core/order/lifecycle.service';
import { runOutboxWorker } from '../../../cloudfunctions/core/outbox/outbox-worker';
import { runPointsTimer } from '../../../cloudfunctions/core/points/points.service';
import { runYearlyTierReview } from '../../../cloudfunctions/core/points/tier.service';
import {
  ADDRESS,
  MANAGER,
  T0,
  daysAfter,
  errorCode,
  jobContext,
  localPlatform,
  makePaidOrder,
  minutesAfter,
  newKey,
  orderRow,
  refundsOf,
  setStock,
} from '../order/order-factory';
import {
  credit,
  entriesOf,
  expectBalanced,
  giveGrowth,
  ledgerOf,
  makeMember,
  settleOrder,
  tierChangesOf,
} from './points-factory';

const SKU = 'sku-amino-acid-cleanser-1';

describeEachDatabase('points and tiers', (use) => {
  it('settlement credits floor(paid yuan) once, as a lot expiring at the end of the following year (Shanghai)', async () => {
    await setStock(use(), SKU, 50);
    const member = await makeMember(use());
    const order = await makePaidOrder(use(), { items: [{ skuId: SKU, qty: 1 }], openid: member.openid, now: T0 });
    const settledAt = await settleOrder(use(), order);
    // A second delivery of the same event (worker rerun, replayed message) changes nothing.
    await runOutboxWorker(jobContext(use(), daysAfter(settledAt, 1)));
    const { settledConsumers } = await import('../../../cloudfunctions/core/outbox/outbox-worker');
    for (const consume of settledConsumers) {
      await consume(jobContext(use(), settledAt), {
        orderId: order.orderId,
        storeId: 'demo',
        memberId: member.id,
        paidFen: order.payableFen,
        settledAt: settledAt.toISOString(),
      });
    }

    const entries = await entriesOf(use(), member.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      reason: 'earn',
      delta: Math.floor(order.payableFen / 100),
      order_id: order.orderId,
      idempotency_key: `earn:${order.orderId}`,
    });
    const lot = await use()
      .kysely.selectFrom('points_lots')
      .selectAll()
      .where('id', '=', entries[0]!.lot_id!)
      .executeTakeFirstOrThrow();
    expect(lot.expires_at.toISOString()).toBe('2027-12-31T15:59:59.999Z'); // settled in 2026 -> end of 2027, +08:00
    expect(await expectBalanced(use(), member.id)).toBe(Math.floor(order.payableFen / 100));
    expect((await ledgerOf(use(), member.id)).growth).toBe(Math.floor(order.payableFen / 100));
    const me = okData(await callAction(use(), 'member.me', {}, { openid: member.openid }));
    expect(me).toMatchObject({
      points: Math.floor(order.payableFen / 100),
      growth: Math.floor(order.payableFen / 100),
      tier: { code: 'normal' },
    });
  });

  it('an order that reaches 银卡 upgrades at once (tier_changes), and the next order earns at 1.2x', async () => {
    await setStock(use(), SKU, 50);
    const member = await makeMember(use());
    await giveGrowth(use(), member.id, 990, T0);
    const first = await makePaidOrder(use(), { items: [{ skuId: SKU, qty: 1 }], openid: member.openid, now: T0 });
    await settleOrder(use(), first);
    const yuan1 = Math.floor(first.payableFen / 100);
    expect(await ledgerOf(use(), member.id)).toMatchObject({ tier: 'silver', growth: 990 + yuan1, balance: yuan1 }); // earned at the old rate
    expect(await tierChangesOf(use(), member.id)).toMatchObject([
      { from_code: 'normal', to_code: 'silver', reason: 'upgrade', acknowledged_at: null },
    ]);

    const second = await makePaidOrder(use(), {
      items: [{ skuId: SKU, qty: 1 }],
      openid: member.openid,
      now: daysAfter(T0, 30),
    });
    await settleOrder(use(), second);
    const earned2 = Math.floor(Math.floor(second.payableFen / 100) * 1.2);
    expect(await expectBalanced(use(), member.id)).toBe(yuan1 + earned2);
    expect(await tierChangesOf(use(), member.id)).toHaveLength(1);
  });

  it('a refund after settlement reverses the earn (shortfall recorded when points were spent) and lowers growth without a downgrade', async () => {
    await setStock(use(), SKU, 50);
    const member = await makeMember(use());
    await giveGrowth(use(), member.id, 1000, T0, 'silver');
    const order = await makePaidOrder(use(), { items: [{ skuId: SKU, qty: 2 }], openid: member.openid, now: T0 });
    const settledAt = await settleOrder(use(), order);
    const earned = Math.floor(Math.floor(order.payableFen / 100) * 1.2);
    expect(await expectBalanced(use(), member.id)).toBe(earned);

    // The member holds 100 of those points on an unpaid order before the refund lands.
    const at = daysAfter(settledAt, 1);
    okData(
      await callAction(
        use(),
        'order.create',
        { items: [{ skuId: SKU, qty: 1 }], pointsToUse: 100, delivery: { type: 'express', address: ADDRESS } },
        { openid: member.openid, now: at, idempotencyKey: newKey() },
      ),
    );
    expect(await expectBalanced(use(), member.id)).toBe(earned - 100);

    okData(
      await callAction(
        use(),
        'manager.refundOrder',
        { orderId: order.orderId, reason: '顾客过敏' },
        { openid: MANAGER, now: at, idempotencyKey: newKey() },
      ),
    );
    const clock = { now: at };
    const platform = localPlatform(use(), clock);
    await runOutboxWorker(jobContext(use(), at, platform));
    await platform.pay.settle();
    await runOutboxWorker(jobContext(use(), at, platform));
    await runOutboxWorker(jobContext(use(), minutesAfter(at, 5), platform));
    expect((await orderRow(use(), order.orderId)).status).toBe('refunded');

    const [refund] = await refundsOf(use(), order.orderId);
    const reversal = (await entriesOf(use(), member.id)).find((e) => e.reason === 'refund_reversal')!;
    expect(reversal).toMatchObject({ delta: -(earned - 100), idempotency_key: `refund_reversal:${refund!.id}` });
    expect(reversal.metadata).toMatchObject({ target: earned, shortfall: 100 });
    expect(await expectBalanced(use(), member.id)).toBe(0);
    const ledger = await ledgerOf(use(), member.id);
    expect(ledger.growth).toBe(1000 + Math.floor(order.payableFen / 100) - Math.floor(refund!.amount_fen / 100));
    expect(ledger.tier).toBe('silver');
  });

  it('downgrades happen only at the yearly review, which is idempotent', async () => {
    const lapsed = await makeMember(use());
    const active = await makeMember(use());
    const reviewAt = new Date('2027-01-01T03:00:00+08:00');
    await giveGrowth(use(), lapsed.id, 6000, daysAfter(reviewAt, -400), 'gold');
    await giveGrowth(use(), active.id, 1200, daysAfter(reviewAt, -30), 'silver');
    // Between reviews nothing downgrades, whatever the window says.
    await runPointsTimer(jobContext(use(), daysAfter(reviewAt, -1)));
    expect((await ledgerOf(use(), lapsed.id)).tier).toBe('gold');

    await runYearlyTierReview(jobContext(use(), reviewAt));
    expect(await ledgerOf(use(), lapsed.id)).toMatchObject({ tier: 'normal', growth: 0 });
    expect(await tierChangesOf(use(), lapsed.id)).toMatchObject([
      { from_code: 'gold', to_code: 'normal', reason: 'yearly_review' },
    ]);
    expect(await ledgerOf(use(), active.id)).toMatchObject({ tier: 'silver', growth: 1200 });
    expect(await tierChangesOf(use(), active.id)).toHaveLength(0);

    await runYearlyTierReview(jobContext(use(), minutesAfter(reviewAt, 1)));
    expect(await tierChangesOf(use(), lapsed.id)).toHaveLength(1);
  });

  it('the points timer expires lots after the end of the following year, once, even when run twice', async () => {
    const member = await makeMember(use());
    const early = await credit(use(), member.id, 300, new Date('2025-03-01T10:00:00+08:00'));
    await credit(use(), member.id, 50, new Date('2026-01-01T00:30:00+08:00'));
    await runPointsTimer(jobContext(use(), new Date('2026-12-31T23:59:59.000+08:00')));
    expect(await expectBalanced(use(), member.id)).toBe(350);

    const at = new Date('2027-01-01T00:10:00+08:00');
    const [a, b] = [await runPointsTimer(jobContext(use(), at)), await runPointsTimer(jobContext(use(), at))];
    expect(a.lots).toBeGreaterThanOrEqual(1);
    expect(b).toMatchObject({ lots: 0 });
    const expiries = (await entriesOf(use(), member.id)).filter((e) => e.reason === 'expire');
    const earnLot = (await entriesOf(use(), member.id)).find((e) => e.idempotency_key === early)!.lot_id;
    expect(expiries).toMatchObject([{ delta: -300, lot_id: earnLot, idempotency_key: `expire:${earnLot}` }]);
    expect(await expectBalanced(use(), member.id)).toBe(50);
  });

  it('checkout with pointsToUse: quote prices it, create holds oldest lots first, cancel and expiry give them back once', async () => {
    await setStock(use(), SKU, 50);
    const member = await makeMember(use());
    await credit(use(), member.id, 200, new Date('2025-06-01T00:00:00+08:00'));
    await credit(use(), member.id, 500, new Date('2026-01-10T00:00:00+08:00'));
    const input = { items: [{ skuId: SKU, qty: 2 }], pointsToUse: 300 };
    const quote = okData(await callAction(use(), 'order.quote', input, { openid: member.openid, now: T0 }));
    expect(quote.pointsDiscountFen).toBe(300);
    expect(
      errorCode(
        await callAction(use(), 'order.quote', { ...input, pointsToUse: 800 }, { openid: member.openid, now: T0 }),
      ),
    ).toBe('INSUFFICIENT_POINTS');

    const create = (now: Date) =>
      callAction(
        use(),
        'order.create',
        { ...input, delivery: { type: 'express' as const, address: ADDRESS } },
        { openid: member.openid, now, idempotencyKey: newKey() },
      );
    const a = okData(await create(T0));
    expect(a.payableFen).toBe(quote.payableFen);
    expect(await expectBalanced(use(), member.id)).toBe(400);
    const spend = (await entriesOf(use(), member.id)).find((e) => e.idempotency_key === `spend:${a.orderId}`)!;
    expect((spend.metadata as { lots: Array<{ points: number }> }).lots.map((l) => l.points)).toEqual([200, 100]); // oldest first

    okData(
      await callAction(
        use(),
        'order.cancel',
        { orderId: a.orderId },
        { openid: member.openid, now: minutesAfter(T0, 1), idempotencyKey: newKey() },
      ),
    );
    expect(await expectBalanced(use(), member.id)).toBe(700);

    const b = okData(await create(minutesAfter(T0, 2)));
    expect(await expectBalanced(use(), member.id)).toBe(400);
    await runOrderTimer(jobContext(use(), minutesAfter(T0, 40)));
    await runOrderTimer(jobContext(use(), minutesAfter(T0, 41)));
    expect((await orderRow(use(), b.orderId)).status).toBe('cancelled');
    expect(await expectBalanced(use(), member.id)).toBe(700);
    expect((await entriesOf(use(), member.id)).filter((e) => e.reason === 'spend_return')).toHaveLength(2);
  });

  it('the quote counts only points spendable now: a lot past its expiry is excluded before the timer sweeps it', async () => {
    await setStock(use(), SKU, 50);
    const member = await makeMember(use());
    await credit(use(), member.id, 300, new Date('2024-06-01T00:00:00+08:00')); // expires 2025-12-31, unswept
    await credit(use(), member.id, 100, new Date('2026-01-10T00:00:00+08:00'));
    const asOf = { openid: member.openid, now: T0 };
    const input = { items: [{ skuId: SKU, qty: 2 }] };
    expect(errorCode(await callAction(use(), 'order.quote', { ...input, pointsToUse: 200 }, asOf))).toBe(
      'INSUFFICIENT_POINTS',
    );
    expect(okData(await callAction(use(), 'order.quote', { ...input, pointsToUse: 100 }, asOf)).pointsUsed).toBe(100);
  });

  it('points spent on an order whose lot expired meanwhile come back expired', async () => {
    await setStock(use(), SKU, 50);
    const member = await makeMember(use());
    await credit(use(), member.id, 300, new Date('2025-03-01T00:00:00+08:00'));
    const now = new Date('2026-12-31T23:50:00+08:00');
    const order = okData(
      await callAction(
        use(),
        'order.create',
        { items: [{ skuId: SKU, qty: 1 }], pointsToUse: 100, delivery: { type: 'express', address: ADDRESS } },
        { openid: member.openid, now, idempotencyKey: newKey() },
      ),
    );
    await runOrderTimer(jobContext(use(), minutesAfter(now, 31))); // 00:21 on 2027-01-01: the lot has expired
    expect((await orderRow(use(), order.orderId)).status).toBe('cancelled');
    await runPointsTimer(jobContext(use(), minutesAfter(now, 32)));
    expect(await expectBalanced(use(), member.id)).toBe(0);
    const reasons = (await entriesOf(use(), member.id)).map((e) => [e.reason, e.delta]);
    expect(reasons).toEqual([
      ['earn', 300],
      ['spend', -100],
      ['spend_return', 100],
      ['expire', -100],
      ['expire', -200],
    ]);
  });

  it('member.pointsHistory lists entries newest first with reason texts, lot expiry and cursor paging', async () => {
    const member = await makeMember(use());
    for (let i = 0; i < 23; i++) await credit(use(), member.id, 10 + i, minutesAfter(T0, i));
    const first = okData(await callAction(use(), 'member.pointsHistory', {}, { openid: member.openid, now: T0 }));
    expect(first.items).toHaveLength(20);
    expect(first.balance).toBe(await expectBalanced(use(), member.id));
    expect(first.items[0]).toMatchObject({
      delta: 32,
      reason: 'earn',
      reasonText: '购物奖励',
      expiresAt: '2027-12-31T15:59:59.999Z',
    });
    const second = okData(
      await callAction(
        use(),
        'member.pointsHistory',
        { cursor: first.nextCursor! },
        { openid: member.openid, now: T0 },
      ),
    );
    expect(second.items.map((i) => i.delta)).toEqual([12, 11, 10]);
    expect(second.nextCursor).toBeNull();
    const stranger = await makeMember(use());
    expect(okData(await callAction(use(), 'member.pointsHistory', {}, { openid: stranger.openid })).items).toEqual([]);
  });
});
