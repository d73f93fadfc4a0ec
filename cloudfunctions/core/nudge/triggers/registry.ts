import type { NudgeTrigger } from './trigger';
import repurchaseDue from './repurchase-due.trigger';
import couponExpiring from './coupon-expiring.trigger';
import pointsExpiring from './points-expiring.trigger';
import winBack from './win-back.trigger';
import groupbuyExpiring from './groupbuy-expiring.trigger'; // hours left, so it goes first

/**
 * Every nudge trigger, in priority order: when a member is due for several on one day, the first
 * wins (the 7-day cap allows one). Adding a trigger is one file plus one line here. The group-buy
 * team expires within hours, the others within days: it goes first.
 */
export const nudgeTriggers: ReadonlyArray<NudgeTrigger<any>> = [
  groupbuyExpiring,
  repurchaseDue,
  couponExpiring,
  pointsExpiring,
  winBack,
];

export function findTrigger(code: string): NudgeTrigger<any> | undefined {
  return nudgeTriggers.find((t) => t.code === code);
}
