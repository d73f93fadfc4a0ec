import { z } from 'zod';
import { fen, type Fen } from '../../shared/money';
import { meetsThreshold, type CouponRule } from './coupon-rule';

const args = z
  .object({ thresholdFen: z.number().int().positive(), amountFen: z.number().int().positive() })
  .refine((a) => a.amountFen < a.thresholdFen, { message: 'the amount off must be below the threshold' });

/** 满减: `amountFen` off once the in-scope amount reaches `thresholdFen` (满 199 减 30). */
export const fullReduction: CouponRule<z.infer<typeof args>> = {
  code: 'full_reduction',
  label: '满减',
  args,
  check: (lines, a) => meetsThreshold(lines, a.thresholdFen),
  apply: (eligibleAmountFen: Fen, a) => fen(Math.min(a.amountFen, eligibleAmountFen)),
};
