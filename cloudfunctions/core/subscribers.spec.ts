import { describe, expect, it } from 'vitest';
import { subscribersOf } from './outbox/subscriptions';
import { refundedConsumers, settledConsumers } from './outbox/outbox-worker';
import './subscribers';

const names = (list: ReadonlyArray<{ name: string }>) => list.map((f) => f.name);

describe('outbox subscribers registered by core/subscribers', () => {
  it('order.settled: points, then growth, then the referral reward (an order that lifts the tier earns at the old rate)', () => {
    expect(names(subscribersOf('order.settled'))).toEqual([
      'earnPointsOnSettled',
      'addGrowthOnSettled',
      'rewardInviterOnSettled',
    ]);
    expect(settledConsumers).toBe(subscribersOf('order.settled'));
  });

  it('order.refunded: points, then growth, then the referral reward, reversed in the same order', () => {
    expect(names(subscribersOf('order.refunded'))).toEqual([
      'reversePointsOnRefunded',
      'subtractGrowthOnRefunded',
      'reverseRewardOnRefunded',
    ]);
    expect(refundedConsumers).toBe(subscribersOf('order.refunded'));
  });

  it('every other topic has exactly its one handler', () => {
    expect(names(subscribersOf('refund.request'))).toEqual(['submitRefund']);
    expect(names(subscribersOf('refund.check'))).toEqual(['checkRefund']);
    expect(names(subscribersOf('shipping.upload'))).toEqual(['uploadShippingInfo']);
    expect(names(subscribersOf('groupbuy.notify'))).toEqual(['notifyTeamOutcome']);
    expect(names(subscribersOf('nudge.send'))).toEqual(['sendNudge']);
    expect(names(subscribersOf('restock.notify'))).toEqual(['sendRestockNotice']);
  });
});
