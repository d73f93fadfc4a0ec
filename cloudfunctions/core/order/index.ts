/** order's front door: what other contexts and the composition root may use (nothing else is reachable from outside). */
export { createOrder } from './checkout.service';
export { quoteOrder } from './quote.service';
export { PURCHASED_STATUSES } from './domain/order-rules';
export { HOLDS_COUPON, HOLDS_STOCK, PAID_STATUSES } from './domain/order-state-machine';
export { AWAITING_WECHAT, COMMITTED_REFUND_STATUSES } from './domain/refund-state-machine';
export {
  cancelOrder,
  confirmReceipt,
  previewPickup,
  readyForPickup,
  runOrderTimer,
  verifyPickup,
} from './lifecycle.service';
export { shipOrder, shipParcel, type ParcelOutcome } from './ship.service';
export { loadOwnOrder } from './order-queries';
export { getOrder, listOrders, listStoreOrders, viewsOf } from './order-queries';
export { quoteRefund } from './manager-refund.service';
export { recordWechatReceipt } from './wechat-receipt.service';
export { cancelRefund } from './cancel-refund.service';
export { reorder } from './reorder.service';
export { listShopPickups, readyForPickupAtShop } from './shop-pickups.service';
export {
  approveRefund,
  listRefunds,
  openPaymentReturn,
  openRefund,
  refundOrderAsManager,
  rejectRefund,
  requestRefund,
  retryRefund,
} from './refund.service';
export { markOrderPaid, orderToPay } from './payment-outcome.service';
export {
  applyRefundOutcome,
  failRefund,
  findRefundForWechat,
  markRefundSubmitted,
  type KnownRefund,
  type RefundForWechat,
  type RefundOutcome,
} from './refund-outcome.service';
export { findMemberOrders, findOrder, transitionOrder } from './repo/order.repo';
export { plugIntoCheckout } from './seams';
export { usableCoupons } from './usable-coupons.service';
