import type { z } from 'zod';
import type { Fen } from '../../shared/money';

/** A cart line as a coupon sees it: what it is, and its amount after the member price. */
export interface CouponLine {
  productId: string;
  categoryId: string;
  amountFen: Fen;
}

/** Why a coupon cannot be used on a cart; the message is what the customer reads. */
export type CouponCheck = { ok: true } | { ok: false; reason: 'threshold' | 'scope'; message: string };

/** The numbers a template can carry; each rule's schema says which it needs. */
export interface CouponArgs {
  thresholdFen?: number;
  amountFen?: number;
  percentOff?: number;
  capFen?: number;
}

/**
 * One kind of coupon, declared (Vendure-style): typed `args`, `check` on the in-scope lines, and
 * `apply` to their amount. Pricing caps the result to the eligible lines and keeps ¥0.01 payable.
 */
export interface CouponRule<A extends CouponArgs = CouponArgs> {
  code: string;
  /** Customer-facing name of the kind: 满减, 折扣, 无门槛. */
  label: string;
  args: z.ZodType<A>;
  check(lines: readonly CouponLine[], args: A): CouponCheck;
  apply(eligibleAmountFen: Fen, args: A): Fen;
}

/** Sum of the lines' amounts (integer fen). */
export function amountOf(lines: readonly CouponLine[]): number {
  return lines.reduce((total, l) => total + l.amountFen, 0);
}

/** `¥199` / `¥19.90`: for refusal messages. */
export function yuan(amountFen: number): string {
  return amountFen % 100 === 0 ? `¥${amountFen / 100}` : `¥${(amountFen / 100).toFixed(2)}`;
}

/** The threshold check 满减 and 折扣 share: the in-scope amount must reach it. */
export function meetsThreshold(lines: readonly CouponLine[], thresholdFen: number): CouponCheck {
  return amountOf(lines) >= thresholdFen
    ? { ok: true }
    : { ok: false, reason: 'threshold', message: `未满${yuan(thresholdFen)}，还差${yuan(thresholdFen - amountOf(lines))}` };
}
