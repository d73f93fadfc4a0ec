import type { NudgeTrigger } from './trigger';
import repurchaseDue from './repurchase-due.trigger';
import couponExpiring from './coupon-expiring.trigger';
import pointsExpiring from './points-expiring.trigger';
import winBack from './win-back.trigger';

/**
 * Every nudge trigger, in priority order: when a member is due for several on one day, the first
 * wins (the 7-day cap allows one). Adding a trigger is one file plus one line here (the group-buy
 * "team about to expire" trigger lands with the group-buy tables).
 */
export const nudgeTriggers: ReadonlyArray<NudgeTrigger<any>> = [repurchaseDue, couponExpiring, pointsExpiring, winBack];

export function findTrigger(code: string): NudgeTrigger<any> | undefined {
  return nudgeTriggers.find((t) => t.code === code);
}
