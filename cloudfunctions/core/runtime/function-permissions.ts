/**
 * What each deployed function may call in WeChat, in one table: `openapi` goes verbatim into the
 * function's config.json `permissions.openapi` (WeChat refuses an undeclared cloud call with
 * -604101); `cloudPay` is informational (cloudPay is authorised by binding the merchant to the cloud
 * environment, not per function) and makes the function require WX_PAY_SUB_MCH_ID at start.
 * scripts/build-functions.ts refuses to build a function missing from this table.
 */
export interface FunctionPermissions {
  openapi: string[];
  cloudPay: Array<'unifiedOrder' | 'refund' | 'queryOrder' | 'queryRefund'>;
}

const none: FunctionPermissions = { openapi: [], cloudPay: [] };

export const FUNCTION_PERMISSIONS: Record<string, FunctionPermissions> = {
  catalog: none,
  coupon: none,
  // manager.createStaffInvite: the invite's mini-program code.
  manager: { openapi: ['wxacode.getUnlimited'], cloudPay: [] },
  // member.bindPhone: the code from <Button open-type="getPhoneNumber">.
  member: { openapi: ['phonenumber.getPhoneNumber'], cloudPay: [] },
  // order.pay; order.recordWechatReceipt asks WeChat (get_order) whether the customer confirmed receipt.
  order: { openapi: ['wxa.sec.order.getOrder'], cloudPay: ['unifiedOrder'] },
  // Callbacks believe nothing in their event: each asks WeChat Pay what really happened.
  payCallback: { openapi: [], cloudPay: ['queryOrder'] },
  refundCallback: { openapi: [], cloudPay: ['queryRefund'] },
  orderTimer: none,
  // Refund requests, subscribe messages and shipping-info uploads all leave through the outbox.
  // (refund.check asks WeChat Pay what became of a refund whose callback never came.)
  outboxWorker: {
    openapi: ['subscribeMessage.send', 'wxa.sec.order.uploadShippingInfo'],
    cloudPay: ['refund', 'queryRefund'],
  },
  pointsTimer: none,
  tierReviewTimer: none,
  birthdayTimer: none,
  // Invite posters carry a mini-program code.
  referral: { openapi: ['wxacode.getUnlimited'], cloudPay: [] },
  groupbuy: none,
  groupbuyTimer: none,
  staff: none,
  // The timer only queues nudges; outboxWorker sends them.
  nudgeTimer: none,
  // Builds reports and deletes old ones through cloud storage (uploadFile, deleteFile: no openapi).
  exportWorker: none,
  // shop.myAdvisorCode draws the advisor's mini-program code (manager.shopCodes: the manager function).
  shop: { openapi: ['wxacode.getUnlimited'], cloudPay: [] },
};

export function permissionsOf(fn: string): FunctionPermissions | undefined {
  return Object.hasOwn(FUNCTION_PERMISSIONS, fn) ? FUNCTION_PERMISSIONS[fn] : undefined;
}
