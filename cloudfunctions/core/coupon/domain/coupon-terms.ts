import { couponRefusalCode } from './refusals';
import type { ErrorCode } from '../../errors';
import { fen, type Fen } from '../../shared/money';
import { addDays, inShanghai } from '../../shared/time';
import { couponRule, type CouponArgs, type CouponDescription, type CouponKind, type CouponLine } from '../rules';
import { SCOPE_FILTERS, type CouponScope } from './scope';

/** What a coupon's template says about the discount and its scope. */
export interface CouponTerms {
  kind: CouponKind;
  /** As stored (jsonb): the kind's rule parses it before use. */
  args: unknown;
  scope: CouponScope;
  scopeIds: readonly string[];
}

export type CouponVerdict =
  | { ok: true; discountFen: Fen; eligible: boolean[] }
  | { ok: false; code: ErrorCode; message: string; reason: 'scope' | 'threshold' };

/**
 * The pricing seam's `evaluate`: the scope filter picks the lines, the kind's rule checks them and
 * computes the discount on their amount. Pricing then caps it (eligible lines, ¥0.01 payable).
 */
export function evaluateTerms(terms: CouponTerms, lines: readonly CouponLine[]): CouponVerdict {
  const rule = couponRule(terms.kind);
  const args = rule.args.parse(terms.args);
  const eligible = lines.map((l) => SCOPE_FILTERS[terms.scope](l, terms.scopeIds));
  const inScope = lines.filter((_, i) => eligible[i]);
  if (inScope.length === 0)
    return { ok: false, code: couponRefusalCode('scope'), reason: 'scope', message: '所选商品不适用此券' };
  const checked = rule.check(inScope, args);
  if (!checked.ok)
    return { ok: false, code: couponRefusalCode(checked.reason), reason: checked.reason, message: checked.message };
  const amount = fen(inScope.reduce((t, l) => t + l.amountFen, 0));
  return { ok: true, discountFen: rule.apply(amount, args), eligible };
}

/** A template's validity: a fixed window, or `validDays` after the claim. */
export interface Validity {
  validFrom: Date | null;
  validUntil: Date | null;
  validDays: number | null;
}

/** The window a coupon claimed at `now` is valid in; a fixed window wins over validDays. */
export function couponWindow(v: Validity, now: Date): { validFrom: Date; validUntil: Date } {
  if (v.validUntil) return { validFrom: v.validFrom ?? now, validUntil: v.validUntil };
  return { validFrom: now, validUntil: addDays(now, v.validDays!) };
}

const day = (at: Date) => inShanghai(at).format('YYYY.MM.DD');

/** 领取后 7 天内有效 / 2026.03.01-2026.03.31 (Asia/Shanghai; the end is the last valid instant's day). */
export function validityText(v: Validity): string {
  if (v.validUntil) {
    const last = new Date(v.validUntil.getTime() - 1);
    return v.validFrom ? `${day(v.validFrom)}-${day(last)}` : `${day(last)}前有效`;
  }
  return `领取后${v.validDays}天内有效`;
}

/**
 * The words a coupon shows, from its kind's rule: the kind's title and the rule's description of
 * these args. The client displays them as they come, so a new kind needs no client change.
 */
export function describeTerms(
  kind: CouponKind,
  args: CouponArgs,
): { kindTitle: string; description: CouponDescription } {
  const rule = couponRule(kind);
  return { kindTitle: rule.title, description: rule.describe(rule.args.parse(args)) };
}

/** The numbers a list shows for a template (null where the kind has none). */
export function termsFields(args: CouponArgs) {
  return {
    thresholdFen: args.thresholdFen === undefined ? null : fen(args.thresholdFen),
    amountFen: args.amountFen === undefined ? null : fen(args.amountFen),
    percentOff: args.percentOff ?? null,
    capFen: args.capFen === undefined ? null : fen(args.capFen),
  };
}
