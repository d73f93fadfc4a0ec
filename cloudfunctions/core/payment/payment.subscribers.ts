import { subscribe } from '../outbox/subscriptions';
import { checkRefund, submitRefund } from './refund-delivery';

// Refunds reach WeChat Pay after the transaction that approved them commits; a check follows when
// WeChat's callback is late.
subscribe('refund.request', submitRefund);
subscribe('refund.check', checkRefund);
