import { subscribe } from '../outbox/subscriptions';
import { notifyTeamOutcome } from './notify';

// Team success or failure reaches each member as a subscribe message, outside the team's transaction.
subscribe('groupbuy.notify', notifyTeamOutcome);
