import { z } from 'zod';
import { fen, type Fen } from '../../shared/money';
import { arg, meetsThreshold, thresholdText, yuanFigure, type CouponRule } from './coupon-rule';

const args = z
  .object({
    thresholdFen: arg(z.number().int().positive(), { label: '满', unit: '元', input: 'yuan' }),
    amountFen: arg(z.number().int().positive(), { label: '减', unit: '元', input: 'yuan' }),
  })
  .refine((a) => a.amountFen < a.thresholdFen, { message: 'the amount off must be below the threshold' });

/** 满减: `amountFen` off once the in-scope amount reaches `thresholdFen` (满 199 减 30). */
export const fullReduction: CouponRule<z.infer<typeof args>> = {
  code: 'full_reduction',
  title: '满减',
  formPosition: 1,
  args,
  describe: (a) => ({
    text: `满${yuanFigure(a.thresholdFen)}减${yuanFigure(a.amountFen)}`,
    figure: yuanFigure(a.amountFen),
    unit: '¥',
    condition: thresholdText(a.thresholdFen),
  }),
  check: (lines, a) => meetsThreshold(lines, a.thresholdFen),
  apply: (eligibleAmountFen: Fen, a) => fen(Math.min(a.amountFen, eligibleAmountFen)),
  advisorCost: (a) => a.amountFen,
};
