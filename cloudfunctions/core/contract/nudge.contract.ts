/** Repurchase nudges, the member's side: long-term subscription consent. The nudge log is in manager/. */
import { z } from 'zod';
import { action } from './action';

export const nudgeActions = {
  /** Long-term subscriptions (WeChat allows them for some service categories only): never spent by a send. */
  'member.grantLongTermSubscriptions': action<{ templateIds: string[] }>()({
    input: z.object({ accepted: z.array(z.string().min(1).max(64)).min(1).max(3) }).strict(),
    role: 'customer',
    mutating: true,
  }),
} as const;
