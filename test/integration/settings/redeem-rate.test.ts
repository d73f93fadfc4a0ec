/**
 * The redeem rate (积分抵现比例: points per ¥1) as a store setting: quotes and orders price points at the rate in
 * force, each order keeps its own, and a refund or cancellation returns exactly the points that order
 * spent, whatever the rate is by then.
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { runOutboxWorker } from '../../../cloudfunctions/core/outbox/outbox-worker';
import { credit, makeMember } from '../points/points-factory';
import {
  MANAGER,
  T0,
  jobContext,
  localPlatform,
  minutesAfter,
  newKey,
  orderRow,
  pay,
  refundsOf,
  setStock,
} from '../order/order-factory';

const CLEANSER = 'sku-amino-acid-cleanser-1'; // ¥89, pickup or express; no member discount at the base tier
const EARNED_AT = new Date('2026-01-10T00:00:00+08:00');
const items = [{ skuId: CLEANSER, qty: 1 }];

async function settingsVersion(db: Db): Promise<number> {
  return okData(await callAction(db, 'manager.getSettings', {}, { openid: MANAGER, now: T0 })).version;
}

function saveRate(db: Db, redeemPointsPerYuan: number, at = T0) {
  return settingsVersion(db).then((version) =>
    callAction(
      db,
      'manager.saveSettings',
      {
        section: 'points',
        values: [
          { key: 'earnPointsPerYuan', value: 1 },
          { key: 'redeemCapPercent', value: 50 },
          { key: 'redeemPointsPerYuan', value: redeemPointsPerYuan },
        ],
        version,
      },
      { openid: MANAGER, now: at, idempotencyKey: newKey() },
    ),
  );
}

async function balanceOf(db: Db, memberId: string): Promise<number> {
  const m = await db.kysely
    .selectFrom('members')
    .select('points_balance')
    .where('id', '=', memberId)
    .executeTakeFirstOrThrow();
  return m.points_balance;
}

/** The points the ledger gave back to the order (spend_return), 0 when none. */
async function returnedTo(db: Db, orderId: string): Promise<number> {
  const row = await db.kysely
    .selectFrom('points_entries')
    .select('delta')
    .where('order_id', '=', orderId)
    .where('reason', '=', 'spend_return')
    .executeTakeFirst();
  return Number(row?.delta ?? 0);
}

/** Quotes with the whole balance, then places (pickup) and pays exactly what the quote applied. */
async function buyWithPoints(db: Db, who: { openid: string }, at: Date) {
  const as = { openid: who.openid, now: at };
  const offer = okData(await callAction(db, 'order.quote', { items, deliveryType: 'pickup' }, as));
  const quote = okData(
    await callAction(db, 'order.quote', { items, deliveryType: 'pickup', pointsToUse: offer.points.balance }, as),
  );
  const created = okData(
    await callAction(
      db,
      'order.create',
      { items, delivery: { type: 'pickup' }, pointsToUse: quote.pointsUsed },
      { ...as, idempotencyKey: newKey() },
    ),
  );
  expect(created.payableFen).toBe(quote.payableFen);
  const order = { ...created, openid: who.openid, createdAt: at };
  expect(await pay(db, order)).toMatchObject({ errcode: 0 });
  return { offer, quote, order };
}

/** The store refunds the whole order; the outbox hands it to the local WeChat Pay, which pays it back. */
async function storeRefund(db: Db, orderId: string, at: Date) {
  okData(
    await callAction(
      db,
      'manager.refundOrder',
      { orderId, reason: '门店同意退款' },
      { openid: MANAGER, now: at, idempotencyKey: newKey() },
    ),
  );
  const clock = { now: at };
  const platform = localPlatform(db, clock);
  await runOutboxWorker(jobContext(db, at, platform));
  await platform.pay.settle();
  return (await refundsOf(db, orderId))[0]!;
}

