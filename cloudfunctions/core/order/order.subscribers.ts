import type { CallContext } from '../context';
import type { PayloadOf } from '../outbox/outbox';
import { subscribe } from '../outbox/subscriptions';
import { describeGoods } from './domain/goods-description';
import { findLines, findShippingFacts } from './repo/order.repo';

/**
 * Outbox `shipping.upload`: tells WeChat an order shipped or was picked up (WeChat withholds the
 * merchant's settlement until it knows). An order paid without a WeChat transaction has nothing to
 * report; a final refusal is not retried.
 */
async function uploadShippingInfo(ctx: CallContext, p: PayloadOf<'shipping.upload'>) {
  const order = await findShippingFacts(ctx.db.kysely, p.orderId);
  if (!order?.transaction_id) return 'done';
  const result = await ctx.platform.shipping.uploadShippingInfo({
    transactionId: order.transaction_id,
    openid: order.openid,
    logisticsType: p.logisticsType,
    carrier: p.carrier,
    trackingNo: p.trackingNo,
    itemDesc: describeGoods(
      (await findLines(ctx.db.kysely, [order.id])).map((l) => ({ ...l, refunded: l.refund_id !== null })),
    ),
    receiverPhone: order.address?.phone ?? null,
  });
  return result.ok || !result.retryable ? 'done' : 'retry';
}

// Shipping info reaches WeChat after the transaction that shipped the order commits.
subscribe('shipping.upload', uploadShippingInfo);
