import dayjs from 'dayjs';
import { BUSINESS_TZ, inShanghai } from '../../shared/time';

/**
 * Pure points rules: when a lot expires, what an order earns, which lots a spend consumes.
 * What points pay at checkout (the store's redeem rate and cap) lives in order pricing.
 */

/** A lot earned at `earnedAt` expires at the end of the following calendar year, Asia/Shanghai. */
export function lotExpiresAt(earnedAt: Date): Date {
  const year = inShanghai(earnedAt).year();
  // The first instant of year+2 in Shanghai, minus 1 ms: 2025-03-01 -> 2026-12-31T23:59:59.999+08:00.
  return new Date(dayjs.tz(`${year + 2}-01-01 00:00:00`, BUSINESS_TZ).valueOf() - 1);
}

/** Whole yuan in an amount of fen (growth and points count whole yuan only). */
export function wholeYuan(amountFen: number): number {
  return Math.floor(Math.max(0, amountFen) / 100);
}

/**
 * Points for whole yuan at a tier multiplier, floored. The multiplier is taken to 1/1000 and the
 * product computed in integers, so 1.15 x 100 yuan is 115, not 114 (binary floats undershoot).
 */
export function pointsForYuan(yuan: number, multiplier: number): number {
  const perMille = Math.round(Math.max(0, multiplier) * 1000);
  return Math.floor((Math.max(0, yuan) * perMille) / 1000);
}

/** Points an order earns: floor(paidFen / 100) x the store's points per yuan x multiplier, floored. */
export function earnedForOrder(paidFen: number, multiplier: number, perYuan = 1): number {
  return pointsForYuan(wholeYuan(paidFen) * Math.max(0, perYuan), multiplier);
}

export interface OpenLot {
  id: string;
  remaining: number;
  earnedAt: Date;
}

export interface ConsumptionPlan {
  takes: Array<{ lotId: string; points: number }>;
  /** What the lots could not cover (0 when they hold enough). */
  shortfall: number;
}

/**
 * Takes `wanted` points from lots, oldest first (earned_at, then id). `preferred` lots (e.g. the lot an
 * order itself earned, on a refund reversal) are taken before the rest.
 */
export function planConsumption(
  lots: readonly OpenLot[],
  wanted: number,
  preferred: readonly string[] = [],
): ConsumptionPlan {
  const rank = (l: OpenLot) => (preferred.includes(l.id) ? 0 : 1);
  const ordered = [...lots]
    .filter((l) => l.remaining > 0)
    .sort(
      (a, b) =>
        rank(a) - rank(b) || a.earnedAt.getTime() - b.earnedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  const takes: ConsumptionPlan['takes'] = [];
  let left = Math.max(0, wanted);
  for (const lot of ordered) {
    if (left === 0) break;
    const take = Math.min(lot.remaining, left);
    takes.push({ lotId: lot.id, points: take });
    left -= take;
  }
  return { takes, shortfall: left };
}

export type PointsReason = 'earn' | 'award' | 'spend' | 'spend_return' | 'expire' | 'refund_reversal' | 'referral';

/** What the customer reads for each entry reason. */
export const REASON_TEXT: Record<PointsReason, string> = {
  earn: '购物奖励',
  award: '门店消费',
  spend: '积分抵现',
  spend_return: '积分退回',
  expire: '积分过期',
  refund_reversal: '退款扣回',
  referral: '邀请奖励',
};
