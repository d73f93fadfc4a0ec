import type { Samples } from './action-samples';

/**
 * For the bad-input suite: a second valid input for actions whose optional objects and fields the
 * first sample leaves out, so the generated bad inputs reach every field (`stock.from`,
 * `delivery.address.phone`, `groupBuy.teamId`...). Ids point at nothing, except where noted.
 */
export function fullerActionSamples(skuId: string): Samples {
  const items = [{ skuId, qty: 2 }];
  const groupBuy = { campaignId: 'no-such-campaign', teamId: 'no-such-team' };
  const address = {
    name: '张三',
    phone: '13800138000',
    province: '上海市',
    city: '上海市',
    district: '浦东新区',
    detail: '世纪大道 100 号',
  };
  return {
    'catalog.listProducts': {
      categoryId: 'no-such-category',
      keyword: '精华',
      cursor: 'no-such-cursor',
      limit: 10,
      sort: 'price_desc',
    },
    // a merge of a line with its tick, as a device's local cart joins the account.
    'catalog.cart.set': { items: [{ skuId, qty: 2, selected: false }], merge: true },
    'order.quote': {
      items,
      couponId: 'no-such-coupon',
      pointsToUse: 100,
      groupBuy,
      deliveryType: 'express',
      noCoupon: true,
      near: '31.2243,121.4466',
    },
    'order.usableCoupons': { items, pointsToUse: 100, groupBuy, deliveryType: 'express' },
    // freight templates: a whole template with a region, and a product named to no template.
    'manager.getFreightTemplate': { templateId: 'no-such-template' },
    'manager.saveFreightTemplate': {
      templateId: 'no-such-template',
      version: 1,
      name: '矩阵运费',
      chargeBy: 'weight',
      regions: [
        {
          provinces: ['上海市', '江苏省'],
          firstUnit: 1000,
          firstFeeFen: 600,
          additionalUnit: 500,
          additionalFeeFen: 200,
          freeOverFen: 9900,
        },
      ],
      defaultRule: {
        firstUnit: 1000,
        firstFeeFen: 1000,
        additionalUnit: 1000,
        additionalFeeFen: 500,
        freeOverFen: null,
      },
      undeliverable: ['西藏自治区'],
    },
    'manager.setProductFreight': { productId: 'no-such-product', freightTemplateId: 'no-such-template' },
    'order.create': {
      items,
      couponId: 'no-such-coupon',
      pointsToUse: 100,
      groupBuy,
      delivery: { type: 'express', address },
      remark: '请尽快发货',
    },
    'order.requestRefund': {
      orderId: 'no-such-order',
      lineIds: ['no-such-line'],
      reason: '不想要了',
      refundType: 'return_refund',
    },
    'manager.refundOrder': { orderId: 'no-such-order', lineIds: ['no-such-line'], reason: '矩阵' },
    'manager.updateSku': { skuId: 'no-such-sku', priceFen: 100, stock: { from: 10, to: 20 } },
    'manager.listProducts': { keyword: '精华', status: 'off_shelf', cursor: 'no-such-cursor' },
    // Every field of the editor's save, on a product that does not exist.
    'manager.saveProduct': {
      productId: 'no-such-product',
      version: 3,
      title: '矩阵商品',
      subtitle: '副标题',
      categoryId: 'c-cleanser',
      tags: ['新品'],
      images: ['/media/catalog/matrix.png', 'cloud://env/catalog/b.png'],
      detail: [
        { type: 'text', text: '一段介绍' },
        { type: 'image', image: 'https://example.com/d.png' },
      ],
      fulfilment: ['express', 'pickup'],
      repurchaseCycleDays: 30,
      status: 'off_shelf',
      onShelfAt: '2026-05-01T00:00:00+08:00',
      offShelfAt: '2026-06-01T00:00:00+08:00',
      freightTemplateId: 'no-such-template',
      specGroups: [{ name: '容量', values: ['30ml'] }],
      skus: [
        {
          skuId: 'no-such-sku',
          specs: { 容量: '30ml' },
          priceFen: 100,
          originalPriceFen: 200,
          memberPriceFen: 90,
          stock: 5,
          stockFrom: 4,
          weightGrams: 120,
          barcode: '6901234567890',
          image: '/media/catalog/sku.png',
        },
      ],
    },
    'member.updateProfile': { nickname: '矩阵测试', avatarUrl: 'https://example.com/a.png', birthday: '1990-01-31' },
    // an edit of an address that is not the caller's, made the default.
    'member.address.save': { addressId: 'no-such-address', ...address, isDefault: true },
    'manager.createCouponTemplate': {
      title: '矩阵券',
      kind: 'percent_off',
      thresholdFen: 1000,
      percentOff: 10,
      capFen: 500,
      validDays: 7,
      total: 10,
      perMemberLimit: 2,
    },
    // A real sku: a hostile date must reach the insert, past the sku lookup.
    'manager.createCampaign': {
      skuId,
      title: '矩阵拼团',
      groupPriceFen: 100,
      teamSize: 2,
      windowHours: 24,
      perMemberLimit: 1,
      stockCap: 10,
      allowVirtual: true,
      onFull: 'refund',
      startsAt: '2029-01-01T00:00:00.000Z',
      endsAt: '2030-01-01T00:00:00.000Z',
    },
    'manager.listOrders': { status: 'paid', q: '13800138000', cursor: 'no-such-cursor' },
    'manager.listAudit': { cursor: '2026-05-01T08:30:05.000Z|1', action: 'staff.awardPoints', who: 'demo-staff' },
    'manager.quoteRefund': { orderId: 'no-such-order', lineIds: ['no-such-line'] },
    'staff.setMyName': { name: '矩阵' },
    'manager.messages': { status: 'sent', cursor: '123' },
    'referral.attribute': { scene: 'i%3DZZZZZZZZ' },
    // a hostile shopId must reach the shop lookup.
    'manager.createStaffInvite': { role: 'staff', shopId: 'no-such-shop' },
    // the home page and shops: every optional field, edits of nothing.
    'manager.saveBanner': {
      bannerId: 'no-such-banner',
      title: '矩阵横幅',
      subtitle: '矩阵副标题',
      image: { stored: '/media/uploads/banner.png' },
      link: { kind: 'page', id: 'coupons' },
      startsAt: '2029-01-01T00:00:00.000Z',
      endsAt: '2030-01-01T00:00:00.000Z',
      active: false,
    },
    'manager.saveHomeSection': {
      sectionId: 'no-such-section',
      title: '矩阵版块',
      content: { kind: 'newest', categoryId: 'no-such-category', count: 4 },
      active: false,
    },
    'manager.saveShop': {
      shopId: 'no-such-shop',
      name: '矩阵门店',
      address: '上海市静安区',
      hours: '10:00-22:00',
      phone: '021-52981234',
      location: '31.2243,121.4466',
      welcomeTemplateId: 'no-such-template',
    },
    // store settings: a list and text values (stale version: refused whatever the values).
    'manager.saveSettings': {
      section: 'templates',
      values: [
        { key: 'subscribeAfterPay', value: ['tpl-a', 'tpl-b'] },
        { key: 'groupbuySuccess', value: 'tpl-ok' },
        { key: 'groupbuyFailed', value: '' },
        { key: 'restock', value: 'tpl-r' },
      ],
      version: 999,
    },
  };
}
