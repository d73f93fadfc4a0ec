import { z } from 'zod';
import { fen, type Fen } from '../../shared/money';
import { meetsThreshold, type CouponRule } from './coupon-rule';

const args = z.object({
  /** Percent taken off: 15 means 8.5 折. */
  percentOff: z.number().int().min(1).max(99),
  /** Optional cap on the discount, in fen. */
  capFen: z.number().int().positive().optional(),
  thresholdFen: z.number().int().min(0).optional(),
});

/** 折扣: `percentOff`% of the in-scope amount, rounded down to the fen, at most `capFen`. */
export const percentOff: CouponRule<z.infer<typeof args>> = {
  code: 'percent_off',
  label: '折扣',
  args,
  check: (lines, a) => meetsThreshold(lines, a.thresholdFen ?? 0),
  apply: (eligibleAmountFen: Fen, a) => {
    // Integer math, rounded down: the customer never gets a fen the percentage does not give.
    const off = Math.floor((eligibleAmountFen * a.percentOff) / 100);
    return fen(a.capFen === undefined ? off : Math.min(off, a.capFen));
  },
};
