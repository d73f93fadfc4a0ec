import { argUi, type ArgUi, type CouponArgs, type CouponRule } from './coupon-rule';
import { everyFullReduction } from './every-full-reduction.coupon-rule';
import { fullReduction } from './full-reduction.coupon-rule';
import { noThreshold } from './no-threshold.coupon-rule';
import { percentOff } from './percent-off.coupon-rule';

/**
 * Every coupon kind a template may name. A new kind is one file and its line here: the contract's
 * enums, the coupon's words, the advisor's cost and the manager's form all derive from this table,
 * and the database stores the code without a list of its own (0020_coupon_kind_registry.sql).
 */
export const COUPON_RULES = {
  full_reduction: fullReduction,
  percent_off: percentOff,
  no_threshold: noThreshold,
  every_full_reduction: everyFullReduction,
} as const;

export type CouponKind = keyof typeof COUPON_RULES;
/** The codes as a non-empty tuple, the shape `z.enum` takes. */
export const COUPON_KIND_CODES = Object.keys(COUPON_RULES) as [CouponKind, ...CouponKind[]];

/** The rule for a kind, typed loosely: args are validated by the rule's own schema before use. */
export function couponRule(kind: CouponKind): CouponRule<CouponArgs> {
  return COUPON_RULES[kind] as unknown as CouponRule<CouponArgs>;
}

/** One input of the manager's form for a kind: an arg of its rule and how to ask for it. */
export interface CouponKindField extends ArgUi {
  name: string;
  required: boolean;
}

/** A kind as the manager's create form renders it: its title and its args' fields, in order. */
export interface CouponKindForm {
  code: CouponKind;
  title: string;
  fields: CouponKindField[];
}

/** Every kind's form, read from the rules' schemas, so the client holds no list of kinds or args. */
export function couponKindForms(): CouponKindForm[] {
  return COUPON_KIND_CODES.map((code) => {
    const rule = couponRule(code);
    const fields = Object.entries(rule.args.shape).map(([name, schema]) => {
      const ui = argUi(schema);
      // A bug in a rule file, caught by the registry's spec before any manager sees the form.
      if (!ui) throw new Error(`coupon kind ${code}: arg ${name} has no UI metadata`);
      return { name, ...ui, required: !schema.safeParse(undefined).success };
    });
    return { code, title: rule.title, fields };
  });
}

export type { ArgUi, CouponArgs, CouponCheck, CouponDescription, CouponLine, CouponRule } from './coupon-rule';
