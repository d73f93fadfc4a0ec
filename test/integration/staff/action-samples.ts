import type { ActionInput, ActionName } from '../../../cloudfunctions/core/contract';

/**
 * One valid input per contract action, for the authorization matrix. Inputs are validated before the
 * role check, so a sample must pass its schema; ids point at nothing where the action would otherwise
 * change demo data the matrix relies on (e.g. revoking demo-staff). A new action without a sample
 * fails the matrix with its name: add its sample here.
 */
export type Samples = { [N in ActionName]?: ActionInput<N> };

export function actionSamples(skuId: string): Samples {
  const items = [{ skuId, qty: 1 }];
  const code = 'AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
  return {
    'catalog.home': {},
    'catalog.listProducts': {},
    'catalog.getProduct': { productId: 'no-such-product' },
    'catalog.quoteCart': { items },
    'catalog.searchHints': {},
    'catalog.subscribeRestock': { productId: 'no-such-product' },
    'catalog.cart.list': {},
    'catalog.cart.set': { items: [{ skuId: 'no-such-sku', qty: 1 }] },
    'catalog.cart.selectAll': { selected: true },
    'catalog.cart.remove': { skuIds: ['no-such-sku'] },
    'member.me': {},
    'member.grantSubscriptions': { accepted: [] },
    'member.pointsHistory': {},
    'member.memberCode': {},
    'member.updateProfile': { nickname: '矩阵测试' },
    'member.bindPhone': { code: 'matrix-phone-code' },
    'member.benefits': {},
    'member.ackCelebration': {},
    'member.address.list': {},
    'member.address.save': {
      name: '矩阵测试',
      phone: '13800138000',
      province: '上海市',
      city: '上海市',
      district: '浦东新区',
      detail: '世纪大道 100 号',
    },
    'member.address.setDefault': { addressId: 'no-such-address' },
    'member.address.delete': { addressId: 'no-such-address' },
    'member.address.regions': {},
    'coupon.listClaimable': {},
    'member.claimCoupon': { templateId: 'no-such-template' },
    'member.coupons': {},
    'order.usableCoupons': { items },
    'order.quote': { items },
    'order.create': { items, couponId: 'no-such-coupon', delivery: { type: 'pickup', shopId: 'no-such-shop' } },
    'order.pay': { orderId: 'no-such-order' },
    'order.get': { orderId: 'no-such-order' },
    'order.list': {},
    'order.cancel': { orderId: 'no-such-order' },
    'order.confirmReceipt': { orderId: 'no-such-order' },
    'order.recordWechatReceipt': { orderId: 'no-such-order', status: 'success' },
    'order.requestRefund': { orderId: 'no-such-order', reason: '不想要了' },
    'order.cancelRefund': { refundId: 'no-such-refund' },
    'order.reorder': { orderId: 'no-such-order' },
    'manager.listOrders': {},
    'manager.shipOrder': { orderId: 'no-such-order', carrier: '顺丰', trackingNo: 'SF0000' },
    'manager.readyForPickup': { orderId: 'no-such-order' },
    'manager.verifyPickup': { pickupCode: '000000' },
    'manager.listRefunds': {},
    'manager.refundOrder': { orderId: 'no-such-order', reason: '矩阵' },
    'manager.approveRefund': { refundId: 'no-such-refund' },
    'manager.rejectRefund': { refundId: 'no-such-refund', reason: '矩阵' },
    'manager.retryRefund': { refundId: 'no-such-refund' },
    'staff.bind': { inviteToken: 'no-such-invite-token-000' },
    'staff.session': {},
    'staff.scanMemberCode': { code },
    'staff.awardPoints': { code, amountFen: 8800, receiptNo: 'MATRIX-1' },
    'staff.redeemCoupon': { code, couponId: 'no-such-coupon' },
    'staff.verifyPickup': { pickupCode: '000000' },
    'staff.previewPickup': { pickupCode: '000000' },
    'manager.createStaffInvite': { role: 'staff' },
    'manager.listStaff': {},
    'manager.revokeStaff': { openid: 'no-such-staff' },
    'manager.revokeStaffInvite': { inviteId: 'no-such-invite' },
    'manager.listProducts': {},
    'manager.updateSku': { skuId: 'no-such-sku', priceFen: 100 },
    'manager.setProductStatus': { productId: 'no-such-product', status: 'off_shelf' },
    'manager.listCouponTemplates': {},
    'manager.createCouponTemplate': { title: '矩阵券', kind: 'no_threshold', amountFen: 500, validDays: 7, total: 10 },
    'manager.stopCouponTemplate': { templateId: 'no-such-template' },
    'manager.listAudit': {},
    'groupbuy.listCampaigns': {},
    'groupbuy.getCampaign': { campaignId: 'no-such-campaign' },
    'groupbuy.getTeam': { teamId: 'no-such-team' },
    'manager.listCampaigns': {},
    'manager.createCampaign': {
      skuId: 'no-such-sku',
      title: '矩阵拼团',
      groupPriceFen: 100,
      teamSize: 2,
      stockCap: 10,
      endsAt: '2030-01-01T00:00:00.000Z',
    },
    'manager.stopCampaign': { campaignId: 'no-such-campaign' },
    'manager.dashboard': {},
    'manager.messages': {},
    'member.grantLongTermSubscriptions': { accepted: ['matrix-template'] },
    'referral.myInviteCard': {},
    'referral.attribute': { inviteCode: 'ZZZZZZZZ' },
    'referral.myInvites': {},
    // a code that points at no shop, so the matrix leaves the demo members unattributed.
    'shop.welcome': { shopCode: 'NOSUCH' },
    'shop.myShop': {},
    'shop.myAdvisorCode': {},
    'manager.shopCodes': {},
    // advisors
    'staff.myCustomers': {},
    'staff.customerDetail': { memberId: 'no-such-member' },
    'staff.issueCoupon': { memberId: 'no-such-member', templateId: 'no-such-template' },
    'staff.myBudget': {},
    'manager.advisors': {},
    'manager.setAdvisorBudget': { openid: 'no-such-staff', budgetFen: 10000 },
    'manager.reassignAdvisor': { memberId: 'no-such-member', advisorOpenid: null },
    'manager.shopCustomers': {},
    'manager.setAdvisorTemplate': { templateId: 'no-such-template', advisorIssuable: true },
    // staff placed in shops
    'manager.setStaffShop': { openid: 'no-such-staff', shopId: 'shop-jingan' },
    // operators: the name of nobody, the day's figures, a refund quote of no order.
    'manager.setStaffName': { openid: 'no-such-staff', name: '矩阵' },
    // null: the caller's name back to their nickname (demo names stay as the seed set them elsewhere).
    'staff.setMyName': { name: null },
    'manager.summary': {},
    'manager.quoteRefund': { orderId: 'no-such-order' },
    // freight templates: an update of no template, a delete of none, a product of nobody.
    'manager.listFreightTemplates': {},
    'manager.getFreightTemplate': {},
    'manager.saveFreightTemplate': {
      templateId: 'no-such-template',
      version: 1,
      name: '矩阵运费',
      chargeBy: 'count',
      regions: [],
      defaultRule: { firstUnit: 1, firstFeeFen: 1000, additionalUnit: 1, additionalFeeFen: 500, freeOverFen: null },
      undeliverable: [],
    },
    'manager.deleteFreightTemplate': { templateId: 'no-such-template' },
    'manager.setProductFreight': { productId: 'no-such-product', freightTemplateId: null },
  };
}

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
  };
}
