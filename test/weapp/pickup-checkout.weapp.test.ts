import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWeapp, startWeapp, WALK_TIMEOUT, type Weapp } from './harness';

const VOUCHER = 'p-in-store-facial-voucher';
const BUYER = 'weapp-pickup-buyer';
/** A few metres from the 徐汇 shop: granted, the list puts it first. */
const NEAR_XUHUI = { latitude: 31.1956, longitude: 121.4372 };

/**
 * A pickup-only product in the real weapp bundle: 立即购买 opens checkout on 门店自提 with the
 * brand's stores; 离我最近 with wx.getLocation refused keeps the default order (checkout goes on),
 * granted lists the nearest first and chooses it; the paid order carries that store, and its detail
 * opens it in WeChat's map (wx.openLocation).
 */
describeWeapp('weapp walk: pickup at a chosen store', () => {
  let h: Weapp;

  beforeAll(async () => {
    h = await startWeapp();
  });
  afterAll(async () => {
    await h?.close();
  });

  it(
    '立即购买 -> 门店自提 only -> location refused, then granted (nearest first) -> pay -> the detail maps the store',
    async () => {
      h.signIn(BUYER);
      await h.open(`/packages/goods/detail?id=${VOUCHER}`);
      await h.tap('#btn-buy-now');
      await h.waitFor('#sku-confirm');
      await h.tap('#sku-confirm');
      expect(h.route).toBe('packages/order/checkout');
      await h.waitFor('#pickup-shops');
      expect(h.has('#delivery-express')).toBe(false);
      expect(h.find('#delivery-pickup').hasClass('is-active')).toBe(true);
      expect(h.find('#pickup-shop-shop-jingan').hasClass('is-selected')).toBe(true);

      // Refused: said, and the default order stays.
      h.wx.answer('getLocation', { fail: 'getLocation:fail auth deny' });
      await h.tap('#pickup-locate');
      await h.waitFor(() => h.toasts().includes('未获得位置，按默认顺序显示门店'));
      expect(h.find('#pickup-shop-shop-jingan').hasClass('is-selected')).toBe(true);

      // Granted: the nearest first, and chosen.
      h.wx.answer('getLocation', { ok: NEAR_XUHUI });
      await h.tap('#pickup-locate');
      await h.waitFor(() => h.find('#pickup-shop-shop-xuhui').hasClass('is-selected'));
      expect(h.wx.calls('getLocation').at(-1)!.options).toMatchObject({ type: 'gcj02' });
      const shops = h.view().queryAll('.pickup-shop');
      expect(shops.map((s) => s.attr('id'))).toEqual(['pickup-shop-shop-xuhui', 'pickup-shop-shop-jingan']);
      expect(shops[0]!.text()).toMatch(/\d+m/);

      h.wx.answer('requestPayment', h.paysInWechat);
      h.wx.answer('requestSubscribeMessage', { ok: {} });
      await h.tap('#checkout-submit');
      await h.waitFor('支付成功');
      const order = await h.db.kysely
        .selectFrom('orders as o')
        .innerJoin('members as m', 'm.id', 'o.member_id')
        .select(['o.id', 'o.status', 'o.delivery_type', 'o.pickup_shop_id'])
        .where('m.openid', '=', BUYER)
        .executeTakeFirstOrThrow();
      expect(order).toMatchObject({ status: 'paid', delivery_type: 'pickup', pickup_shop_id: 'shop-xuhui' });

      await h.open(`/packages/order/detail?orderId=${order.id}`);
      await h.waitFor('#detail-pickup-store');
      expect(h.find('#detail-pickup-store').text()).toContain('徐汇美罗城店');
      h.wx.answer('openLocation', { ok: {} });
      await h.tap('#pickup-store-map');
      expect(h.wx.calls('openLocation')[0]!.options).toMatchObject({ name: '青禾 徐汇美罗城店', scale: 16 });
    },
    WALK_TIMEOUT,
  );
});
