import { argUi, type ArgUi, type CouponArgs, type CouponRule } from './coupon-rule';
import * as COUPON_RULES from './kinds';

/**
 * The coupon kinds (./kinds.ts: a new kind is one rule file and its line there). The contract's
 * enums, the coupon's words, the advisor's cost and the manager's form all derive from them, and the
 * database stores the code without a list of its own (0020_coupon_kind_registry.sql).
 */
export type CouponKind = keyof typeof COUPON_RULES;
/**
 * The codes as a non-empty tuple, the shape `z.enum` takes, in each rule's `formPosition` (a module's
 * exports come in name order, so the position, not the line, orders them).
 */
export const COUPON_KIND_CODES = (Object.keys(COUPON_RULES) as CouponKind[]).sort(
  (a, b) => COUPON_RULES[a].formPosition - COUPON_RULES[b].formPosition,
) as [CouponKind, ...CouponKind[]];

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

export type { CouponArgs, CouponDescription, CouponLine, CouponRule } from './coupon-rule';
