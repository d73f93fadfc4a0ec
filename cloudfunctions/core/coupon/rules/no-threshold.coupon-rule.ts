import { z } from 'zod';
import { fen, type Fen } from '../../shared/money';
import { arg, thresholdText, yuanFigure, type CouponRule } from './coupon-rule';

const args = z.object({ amountFen: arg(z.number().int().positive(), { label: '减', unit: '元', input: 'yuan' }) });

/** 无门槛: `amountFen` off any in-scope amount (pricing keeps ¥0.01 payable). */
export const noThreshold: CouponRule<z.infer<typeof args>> = {
  code: 'no_threshold',
  title: '无门槛',
  formPosition: 3,
  args,
  describe: (a) => ({
    text: `无门槛减${yuanFigure(a.amountFen)}`,
    figure: yuanFigure(a.amountFen),
    unit: '¥',
    condition: thresholdText(undefined),
  }),
  check: () => ({ ok: true }),
  apply: (eligibleAmountFen: Fen, a) => fen(Math.min(a.amountFen, eligibleAmountFen)),
  advisorCost: (a) => a.amountFen,
};
