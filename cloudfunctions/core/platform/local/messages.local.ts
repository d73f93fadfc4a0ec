import type { MessageDelivery, MessagePort, SubscribeMessage } from '../platform';

/** What the local sender answers next: WeChat's success, a refusal (43101: no subscription), or an outage. */
export type LocalMessageMode = 'deliver' | 'refuse' | 'fail';

/**
 * Local stand-in for `subscribeMessage.send`: records every message it is handed, in order, and
 * answers as WeChat would in the chosen mode. Tests read `sent`; the nudge issue keeps its own
 * durable record of outcomes in the database.
 */
export function createLocalMessages(
  mode: () => LocalMessageMode = () => 'deliver',
): MessagePort & { sent: SubscribeMessage[] } {
  const sent: SubscribeMessage[] = [];
  return {
    sent,
    async sendSubscribeMessage(message): Promise<MessageDelivery> {
      const now = mode();
      if (now === 'refuse')
        return { ok: false, errcode: 43101, retryable: false, reason: 'user refuse to accept the msg' };
      if (now === 'fail') return { ok: false, errcode: -1, retryable: true, reason: 'system error' };
      sent.push(message);
      return { ok: true };
    },
  };
}