describeEachDatabase('redeem rate', (use) => {
  it('a rate outside 1..10000 is SETTINGS_INVALID naming the field, and nothing is saved', async () => {
    const version = await settingsVersion(use());
    const versions = () =>
      use()
        .kysely.selectFrom('store_settings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    const before = await versions();
    for (const bad of [0, 10_001, 1.5, -100]) {
      const refused = await saveRate(use(), bad);
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'SETTINGS_INVALID', details: { field: 'redeemPointsPerYuan' } },
      });
      expect(refused.ok ? '' : refused.error.message).toBe('积分抵现比例须为 1～10000 的整数');
    }
    expect([await versions(), await settingsVersion(use())]).toEqual([before, version]);
    const member = await makeMember(use());
    const quote = okData(await callAction(use(), 'order.quote', { items }, { openid: member.openid, now: T0 }));
    expect(quote.points.pointsPerYuan).toBe(100);
  });

  it('an order keeps the rate it was priced at: after the store moves to 200 a yuan, its refund returns its own points', async () => {
    await setStock(use(), CLEANSER, 50);
    okData(await saveRate(use(), 100));
    const member = await makeMember(use());
    await credit(use(), member.id, 20_000, EARNED_AT);

    // At 100 a yuan: half of ¥89 is 4,450 fen, paid by 4,450 points.
    const first = await buyWithPoints(use(), member, T0);
    expect(first.offer.points).toEqual({ balance: 20_000, usable: 4450, valueFen: 4450, pointsPerYuan: 100 });
    expect([first.quote.pointsUsed, first.quote.pointsDiscountFen, first.quote.payableFen]).toEqual([4450, 4450, 4450]);
    expect(await balanceOf(use(), member.id)).toBe(15_550);

    const changed = okData(await saveRate(use(), 200, minutesAfter(T0, 5)));
    expect(changed.changed).toEqual([{ field: 'redeemPointsPerYuan', label: '积分抵现比例', before: 100, after: 200 }]);

    // At 200 a yuan the same ¥44.50 off costs 8,900 points.
    const second = await buyWithPoints(use(), member, minutesAfter(T0, 10));
    expect(second.offer.points).toEqual({ balance: 15_550, usable: 8900, valueFen: 4450, pointsPerYuan: 200 });
    expect([second.quote.pointsUsed, second.quote.pointsDiscountFen, second.quote.payableFen]).toEqual([
      8900, 4450, 4450,
    ]);
    expect(await balanceOf(use(), member.id)).toBe(6650);

    const [oldRow, newRow] = [await orderRow(use(), first.order.orderId), await orderRow(use(), second.order.orderId)];
    expect(oldRow).toMatchObject({ redeem_points_per_yuan: 100, points_used: 4450, points_discount_fen: 4450 });
    expect(newRow).toMatchObject({ redeem_points_per_yuan: 200, points_used: 8900, points_discount_fen: 4450 });
    const view = okData(
      await callAction(use(), 'order.get', { orderId: first.order.orderId }, { openid: member.openid, now: T0 }),
    );
    expect([view.pointsUsed, view.pointsDiscountFen]).toEqual([4450, 4450]);

    // The old order's refund gives back the 4,450 points it spent, not 8,900 at today's rate; the money
    // back is what was paid.
    const oldRefund = await storeRefund(use(), first.order.orderId, minutesAfter(T0, 20));
    expect(oldRefund).toMatchObject({ status: 'succeeded', amount_fen: 4450 });
    expect(await returnedTo(use(), first.order.orderId)).toBe(4450);
    expect(await balanceOf(use(), member.id)).toBe(11_100);
    expect((await orderRow(use(), first.order.orderId)).redeem_points_per_yuan).toBe(100);

    const newRefund = await storeRefund(use(), second.order.orderId, minutesAfter(T0, 30));
    expect(newRefund).toMatchObject({ status: 'succeeded', amount_fen: 4450 });
    expect(await returnedTo(use(), second.order.orderId)).toBe(8900);
    expect(await balanceOf(use(), member.id)).toBe(20_000);
  });

  it('at 150 a yuan points pay whole fen for the fewest points, and a cancel returns exactly those', async () => {
    await setStock(use(), CLEANSER, 50);
    okData(await saveRate(use(), 150));
    const member = await makeMember(use());
    await credit(use(), member.id, 1000, EARNED_AT);
    const as = { openid: member.openid, now: T0 };
    const quote = okData(await callAction(use(), 'order.quote', { items, deliveryType: 'pickup' }, as));
    // 1,000 points are worth 666.67 fen: 666 fen off, which costs 999 points; one point stays.
    expect(quote.points).toEqual({ balance: 1000, usable: 999, valueFen: 666, pointsPerYuan: 150 });

    // Asking for the whole balance charges the same 999 points as asking for the quote's 999.
    const created = okData(
      await callAction(
        use(),
        'order.create',
        { items, delivery: { type: 'pickup' }, pointsToUse: 1000 },
        { ...as, idempotencyKey: newKey() },
      ),
    );
    expect(created.payableFen).toBe(8900 - 666);
    expect(await orderRow(use(), created.orderId)).toMatchObject({
      redeem_points_per_yuan: 150,
      points_used: 999,
      points_discount_fen: 666,
    });
    expect(await balanceOf(use(), member.id)).toBe(1);

    // The store goes back to 100 a yuan; the cancel still returns the 999 points the order took.
    okData(await saveRate(use(), 100, minutesAfter(T0, 2)));
    okData(
      await callAction(
        use(),
        'order.cancel',
        { orderId: created.orderId },
        { ...as, now: minutesAfter(T0, 3), idempotencyKey: newKey() },
      ),
    );
    expect(await returnedTo(use(), created.orderId)).toBe(999);
    expect(await balanceOf(use(), member.id)).toBe(1000);
  });
});
