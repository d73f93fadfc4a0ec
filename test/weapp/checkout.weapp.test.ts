import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ProductDetail, ProductSummary } from '../../cloudfunctions/core/contract';
import { describeWeapp, startWeapp, WALK_TIMEOUT, type Weapp } from './harness';

/** The subscribe-message template the pay page offers after payment (configured per deployment). */
const SHIPPING_TEMPLATE = 'tmpl-order-shipped';

const ADDRESS = {
  userName: '林小禾',
  telNumber: '13800138000',
  provinceName: '上海市',
  cityName: '上海市',
  countyName: '静安区',
  detailInfo: '南京西路 1266 号 8 楼',
  postalCode: '200040',
  nationalCode: '310106',
};

/**
 * A customer buys in the real weapp bundle: 首页 -> 商品详情 -> 加入购物车 -> 购物车 -> 结算 ->
 * WeChat Pay -> 我的订单. What each page shows is read from its rendered data tree; what the server
 * recorded is read from the deployed functions' database.
 */
describeWeapp('weapp walk: buying', () => {
  let h: Weapp;
  let product: ProductDetail;
  const times: Record<string, number> = {};

  beforeAll(async () => {
    process.env.SUBSCRIBE_TEMPLATE_IDS = SHIPPING_TEMPLATE;
    h = await startWeapp();
    // The first featured product in stock that can be shipped or picked up.
    const home = await h.cloud.call<{ featured: ProductSummary[] }>('weapp-setup', 'catalog.home');
    for (const summary of home.featured) {
      const detail = await h.cloud.call<ProductDetail>('weapp-setup', 'catalog.getProduct', { productId: summary.id });
      if (
        !summary.soldOut &&
        detail.fulfilment.includes('express') &&
        detail.fulfilment.includes('pickup') &&
        detail.skus.some((s) => s.stock > 0)
      ) {
        product = detail;
        break;
      }
    }
    expect(product, 'a featured product that ships and can be picked up').toBeDefined();
  });
  afterAll(async () => {
    console.log(`[weapp] walk times: ${JSON.stringify(times)}`);
    delete process.env.SUBSCRIBE_TEMPLATE_IDS;
    await h?.close();
  });

  const orderRow = (orderNo: string) =>
    h.db.kysely.selectFrom('orders').selectAll().where('order_no', '=', orderNo).executeTakeFirstOrThrow();

  it(
    'launch -> 首页 shows products -> 商品详情 -> 加入购物车 -> 结算 (快递, chooseAddress) -> pay -> 我的订单 shows 待发货',
    async () => {
      const started = Date.now();
      h.signIn('weapp-buyer-express');
      await h.launch();
      expect(h.route).toBe('pages/home/index');
      expect(h.texts()).toContain('本季甄选');
      const home = await h.cloud.call<{ featured: ProductSummary[] }>('weapp-buyer-express', 'catalog.home');
      for (const p of home.featured) expect(h.texts()).toContain(p.title);

      await h.tap(`#product-card-${product.id}`);
      expect(h.route).toBe('packages/goods/detail');
      expect(h.texts()).toContain(product.title);
      // The goods subpackage was loaded when the page opened, not at launch.
      expect([...h.host.loaded].some((f) => f.startsWith('packages/goods/'))).toBe(true);

      await h.tap('#btn-add-cart');
      await h.waitFor('#sku-confirm');
      await h.tap('#sku-confirm');
      expect(h.toasts()).toContain('已加入购物车');
      // The sheet closed: still in the tree, but display: none, so the page no longer shows it.
      expect(h.has('#sku-picker')).toBe(false);

      await h.tap('#detail-go-cart');
      expect(h.route).toBe('pages/cart/index');
      const sku = product.skus.find((s) => s.stock > 0)!;
      expect(h.find(`#cart-line-${sku.id}`).text()).toContain(product.title);
      expect(h.find('#cart-checkout').text()).toBe('结算(1)');

      await h.tap('#cart-checkout');
      expect(h.route).toBe('packages/order/checkout');
      if (!h.find('#delivery-express').hasClass('is-active')) await h.tap('#delivery-express');
      // A new customer's address book is empty: 从微信导入 asks WeChat's, saves it to ours and ships there.
      expect(h.find('#address-missing').text()).toContain('请添加收货地址');
      h.wx.answer('chooseAddress', { ok: ADDRESS });
      await h.tap('#address-import-wechat');
      expect(h.wx.calls('chooseAddress')).toHaveLength(1);
      expect(h.find('#delivery-address').text()).toContain('林小禾');
      expect(h.find('#delivery-address').text()).toContain('南京西路 1266 号 8 楼');

      h.wx.answer('requestPayment', h.paysInWechat);
      h.wx.answer('requestSubscribeMessage', (o) => ({
        ok: Object.fromEntries((o.tmplIds as string[]).map((id) => [id, 'accept'])),
      }));
      await h.tap('#checkout-submit');
      // The pay page opens WeChat Pay at once; paid, it asks for the shipping notice and shows the result.
      expect(h.wx.calls('requestPayment')).toHaveLength(1);
      expect(h.wx.calls('requestSubscribeMessage')[0]!.options).toMatchObject({ tmplIds: [SHIPPING_TEMPLATE] });
      await h.waitFor('支付成功');
      expect(h.route).toBe('packages/order/result');
      expect(h.find('#result-title').text()).toBe('支付成功');
      expect(h.texts()).toContain('订单状态：待发货');

      await h.tabBar('我的');
      await h.tap('#me-orders-to_ship');
      expect(h.route).toBe('packages/order/list');
      const cards = h.view().queryAll('.order-card');
      expect(cards).toHaveLength(1);
      expect(cards[0]!.text()).toContain(product.title);
      expect(cards[0]!.query('.order-card__status')!.text()).toBe('待发货');

      // What the server recorded: paid, shipped to the address WeChat's address book gave.
      const orderNo = cards[0]!.query('.order-card__no')!.text().replace('订单号 ', '');
      const order = await orderRow(orderNo);
      expect(order.status).toBe('paid');
      expect(order.delivery_type).toBe('express');
      expect(order.address).toMatchObject({ name: '林小禾', phone: '13800138000', detail: '南京西路 1266 号 8 楼' });
      // The shipping notice the customer accepted after paying is on record for the server to send.
      const quotas = await h.db.kysely
        .selectFrom('subscribe_quotas')
        .select(['template_id', 'remaining'])
        .where('member_id', '=', order.member_id)
        .execute();
      expect(quotas).toEqual([{ template_id: SHIPPING_TEMPLATE, remaining: 1 }]);
      const payments = await h.db.kysely.selectFrom('payments').selectAll().where('order_id', '=', order.id).execute();
      expect(payments).toHaveLength(1);
      times.express = Date.now() - started;
    },
    WALK_TIMEOUT,
  );
  it(
    '结算 (快递) with chooseAddress refused: the form opens saying why, and the typed address is the one shipped to',
    async () => {
      const started = Date.now();
      h.signIn('weapp-buyer-refuses-address');
      await h.open(`/packages/goods/detail?id=${product.id}`);
      await h.tap('#btn-buy-now');
      await h.waitFor('#sku-confirm');
      await h.tap('#sku-confirm');
      expect(h.route).toBe('packages/order/checkout');
      if (!h.find('#delivery-express').hasClass('is-active')) await h.tap('#delivery-express');

      // The customer once refused WeChat's address book: never silent, the form opens and says so.
      h.wx.answer('chooseAddress', { fail: 'auth deny' });
      await h.tap('#address-import-wechat');
      await h.waitFor('#page-address-edit');
      expect(h.route).toBe('packages/member/addresses-edit');
      expect(h.find('#address-notice').text()).toMatch(/拒绝|授权/);

      await h.input('#address-name', '周青禾');
      await h.input('#address-phone', '1380013800');
      await h.tap('#address-region');
      await h.waitFor('浙江省');
      await h.tap('浙江省');
      await h.waitFor('杭州市');
      await h.tap('杭州市');
      await h.waitFor('西湖区');
      await h.tap('西湖区');
      await h.input('#address-detail', '文三路 90 号');
      await h.tap('#address-save');
      // The server's own words for a ten-digit phone, under the field; nothing saved.
      await h.waitFor('#address-phone-error');
      expect(h.find('#address-phone-error').text()).not.toBe('');
      await h.input('#address-phone', '13800138001');
      await h.tap('#address-save');
      await h.waitFor('#delivery-address');
      expect(h.route).toBe('packages/order/checkout');
      expect(h.find('#delivery-address').text()).toContain('周青禾');
      expect(h.find('#delivery-address').text()).toContain('文三路 90 号');

      h.wx.answer('requestPayment', h.paysInWechat);
      h.wx.answer('requestSubscribeMessage', { ok: {} });
      await h.tap('#checkout-submit');
      await h.waitFor('支付成功');
      const member = await h.db.kysely
        .selectFrom('members')
        .select('id')
        .where('openid', '=', 'weapp-buyer-refuses-address')
        .executeTakeFirstOrThrow();
      const order = await h.db.kysely
        .selectFrom('orders')
        .selectAll()
        .where('member_id', '=', member.id)
        .executeTakeFirstOrThrow();
      expect(order.status).toBe('paid');
      expect(order.address).toMatchObject({
        name: '周青禾',
        phone: '13800138001',
        province: '浙江省',
        city: '杭州市',
        district: '西湖区',
        detail: '文三路 90 号',
      });
      const book = await h.db.kysely
        .selectFrom('member_addresses')
        .select(['name', 'is_default'])
        .where('member_id', '=', member.id)
        .execute();
      expect(book).toEqual([{ name: '周青禾', is_default: true }]);
      times.refusedAddress = Date.now() - started;
    },
    WALK_TIMEOUT,
  );
  it(
    '立即购买 -> 结算 (门店自提) -> requestPayment cancelled: the order stays 待付款 and the pages say so',
    async () => {
      const started = Date.now();
      h.signIn('weapp-buyer-cancels');
      await h.open(`/packages/goods/detail?id=${product.id}`);
      expect(h.texts()).toContain(product.title);

      await h.tap('#btn-buy-now');
      await h.waitFor('#sku-confirm');
      expect(h.find('#sku-confirm').text()).toBe('立即购买');
      await h.tap('#sku-confirm');
      expect(h.route).toBe('packages/order/checkout');
      if (!h.find('#delivery-pickup').hasClass('is-active')) await h.tap('#delivery-pickup');
      expect(h.find('#delivery-card').text()).toContain('付款后门店备货');

      // The customer closes WeChat Pay's sheet.
      h.wx.answer('requestPayment', { fail: 'cancel' });
      const asked = {
        pay: h.wx.calls('requestPayment').length,
        subscribe: h.wx.calls('requestSubscribeMessage').length,
      };
      await h.tap('#checkout-submit');
      expect(h.wx.calls('requestPayment')).toHaveLength(asked.pay + 1);
      expect(h.route).toBe('packages/order/pay');
      expect(h.toasts().at(-1)).toBe('已取消支付');
      // The pay page stays, offering WeChat Pay again; no subscription was asked for an unpaid order.
      expect(h.find('#pay-confirm').text()).toBe('微信支付');
      expect(h.wx.calls('requestSubscribeMessage')).toHaveLength(asked.subscribe);
      const orderNo = h.find('#pay-order-no').text();
      expect((await orderRow(orderNo)).status).toBe('pending_payment');
      expect(
        await h.db.kysely
          .selectFrom('payments')
          .select('transaction_id')
          .where('order_id', '=', (await orderRow(orderNo)).id)
          .execute(),
      ).toEqual([]);

      // 取消 leaves for the order, which says 待付款 and still offers to pay.
      await h.tap('#pay-cancel');
      expect(h.route).toBe('packages/order/detail');
      expect(h.texts()).toContain('待付款');
      await h.tabBar('我的');
      await h.tap('#me-orders-pending_payment');
      const card = h.view().queryAll('.order-card');
      expect(card).toHaveLength(1);
      expect(card[0]!.query('.order-card__no')!.text()).toBe(`订单号 ${orderNo}`);
      expect(card[0]!.query('.order-card__status')!.text()).toBe('待付款');
      expect((await orderRow(orderNo)).delivery_type).toBe('pickup');
      times.cancelled = Date.now() - started;
    },
    WALK_TIMEOUT,
  );
});
