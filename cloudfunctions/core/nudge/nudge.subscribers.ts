import { subscribe } from '../outbox/subscriptions';
import { sendNudge } from './send-nudge';

// Nudges are written in bulk by the nudge timer and sent one message at a time.
subscribe('nudge.send', sendNudge);
