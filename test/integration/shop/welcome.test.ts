import { expect, it } from 'vitest';
import { describeEachDatabase, tableCounts } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { T0, daysAfter, errorCode, makeOrder, MANAGER, newKey, orderRow, setStock } from '../order/order-factory';
import { makeMember } from '../points/points-factory';
import { ADVISOR, scan, welcomeRowsOf } from './shop-factory';

const SKU = 'sku-amino-acid-cleanser-1';

describeEachDatabase('shop.welcome (store and advisor codes)', (use) => {
  it('an advisor code: member bound to 小禾, origin recorded, welcome coupon once; a replay answers the same', async () => {
    const v = await makeMember(use());
    const key = newKey();
    const first = okData(await scan(use(), v.openid, { scene: encodeURIComponent('a=DEMOSTAFF') }, T0, key));
    expect(first).toMatchObject({
      shop: { shopId: 'shop-jingan', code: 'QHJA', name: '青禾 静安嘉里中心店', latitude: 31.2243 },
      scanned: 'advisor',
      advisor: { name: '小禾' },
      binding: 'bound',
      firstScan: true,
      giftReason: 'issued',
      gift: { title: '到店礼 无门槛20元', receivedNow: true },
    });
    expect(okData(await scan(use(), v.openid, { scene: encodeURIComponent('a=DEMOSTAFF') }, T0, key))).toEqual(first);
    const rows = await welcomeRowsOf(use(), v.id);
    expect(rows.origins).toMatchObject([{ shop_id: 'shop-jingan', advisor_openid: ADVISOR, scene: 'a=DEMOSTAFF' }]);
    expect(rows.advisors).toMatchObject([{ shop_id: 'shop-jingan', advisor_openid: ADVISOR }]);
    expect(rows.gifts).toMatchObject([{ shop_id: 'shop-jingan', coupon_id: first.gift!.couponId }]);
    const held = okData(await callAction(use(), 'member.coupons', { status: 'usable' }, { openid: v.openid, now: T0 }));
    expect(held.items.filter((c) => c.title === '到店礼 无门槛20元')).toHaveLength(1);
  });

  it('a store code puts the member in the pool; a later advisor code claims them; a second advisor does not', async () => {
    const v = await makeMember(use());
    const pooled = okData(await scan(use(), v.openid, { scene: 's=QHXH' }, T0));
    expect(pooled).toMatchObject({
      shop: { shopId: 'shop-xuhui' },
      advisor: null,
      binding: 'joined_pool',
      giftReason: 'issued',
      firstScan: true,
    });
    const claimed = okData(await scan(use(), v.openid, { advisorCode: 'DEMOSTAFF' }, daysAfter(T0, 1)));
    expect(claimed).toMatchObject({
      advisor: { name: '小禾' },
      binding: 'claimed_from_pool',
      firstScan: false,
      giftReason: 'already_received',
      gift: { receivedNow: false, couponId: pooled.gift!.couponId },
    });
    const again = okData(await scan(use(), v.openid, { advisorCode: 'DEMOMGR' }, daysAfter(T0, 2)));
    expect(again).toMatchObject({ advisor: { name: '小禾' }, binding: 'kept', giftReason: 'already_received' });
    const rows = await welcomeRowsOf(use(), v.id);
    // The origin is the first scan's and never moves; the advisor row moved from the pool once.
    expect(rows.origins).toMatchObject([{ shop_id: 'shop-xuhui', advisor_openid: null, scene: 's=QHXH' }]);
    expect(rows.advisors).toMatchObject([{ shop_id: 'shop-jingan', advisor_openid: ADVISOR }]);
    expect(rows.gifts).toHaveLength(1);
    expect(rows.coupons).toHaveLength(1);
    expect(okData(await callAction(use(), 'shop.myShop', {}, { openid: v.openid }))).toEqual({
      shop: {
        shopId: 'shop-jingan',
        code: 'QHJA',
        name: '青禾 静安嘉里中心店',
        address: '上海市静安区南京西路1515号嘉里中心B1',
        hours: '10:00-22:00',
        phone: '02152981234',
        latitude: 31.2243,
        longitude: 121.4466,
        open: true,
      },
      advisor: { name: '小禾', avatarUrl: null },
    });
  });

  it('a member with an advisor scanning a store code keeps the advisor', async () => {
    const v = await makeMember(use());
    okData(await scan(use(), v.openid, { advisorCode: 'DEMOSTAFF' }, T0));
    expect(okData(await scan(use(), v.openid, { shopCode: 'QHXH' }, T0))).toMatchObject({
      shop: { shopId: 'shop-xuhui' },
      advisor: { name: '小禾' },
      binding: 'kept',
    });
    expect((await welcomeRowsOf(use(), v.id)).advisors).toMatchObject([
      { shop_id: 'shop-jingan', advisor_openid: ADVISOR },
    ]);
  });

  it('unknown, closed or malformed codes and revoked advisors are refused with stable codes and write nothing', async () => {
    const v = await makeMember(use());
    await use().kysely.updateTable('shops').set({ active: false }).where('id', '=', 'shop-xuhui').execute();
    await use()
      .kysely.insertInto('staff')
      .values({
        store_id: 'demo',
        openid: 'gone-staff',
        role: 'staff',
        revoked_at: T0,
        shop_id: 'shop-jingan',
        code: 'GONESTAFF',
      })
      .execute();
    try {
      const before = await tableCounts(use());
      expect(errorCode(await scan(use(), v.openid, { shopCode: 'NOSUCH' }, T0))).toBe('SHOP_NOT_FOUND');
      // A closed shop's poster says so, rather than that the shop does not exist.
      expect(errorCode(await scan(use(), v.openid, { scene: 's=QHXH' }, T0))).toBe('SHOP_CLOSED');
      expect(errorCode(await scan(use(), v.openid, { advisorCode: 'GONESTAFF' }, T0))).toBe('ADVISOR_NOT_FOUND');
      expect(errorCode(await scan(use(), v.openid, { scene: 'i=ABC234' }, T0))).toBe('SHOP_CODE_INVALID');
      expect(errorCode(await scan(use(), v.openid, { shopCode: 'QH-JA' }, T0))).toBe('SHOP_CODE_INVALID');
      expect(await tableCounts(use())).toEqual(before);
      expect(await welcomeRowsOf(use(), v.id)).toEqual({ origins: [], advisors: [], gifts: [], coupons: [] });
    } finally {
      await use().kysely.updateTable('shops').set({ active: true }).where('id', '=', 'shop-xuhui').execute();
      await use().kysely.deleteFrom('staff').where('openid', '=', 'gone-staff').execute();
    }
  });

  it('order.create stamps the member advisor and shop on the order; a member without one gets nulls', async () => {
    await setStock(use(), SKU, 50);
    const [bound, plain] = [await makeMember(use()), await makeMember(use())];
    okData(await scan(use(), bound.openid, { advisorCode: 'DEMOSTAFF' }, T0));
    const a = await makeOrder(use(), { items: [{ skuId: SKU, qty: 1 }], openid: bound.openid, now: T0 });
    const b = await makeOrder(use(), { items: [{ skuId: SKU, qty: 1 }], openid: plain.openid, now: T0 });
    expect(await orderRow(use(), a.orderId)).toMatchObject({ shop_id: 'shop-jingan', advisor_openid: ADVISOR });
    expect(await orderRow(use(), b.orderId)).toMatchObject({ shop_id: null, advisor_openid: null });
  });

  it('shop.myAdvisorCode gives a staff member without a code one (stable across calls); manager.shopCodes lists every code', async () => {
    await use()
      .kysely.insertInto('staff')
      .values({ store_id: 'demo', openid: 'new-advisor', role: 'staff', shop_id: 'shop-xuhui', display_name: '阿徐' })
      .execute();
    try {
      const mine = okData(await callAction(use(), 'shop.myAdvisorCode', {}, { openid: 'new-advisor' }));
      expect(mine).toMatchObject({ name: '阿徐', shop: { shopId: 'shop-xuhui' }, page: 'packages/shop/welcome' });
      expect(mine.code).toMatch(/^[0-9A-Z]{8}$/);
      expect(mine.scene).toBe(`a=${mine.code}`);
      expect(mine.qrImage).toMatch(/^data:image\//);
      expect(okData(await callAction(use(), 'shop.myAdvisorCode', {}, { openid: 'new-advisor' })).code).toBe(mine.code);
      expect(okData(await callAction(use(), 'shop.myAdvisorCode', {}, { openid: ADVISOR })).code).toBe('DEMOSTAFF');

      const codes = okData(await callAction(use(), 'manager.shopCodes', {}, { openid: MANAGER }));
      const byShop = Object.fromEntries(codes.items.map((s) => [s.code, s]));
      expect(byShop.QHJA).toMatchObject({ scene: 's=QHJA', welcomeGiftTitle: '到店礼 无门槛20元', active: true });
      expect(byShop.QHJA!.qrImage).toMatch(/^data:image\//);
      expect(byShop.QHJA!.advisors.map((a) => a.code)).toEqual(expect.arrayContaining(['DEMOSTAFF', 'DEMOMGR']));
      expect(byShop.QHXH!.advisors).toMatchObject([{ name: '阿徐', code: mine.code, scene: `a=${mine.code}` }]);
      // The new advisor's code works at once.
      const v = await makeMember(use());
      expect(okData(await scan(use(), v.openid, { scene: encodeURIComponent(mine.scene) }, T0))).toMatchObject({
        shop: { shopId: 'shop-xuhui' },
        advisor: { name: '阿徐' },
      });
    } finally {
      await use().kysely.deleteFrom('member_origins').where('advisor_openid', '=', 'new-advisor').execute();
      await use()
        .kysely.updateTable('member_advisors')
        .set({ advisor_openid: null })
        .where('advisor_openid', '=', 'new-advisor')
        .execute();
      await use().kysely.deleteFrom('staff').where('openid', '=', 'new-advisor').execute();
    }
  });
});
