import { subscribe } from '../outbox/subscriptions';
import { reverseRewardOnRefunded, rewardInviterOnSettled } from './reward.service';

// The friend's first order settling rewards the inviter; its refund takes the reward back.
subscribe('order.settled', rewardInviterOnSettled);
subscribe('order.refunded', reverseRewardOnRefunded);
