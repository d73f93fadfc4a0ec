import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { claimed, makeTemplate } from '../coupon/coupon-factory';
import { credit, makeMember } from '../points/points-factory';
import { T0, errorCode, newKey, newOpenid, setStock } from './order-factory';

const VOUCHER = 'sku-in-store-facial-voucher-1'; // ¥198, pickup only
const LOTION = 'sku-oat-body-lotion-1'; // ¥99, express only
const CLEANSER = 'sku-amino-acid-cleanser-1'; // ¥89, both

/** A member with no live coupon (the new-member gifts expired), so a coupon under test is the only one. */
async function bareMember(db: Parameters<typeof makeMember>[0]) {
  const member = await makeMember(db);
  await db.kysely.updateTable('coupons').set({ status: 'expired' }).where('member_id', '=', member.id).execute();
  return member;
}

describeEachDatabase('order.quote', (use) => {
  it('a pickup-only cart is quoted for pickup without asking, with the shops to collect at', async () => {
    await setStock(use(), VOUCHER, 50);
    const q = okData(
      await callAction(use(), 'order.quote', { items: [{ skuId: VOUCHER, qty: 1 }] }, { openid: newOpenid(), now: T0 }),
    );
    expect(q.deliveryType).toBe('pickup');
    expect(q.deliveryOptions).toEqual(['pickup']);
    expect(q.shippingFen).toBe(0);
    expect(q.pickupShops.map((s) => s.shopId)).toEqual(['shop-jingan', 'shop-xuhui']);
    expect(q.pickupShops[0]).toMatchObject({
      name: '青禾 静安嘉里中心店',
      hours: '10:00-22:00',
      mine: false,
      distanceM: null,
    });
  });

  it('express asked for a pickup-only cart is DELIVERY_CONFLICT naming the line, and pickup is the option', async () => {
    await setStock(use(), VOUCHER, 50);
    const r = await callAction(
      use(),
      'order.quote',
      { items: [{ skuId: VOUCHER, qty: 1 }], deliveryType: 'express' },
      { openid: newOpenid(), now: T0 },
    );
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'DELIVERY_CONFLICT',
        message: '部分商品仅支持门店自提',
        details: { deliveryOptions: ['pickup'], blockers: { express: [{ skuId: VOUCHER }], pickup: [] } },
      },
    });
  });

  it('a cart mixing express-only and pickup-only lines names which line blocks which type', async () => {
    await setStock(use(), VOUCHER, 50);
    await setStock(use(), LOTION, 50);
    const items = [
      { skuId: LOTION, qty: 1 },
      { skuId: VOUCHER, qty: 1 },
    ];
    const r = await callAction(use(), 'order.quote', { items }, { openid: newOpenid(), now: T0 });
    expect(errorCode(r)).toBe('DELIVERY_CONFLICT');
    expect(r.ok ? null : r.error.details).toEqual({
      deliveryOptions: [],
      blockers: {
        express: [{ skuId: VOUCHER, title: '门店面部护理体验券' }],
        pickup: [{ skuId: LOTION, title: '燕麦舒缓身体乳' }],
      },
    });
    // Removing the pickup-only line leaves an express cart.
    const rest = okData(
      await callAction(use(), 'order.quote', { items: [items[0]!] }, { openid: newOpenid(), now: T0 }),
    );
    expect(rest.deliveryType).toBe('express');
  });

  it('offers points as 100 = ¥1 up to half the goods, and applies them when asked', async () => {
    await setStock(use(), CLEANSER, 50);
    const member = await bareMember(use());
    await credit(use(), member.id, 2014, new Date('2026-01-10T00:00:00+08:00'));
    const as = { openid: member.openid, now: T0 };
    const items = [{ skuId: CLEANSER, qty: 1 }]; // ¥89 at the base tier (no member discount)
    const off = okData(await callAction(use(), 'order.quote', { items }, as));
    expect(off.points).toEqual({ balance: 2014, usable: 2014, valueFen: 2014, pointsPerYuan: 100 });
    expect(off.pointsUsed).toBe(0);
    const big = okData(await callAction(use(), 'order.quote', { items: [{ skuId: CLEANSER, qty: 1 }] }, as));
    expect(big.points.usable).toBeLessThanOrEqual(Math.floor(big.subtotalFen / 2));
    const on = okData(await callAction(use(), 'order.quote', { items, pointsToUse: off.points.balance }, as));
    expect(on.pointsUsed).toBe(2014);
    expect(on.pointsDiscountFen).toBe(2014);
    expect(on.payableFen).toBe(off.payableFen - 2014);

    const few = await bareMember(use());
    await credit(use(), few.id, 388, new Date('2026-01-10T00:00:00+08:00'));
    const small = okData(await callAction(use(), 'order.quote', { items }, { openid: few.openid, now: T0 }));
    expect(small.points).toEqual({ balance: 388, usable: 388, valueFen: 388, pointsPerYuan: 100 });

    const rich = await bareMember(use());
    await credit(use(), rich.id, 100_000, new Date('2026-01-10T00:00:00+08:00'));
    const capped = okData(await callAction(use(), 'order.quote', { items }, { openid: rich.openid, now: T0 }));
    expect(capped.points.usable).toBe(Math.floor(capped.subtotalFen / 2));
  });

  it('preselects the best usable coupon, says which, counts the usable ones, and respects 不使用', async () => {
    await setStock(use(), CLEANSER, 50);
    const member = await bareMember(use());
    const small = await makeTemplate(use(), { args: { amountFen: 500 } });
    const big = await makeTemplate(use(), { args: { amountFen: 1500 } });
    const unmet = await makeTemplate(use(), {
      kind: 'full_reduction',
      args: { thresholdFen: 99_900, amountFen: 9000 },
    });
    await claimed(use(), member.openid, small, T0);
    const bigId = await claimed(use(), member.openid, big, T0);
    await claimed(use(), member.openid, unmet, T0);
    const as = { openid: member.openid, now: T0 };
    const items = [{ skuId: CLEANSER, qty: 1 }];
    const best = okData(await callAction(use(), 'order.quote', { items }, as));
    expect(best.couponId).toBe(bigId);
    expect(best.couponDiscountFen).toBe(1500);
    expect(best.usableCouponCount).toBe(2);
    const none = okData(await callAction(use(), 'order.quote', { items, noCoupon: true }, as));
    expect(none.couponId).toBeNull();
    expect(none.couponDiscountFen).toBe(0);
    expect(none.usableCouponCount).toBe(2);
    // The picker lists the same coupon first.
    const picker = okData(await callAction(use(), 'order.usableCoupons', { items }, as));
    expect(picker.items[0]!.couponId).toBe(bigId);
    expect(picker.items.filter((c) => c.usable)).toHaveLength(2);
  });

  it('does not spend a coupon that saves nothing once shipping counts, and takes one that does', async () => {
    await setStock(use(), LOTION, 50);
    const member = await bareMember(use());
    const as = { openid: member.openid, now: T0 };
    const items = [{ skuId: LOTION, qty: 1 }]; // ¥99: ships free; ¥10 off would add ¥10 shipping
    await claimed(use(), member.openid, await makeTemplate(use(), { args: { amountFen: 1000 } }), T0);
    const pointless = okData(await callAction(use(), 'order.quote', { items }, as));
    expect(pointless).toMatchObject({ couponId: null, usableCouponCount: 1, payableFen: 9900, shippingFen: 0 });
    const twenty = await claimed(use(), member.openid, await makeTemplate(use(), { args: { amountFen: 2000 } }), T0);
    const better = okData(await callAction(use(), 'order.quote', { items }, as));
    expect(better).toMatchObject({ couponId: twenty, payableFen: 7900 + 1000, usableCouponCount: 2 });
  });

  it('says how many points the order should earn (whole yuan paid x the tier multiplier)', async () => {
    await setStock(use(), CLEANSER, 50);
    const member = await bareMember(use());
    const q = okData(
      await callAction(
        use(),
        'order.quote',
        { items: [{ skuId: CLEANSER, qty: 2 }] },
        { openid: member.openid, now: T0 },
      ),
    );
    expect(q.pointsToEarn).toBe(Math.floor(q.payableFen / 100));
  });

  it('orders pickup shops nearest first when the customer sends a location', async () => {
    await setStock(use(), VOUCHER, 50);
    const nearXuhui = '31.1956,121.4372';
    const q = okData(
      await callAction(
        use(),
        'order.quote',
        { items: [{ skuId: VOUCHER, qty: 1 }], near: nearXuhui },
        { openid: newOpenid(), now: T0 },
      ),
    );
    expect(q.pickupShops.map((s) => s.shopId)).toEqual(['shop-xuhui', 'shop-jingan']);
    expect(q.pickupShops[0]!.distanceM).toBeLessThan(500);
  });

  it("puts the member's own shop first, and a pickup order carries the chosen shop and remark to its view", async () => {
    await setStock(use(), VOUCHER, 50);
    const openid = newOpenid();
    okData(
      await callAction(use(), 'shop.welcome', { shopCode: 'QHXH' }, { openid, now: T0, idempotencyKey: newKey() }),
    );
    const q = okData(
      await callAction(use(), 'order.quote', { items: [{ skuId: VOUCHER, qty: 1 }] }, { openid, now: T0 }),
    );
    expect(q.pickupShops.map((s) => [s.shopId, s.mine])).toEqual([
      ['shop-xuhui', true],
      ['shop-jingan', false],
    ]);
    const created = okData(
      await callAction(
        use(),
        'order.create',
        {
          items: [{ skuId: VOUCHER, qty: 1 }],
          delivery: { type: 'pickup', shopId: 'shop-jingan' },
          remark: '周六下午到店',
        },
        { openid, now: T0, idempotencyKey: newKey() },
      ),
    );
    const view = okData(await callAction(use(), 'order.get', { orderId: created.orderId }, { openid, now: T0 }));
    expect(view.pickupShop).toMatchObject({ shopId: 'shop-jingan', name: '青禾 静安嘉里中心店', phone: '02152981234' });
    expect(view.remark).toBe('周六下午到店');
    // Without a shop the member's own is used.
    const own = okData(
      await callAction(
        use(),
        'order.create',
        { items: [{ skuId: VOUCHER, qty: 1 }], delivery: { type: 'pickup' } },
        { openid, now: T0, idempotencyKey: newKey() },
      ),
    );
    const ownView = okData(await callAction(use(), 'order.get', { orderId: own.orderId }, { openid, now: T0 }));
    expect(ownView.pickupShop?.shopId).toBe('shop-xuhui');
  });

  it('a pickup at an unknown shop is SHOP_NOT_FOUND and writes nothing', async () => {
    await setStock(use(), VOUCHER, 50);
    const r = await callAction(
      use(),
      'order.create',
      { items: [{ skuId: VOUCHER, qty: 1 }], delivery: { type: 'pickup', shopId: 'shop-nowhere' } },
      { openid: newOpenid(), now: T0, idempotencyKey: newKey() },
    );
    expect(errorCode(r)).toBe('SHOP_NOT_FOUND');
  });
});
