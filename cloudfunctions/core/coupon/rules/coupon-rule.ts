import { z } from 'zod';
import type { Fen } from '../../shared/money';

// This directory is imported at runtime by the contract (the kind enum, the form description), and
// the contract by every function: nothing here may import the database, a service or a platform.

/** A cart line as a coupon sees it: what it is, and its amount after the member price. */
export interface CouponLine {
  productId: string;
  categoryId: string;
  amountFen: Fen;
}

/** Why a coupon cannot be used on a cart; the message is what the customer reads. */
export type CouponCheck = { ok: true } | { ok: false; reason: 'threshold' | 'scope'; message: string };

/** A template's stored args: whole numbers by name; each rule's schema says which it needs. */
export type CouponArgs = Readonly<Record<string, number | undefined>>;

/**
 * How the manager's form asks for one arg. `yuan`: money typed in yuan, sent as integer fen;
 * `percent`: a whole percent (15 means 8.5 折).
 */
export interface ArgUi {
  label: string;
  unit: '元' | '%';
  input: 'yuan' | 'percent';
}

/** One arg of a rule's schema, carrying the UI metadata its form field is rendered from. */
export function arg<T extends z.ZodType>(schema: T, ui: ArgUi): T {
  return schema.meta({ ui }) as T;
}

/** The UI metadata `arg` attached, or undefined for a field declared without it. */
export function argUi(schema: z.ZodType): ArgUi | undefined {
  return (schema.meta() as { ui?: ArgUi } | undefined)?.ui;
}

/**
 * What a coupon says about itself, in the server's words: `text` for lists (满199减30), and the
 * ticket's face: the big `figure`, its `unit`, and the `condition` under it.
 */
export interface CouponDescription {
  text: string;
  figure: string;
  unit: '¥' | '折';
  condition: string;
}

/**
 * One kind of coupon, declared (Vendure-style): its `code` and `title`, typed `args` whose fields
 * carry their form's UI metadata, `describe` for the words on the coupon, `check` on the in-scope
 * lines, `apply` to their amount, and `advisorCost` (what one coupon charges an advisor's budget).
 * Pricing caps the result of `apply` to the eligible lines and keeps ¥0.01 payable.
 */
export interface CouponRule<A extends CouponArgs = CouponArgs> {
  code: string;
  /** Name of the kind, for customers and the manager: 满减, 折扣, 无门槛. */
  title: string;
  /** Where the manager's create form lists the kind (ascending, distinct); the first is its default. */
  formPosition: number;
  args: z.ZodType<A> & { shape: Record<string, z.ZodType> };
  describe(args: A): CouponDescription;
  check(lines: readonly CouponLine[], args: A): CouponCheck;
  apply(eligibleAmountFen: Fen, args: A): Fen;
  /**
   * The most one coupon can give away, in fen, charged to an advisor's monthly budget when issued;
   * null when unbounded (no cap), so the kind cannot be issued against a budget.
   */
  advisorCost(args: A): number | null;
}

/** Sum of the lines' amounts (integer fen). */
function amountOf(lines: readonly CouponLine[]): number {
  return lines.reduce((total, l) => total + l.amountFen, 0);
}

/** `¥199` / `¥19.90`: for refusal messages. */
function yuan(amountFen: number): string {
  return amountFen % 100 === 0 ? `¥${amountFen / 100}` : `¥${(amountFen / 100).toFixed(2)}`;
}

/** `199` / `19.9` / `19.99`: yuan without a sign or trailing zeros, for a coupon's face. */
export function yuanFigure(amountFen: number): string {
  const cents = String(amountFen % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return cents ? `${Math.floor(amountFen / 100)}.${cents}` : String(Math.floor(amountFen / 100));
}

/** `满199可用` / `无门槛`: the condition a threshold puts under a coupon's figure. */
export function thresholdText(thresholdFen: number | undefined): string {
  return thresholdFen ? `满${yuanFigure(thresholdFen)}可用` : '无门槛';
}

/** The threshold check 满减 and 折扣 share: the in-scope amount must reach it. */
export function meetsThreshold(lines: readonly CouponLine[], thresholdFen: number): CouponCheck {
  return amountOf(lines) >= thresholdFen
    ? { ok: true }
    : {
        ok: false,
        reason: 'threshold',
        message: `未满${yuan(thresholdFen)}，还差${yuan(thresholdFen - amountOf(lines))}`,
      };
}
