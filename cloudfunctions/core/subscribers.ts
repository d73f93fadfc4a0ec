/**
 * Every context's outbox subscribers, registered on import. Whatever runs the outbox worker imports
 * this file first (the timers, the test setup); the outbox itself imports no business context.
 *
 * The import order is the delivery order among subscribers of one topic: points (points, then
 * growth) come before referral, as they always have; core/subscribers.spec.ts pins it.
 */
import './order/order.subscribers';
import './payment/payment.subscribers';
import './points/points.subscribers';
import './referral/referral.subscribers';
import './groupbuy/groupbuy.subscribers';
import './nudge/nudge.subscribers';
import './catalog/catalog.subscribers';
