import { z } from 'zod';
import { fen, type Fen } from '../../shared/money';
import { arg, meetsThreshold, yuanFigure, type CouponRule } from './coupon-rule';

const args = z
  .object({
    everyFen: arg(z.number().int().positive(), { label: '每满', unit: '元', input: 'yuan' }),
    amountFen: arg(z.number().int().positive(), { label: '减', unit: '元', input: 'yuan' }),
    capFen: arg(z.number().int().positive().optional(), { label: '最多减', unit: '元', input: 'yuan' }),
  })
  .refine((a) => a.amountFen < a.everyFen, { message: 'the amount off must be below the step' });

/**
 * 每满减: `amountFen` off for every full `everyFen` of the in-scope amount, at most `capFen`
 * (每满100减10，最多减50: ¥250 takes ¥20 off, ¥1000 takes ¥50).
 */
export const everyFullReduction: CouponRule<z.infer<typeof args>> = {
  code: 'every_full_reduction',
  title: '每满减',
  formPosition: 4,
  args,
  describe: (a) => {
    const every = `每满${yuanFigure(a.everyFen)}`;
    const cap = a.capFen === undefined ? undefined : yuanFigure(a.capFen);
    return {
      text: `${every}减${yuanFigure(a.amountFen)}${cap ? `，最多减${cap}` : ''}`,
      figure: yuanFigure(a.amountFen),
      unit: '¥',
      // Short enough for one line under the ticket's figure, worded like 折扣's cap.
      condition: cap ? `${every} · 最高减${cap}` : `${every}可用`,
    };
  },
  // Below one step there is nothing to take off: refused like a threshold, with what is missing.
  check: (lines, a) => meetsThreshold(lines, a.everyFen),
  apply: (eligibleAmountFen: Fen, a) => {
    const off = Math.floor(eligibleAmountFen / a.everyFen) * a.amountFen;
    return fen(a.capFen === undefined ? off : Math.min(off, a.capFen));
  },
  // Without a cap the discount grows with the cart: unbounded, so not issuable against a budget.
  advisorCost: (a) => a.capFen ?? null,
};
