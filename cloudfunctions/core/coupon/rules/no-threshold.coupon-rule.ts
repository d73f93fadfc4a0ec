import { z } from 'zod';
import { fen, type Fen } from '../../shared/money';
import type { CouponRule } from './coupon-rule';

const args = z.object({ amountFen: z.number().int().positive() });

/** 无门槛: `amountFen` off any in-scope amount (pricing keeps ¥0.01 payable). */
export const noThreshold: CouponRule<z.infer<typeof args>> = {
  code: 'no_threshold',
  label: '无门槛',
  args,
  check: () => ({ ok: true }),
  apply: (eligibleAmountFen: Fen, a) => fen(Math.min(a.amountFen, eligibleAmountFen)),
};
