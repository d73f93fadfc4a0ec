import { z } from 'zod';
import { fen, type Fen } from '../../shared/money';
import { arg, meetsThreshold, thresholdText, yuanFigure, type CouponRule } from './coupon-rule';

const args = z.object({
  /** Percent taken off: 15 means 8.5 折. */
  percentOff: arg(z.number().int().min(1).max(99), { label: '减免', unit: '%', input: 'percent' }),
  /** Optional cap on the discount, in fen. */
  capFen: arg(z.number().int().positive().optional(), { label: '最多减', unit: '元', input: 'yuan' }),
  thresholdFen: arg(z.number().int().min(0).optional(), { label: '满', unit: '元', input: 'yuan' }),
});

/** 折扣: `percentOff`% of the in-scope amount, rounded down to the fen, at most `capFen`. */
export const percentOff: CouponRule<z.infer<typeof args>> = {
  code: 'percent_off',
  title: '折扣',
  formPosition: 2,
  args,
  describe: (a) => ({
    text: `减${a.percentOff}%${a.capFen ? `（最多减${yuanFigure(a.capFen)}）` : ''}`,
    // 15% off reads 8.5 折.
    figure: String((100 - a.percentOff) / 10),
    unit: '折',
    condition: a.capFen
      ? `${thresholdText(a.thresholdFen)} · 最高减${yuanFigure(a.capFen)}`
      : thresholdText(a.thresholdFen),
  }),
  check: (lines, a) => meetsThreshold(lines, a.thresholdFen ?? 0),
  apply: (eligibleAmountFen: Fen, a) => {
    // Integer math, rounded down: the customer never gets a fen the percentage does not give.
    const off = Math.floor((eligibleAmountFen * a.percentOff) / 100);
    return fen(a.capFen === undefined ? off : Math.min(off, a.capFen));
  },
  // Without a cap the cost is unbounded: it cannot be charged against a budget.
  advisorCost: (a) => a.capFen ?? null,
};
