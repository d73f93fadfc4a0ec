import { expect, it } from 'vitest';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { runOrderTimer } from '../../../cloudfunctions/core/order/lifecycle.service';
import { runOutboxWorker } from '../../../cloudfunctions/core/outbox/outbox-worker';
import { localPlatform } from '../order/order-factory';
import {
  T0,
  createInput,
  daysAfter,
  jobContext,
  linesOf,
  minutesAfter,
  newKey,
  newOpenid,
  orderRow,
  pay,
  setStock,
} from '../order/order-factory';
import { claimed, couponRow, makeTemplate, refusal } from './coupon-factory';

const CLEANSER = 'sku-amino-acid-cleanser-1'; // ¥89, 洁面卸妆 (c-cleanser)
const SERUM = 'sku-cica-b5-repair-serum-1'; // 精华眼霜 (c-serum)

function order(db: Db, openid: string, items: Array<{ skuId: string; qty: number }>, couponId?: string, now = T0) {
  return callAction(
    db,
    'order.create',
    { ...createInput(items, 'pickup'), ...(couponId ? { couponId } : {}) },
    { openid, now, idempotencyKey: newKey() },
  );
}

describeEachDatabase('coupons at checkout', (use) => {
  it('stacks member price -> coupon -> points, and the coupon share is split over the lines', async () => {
    await setStock(use(), CLEANSER, 50);
    const openid = newOpenid();
    const me = okData(await callAction(use(), 'member.me', {}, { openid }));
    await use()
      .kysely.updateTable('members')
      .set({ tier_code: 'gold', points_balance: 1000 })
      .where('id', '=', me.memberId)
      .execute();
    const t = await makeTemplate(use(), { kind: 'full_reduction', args: { thresholdFen: 19900, amountFen: 3000 } });
    const couponId = await claimed(use(), openid, t, T0);
    const q = okData(
      await callAction(
        use(),
        'order.quote',
        { items: [{ skuId: CLEANSER, qty: 3 }], couponId, pointsToUse: 1000, deliveryType: 'pickup' },
        { openid, now: T0 },
      ),
    );
    // 3 x ¥89 = 26700; 金卡 95%: 8455 x 3 = 25365 (>= 19900, so the coupon applies to it); -3000; -1000 points.
    expect(q).toMatchObject({
      subtotalFen: 26700,
      memberDiscountFen: 1335,
      couponDiscountFen: 3000,
      pointsDiscountFen: 1000,
      payableFen: 21365,
    });
  });

  it('the threshold is read after the member price', async () => {
    const openid = newOpenid();
    const me = okData(await callAction(use(), 'member.me', {}, { openid }));
    await use().kysely.updateTable('members').set({ tier_code: 'black' }).where('id', '=', me.memberId).execute();
    const t = await makeTemplate(use(), { kind: 'full_reduction', args: { thresholdFen: 17800, amountFen: 1000 } });
    const couponId = await claimed(use(), openid, t, T0);
    // 2 x ¥89 = 17800 at list price, but 16020 at 黑金's 90%: below the threshold.
    const res = await callAction(
      use(),
      'order.quote',
      { items: [{ skuId: CLEANSER, qty: 2 }], couponId, deliveryType: 'pickup' },
      { openid, now: T0 },
    );
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'COUPON_THRESHOLD_NOT_MET', message: '未满¥178，还差¥17.80' },
    });
  });

  it('payable never drops below ¥0.01', async () => {
    const openid = newOpenid();
    const t = await makeTemplate(use(), { args: { amountFen: 100000 } });
    const couponId = await claimed(use(), openid, t, T0);
    const q = okData(
      await callAction(
        use(),
        'order.quote',
        { items: [{ skuId: CLEANSER, qty: 1 }], couponId, deliveryType: 'pickup' },
        { openid, now: T0 },
      ),
    );
    expect(q).toMatchObject({ subtotalFen: 8900, couponDiscountFen: 8899, payableFen: 1 });
  });

  it('a scoped coupon discounts only its lines and is refused on a cart without them', async () => {
    await setStock(use(), SERUM, 50);
    await setStock(use(), CLEANSER, 50);
    const openid = newOpenid();
    const t = await makeTemplate(use(), {
      kind: 'percent_off',
      args: { percentOff: 15, capFen: 100000 },
      scope: 'categories',
      scopeIds: ['c-serum'],
    });
    const couponId = await claimed(use(), openid, t, T0);
    const q = okData(
      await callAction(
        use(),
        'order.quote',
        {
          items: [
            { skuId: CLEANSER, qty: 1 },
            { skuId: SERUM, qty: 1 },
          ],
          couponId,
          deliveryType: 'pickup',
        },
        { openid, now: T0 },
      ),
    );
    const [cleanser, serum] = q.lines;
    expect(cleanser!.couponShareFen).toBe(0);
    expect(serum!.couponShareFen).toBe(Math.floor((serum!.unitPriceFen * 15) / 100));
    const refused = await callAction(
      use(),
      'order.quote',
      { items: [{ skuId: CLEANSER, qty: 1 }], couponId, deliveryType: 'pickup' },
      { openid, now: T0 },
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'COUPON_NOT_APPLICABLE', message: '所选商品不适用此券' },
    });
  });

  it("someone else's coupon, an expired one and a not-yet-valid one are refused, each with its reason", async () => {
    const owner = newOpenid();
    const t = await makeTemplate(use(), { validDays: 1 });
    const couponId = await claimed(use(), owner, t, T0);
    const quote = (openid: string, now: Date) =>
      callAction(
        use(),
        'order.quote',
        { items: [{ skuId: CLEANSER, qty: 1 }], couponId, deliveryType: 'pickup' },
        { openid, now },
      );
    expect(refusal(await quote(newOpenid(), T0))).toEqual({ code: 'COUPON_UNAVAILABLE', reason: 'not_found' });
    expect(refusal(await quote(owner, daysAfter(T0, 1)))).toEqual({ code: 'COUPON_EXPIRED', reason: 'expired' });
    const later = await makeTemplate(use(), { validFrom: daysAfter(T0, 2), validUntil: daysAfter(T0, 9) });
    const early = await claimed(use(), owner, later, T0);
    const res = await callAction(
      use(),
      'order.quote',
      { items: [{ skuId: CLEANSER, qty: 1 }], couponId: early, deliveryType: 'pickup' },
      { openid: owner, now: T0 },
    );
    expect(refusal(res)).toEqual({ code: 'COUPON_NOT_STARTED', reason: 'not_started' });
  });

  it('order.create locks the coupon (a second order cannot spend it); paying marks it used', async () => {
    await setStock(use(), CLEANSER, 50);
    const openid = newOpenid();
    const couponId = await claimed(use(), openid, await makeTemplate(use(), { args: { amountFen: 1000 } }), T0);
    const created = okData(await order(use(), openid, [{ skuId: CLEANSER, qty: 1 }], couponId));
    expect(created.payableFen).toBe(7900);
    expect(await couponRow(use(), couponId)).toMatchObject({ status: 'locked', order_id: created.orderId });
    expect((await orderRow(use(), created.orderId)).coupon_discount_fen).toBe(1000);
    expect((await linesOf(use(), created.orderId))[0]!.coupon_share_fen).toBe(1000);
    expect(refusal(await order(use(), openid, [{ skuId: CLEANSER, qty: 1 }], couponId))).toEqual({
      code: 'COUPON_IN_USE',
      reason: 'locked',
    });
    expect(
      okData(await callAction(use(), 'member.coupons', { status: 'usable' }, { openid, now: T0 })).items.find(
        (i) => i.couponId === couponId,
      ),
    ).toMatchObject({ couponId, status: 'locked' });

    expect(await pay(use(), { ...created, openid, createdAt: T0 })).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(await couponRow(use(), couponId)).toMatchObject({ status: 'used', order_id: created.orderId });
    expect(
      okData(await callAction(use(), 'member.coupons', { status: 'used' }, { openid, now: T0 })).items.map(
        (i) => i.couponId,
      ),
    ).toEqual([couponId]);
    expect(
      okData(await callAction(use(), 'member.coupons', { status: 'usable' }, { openid, now: T0 })).items.filter(
        (i) => i.couponId === couponId,
      ),
    ).toEqual([]);
  });

  it("cancelling returns the coupon; so does the order timer's expiry", async () => {
    await setStock(use(), CLEANSER, 50);
    const openid = newOpenid();
    const couponId = await claimed(use(), openid, await makeTemplate(use()), T0);
    const first = okData(await order(use(), openid, [{ skuId: CLEANSER, qty: 1 }], couponId));
    okData(
      await callAction(
        use(),
        'order.cancel',
        { orderId: first.orderId },
        { openid, now: minutesAfter(T0, 5), idempotencyKey: newKey() },
      ),
    );
    expect(await couponRow(use(), couponId)).toMatchObject({ status: 'usable', order_id: null });

    const second = okData(await order(use(), openid, [{ skuId: CLEANSER, qty: 1 }], couponId, minutesAfter(T0, 10)));
    await runOrderTimer(jobContext(use(), minutesAfter(T0, 41)));
    expect((await orderRow(use(), second.orderId)).status).toBe('cancelled');
    expect(await couponRow(use(), couponId)).toMatchObject({ status: 'usable', order_id: null });
  });

  it('a coupon that expired while its order was pending is not returned', async () => {
    await setStock(use(), CLEANSER, 50);
    const openid = newOpenid();
    const couponId = await claimed(
      use(),
      openid,
      await makeTemplate(use(), { validFrom: daysAfter(T0, -1), validUntil: minutesAfter(T0, 20) }),
      T0,
    );
    const created = okData(await order(use(), openid, [{ skuId: CLEANSER, qty: 1 }], couponId));
    await runOrderTimer(jobContext(use(), minutesAfter(T0, 31)));
    expect((await orderRow(use(), created.orderId)).status).toBe('cancelled');
    expect(await couponRow(use(), couponId)).toMatchObject({ status: 'expired' });
    expect(
      okData(
        await callAction(use(), 'member.coupons', { status: 'expired' }, { openid, now: minutesAfter(T0, 31) }),
      ).items.map((i) => i.couponId),
    ).toEqual([couponId]);
  });

  it('order.usableCoupons prices every coupon against the cart, best first, with the reason for the others', async () => {
    const openid = newOpenid();
    const small = await claimed(use(), openid, await makeTemplate(use(), { args: { amountFen: 500 } }), T0);
    const big = await claimed(
      use(),
      openid,
      await makeTemplate(use(), { kind: 'full_reduction', args: { thresholdFen: 8000, amountFen: 1500 } }),
      T0,
    );
    const far = await claimed(
      use(),
      openid,
      await makeTemplate(use(), { kind: 'full_reduction', args: { thresholdFen: 50000, amountFen: 9000 } }),
      T0,
    );
    const res = okData(
      await callAction(
        use(),
        'order.usableCoupons',
        { items: [{ skuId: CLEANSER, qty: 1 }], deliveryType: 'pickup' },
        { openid, now: T0 },
      ),
    );
    // Only the three coupons made here (a new member may also hold the store's new-member gift).
    const mine = res.items.filter((i) => [small, big, far].includes(i.couponId));
    expect(mine.map((i) => [i.couponId, i.usable, i.discountFen, i.reason])).toEqual([
      [big, true, 1500, undefined],
      [small, true, 500, undefined],
      [far, false, 0, '未满¥500，还差¥411'],
    ]);
  });

  it('a full refund gives the coupon back while it is valid; a refund after it expired does not', async () => {
    const refundInFull = async (openid: string, orderId: string, at: Date) => {
      const requested = okData(
        await callAction(
          use(),
          'order.requestRefund',
          { orderId, reason: '不想要了' },
          { openid, now: at, idempotencyKey: newKey() },
        ),
      );
      okData(
        await callAction(
          use(),
          'manager.approveRefund',
          { refundId: requested.refundId },
          { openid: 'demo-manager', now: at, idempotencyKey: newKey() },
        ),
      );
      const clock = { now: at };
      const platform = localPlatform(use(), clock);
      await runOutboxWorker(jobContext(use(), at, platform));
      await platform.pay.settle();
      expect((await orderRow(use(), orderId)).status).toBe('refunded');
    };
    await setStock(use(), CLEANSER, 50);
    for (const [validDays, refundAfterDays, expected] of [
      [30, 1, 'usable'],
      [3, 5, 'expired'],
    ] as const) {
      const openid = newOpenid();
      const couponId = await claimed(
        use(),
        openid,
        await makeTemplate(use(), { validDays, args: { amountFen: 1000 } }),
        T0,
      );
      const created = okData(await order(use(), openid, [{ skuId: CLEANSER, qty: 1 }], couponId));
      expect(await pay(use(), { ...created, openid, createdAt: T0 })).toMatchObject({ errcode: 0 });
      expect(await couponRow(use(), couponId)).toMatchObject({ status: 'used' });
      await refundInFull(openid, created.orderId, daysAfter(T0, refundAfterDays));
      expect(await couponRow(use(), couponId)).toMatchObject({ status: expected });
    }
  });
});
