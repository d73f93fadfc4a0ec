/** payment's front door: what other contexts and the composition root may use (nothing else is reachable from outside). */
export { onOrderPaid, type PaidOrder } from './paid-hooks';
export { handlePayCallback, payCallbackEvent, recordPayment, type CallbackAnswer } from './pay-callback';
export { payOrder } from './payment.service';
export { handleRefundCallback } from './refund-delivery';
