import { subscribe } from '../outbox/subscriptions';
import { earnPointsOnSettled, reversePointsOnRefunded } from './points.service';
import { addGrowthOnSettled, subtractGrowthOnRefunded } from './tier.service';

// Points before growth: the order that lifts a member to a higher tier still earns at the old rate,
// and a refund reverses points at the multiplier the order earned at before growth goes down.
subscribe('order.settled', earnPointsOnSettled);
subscribe('order.settled', addGrowthOnSettled);
subscribe('order.refunded', reversePointsOnRefunded);
subscribe('order.refunded', subtractGrowthOnRefunded);
