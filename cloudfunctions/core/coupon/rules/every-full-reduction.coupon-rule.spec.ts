import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fen } from '../../shared/money';
import { evaluateTerms, type CouponTerms } from '../domain/coupon-terms';
import { couponKindForms } from '.';
import { everyFullReduction } from './every-full-reduction.coupon-rule';

const line = (amount: number, productId = 'p-a', categoryId = 'c-a') => ({
  productId,
  categoryId,
  amountFen: fen(amount),
});
const uncapped = { everyFen: 10_000, amountFen: 1000 };
const capped = { ...uncapped, capFen: 5000 };

describe('每满减 every_full_reduction', () => {
  it('takes ¥10 off per full ¥100: nothing at ¥99, ¥10 at ¥100, ¥20 at ¥250, ¥100 at ¥1000', () => {
    expect(everyFullReduction.check([line(9900)], uncapped)).toEqual({
      ok: false,
      reason: 'threshold',
      message: '未满¥100，还差¥1',
    });
    expect(everyFullReduction.check([line(10_000)], uncapped)).toEqual({ ok: true });
    expect([9900, 10_000, 25_000, 100_000].map((a) => everyFullReduction.apply(fen(a), uncapped))).toEqual([
      0, 1000, 2000, 10_000,
    ]);
  });

  it('stops at the cap: ¥50 at ¥1000, the same as without a cap below it', () => {
    expect([9900, 10_000, 25_000, 100_000].map((a) => everyFullReduction.apply(fen(a), capped))).toEqual([
      0, 1000, 2000, 5000,
    ]);
  });

  it('is whole steps times the amount, never above the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 2, max: 100_000 }),
        fc.integer({ min: 1, max: 99_999 }),
        fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }),
        (amount, every, off, cap) => {
          fc.pre(off < every);
          const taken = everyFullReduction.apply(fen(amount), { everyFen: every, amountFen: off, capFen: cap });
          expect(taken).toBe(Math.min(Math.floor(amount / every) * off, cap ?? Infinity));
          expect(taken).toBeLessThan(amount + 1);
        },
      ),
    );
  });

  it('refuses args whose amount off is not below the step, or not whole fen', () => {
    expect(everyFullReduction.args.safeParse({ everyFen: 1000, amountFen: 1000 }).success).toBe(false);
    expect(everyFullReduction.args.safeParse({ everyFen: 1000, amountFen: 10.5 }).success).toBe(false);
    expect(everyFullReduction.args.safeParse({ everyFen: 1000, amountFen: 100, capFen: 0 }).success).toBe(false);
  });

  it('says 每满100减10，最多减50, and costs an advisor its cap (unbounded without one)', () => {
    expect(everyFullReduction.describe(capped)).toEqual({
      text: '每满100减10，最多减50',
      figure: '10',
      unit: '¥',
      condition: '每满100 · 最高减50',
    });
    expect(everyFullReduction.describe(uncapped)).toEqual({
      text: '每满100减10',
      figure: '10',
      unit: '¥',
      condition: '每满100可用',
    });
    expect(everyFullReduction.advisorCost(capped)).toBe(5000);
    expect(everyFullReduction.advisorCost(uncapped)).toBeNull();
  });

  it("gives the manager's form its three fields, the cap optional", () => {
    expect(couponKindForms().find((k) => k.code === 'every_full_reduction')).toEqual({
      code: 'every_full_reduction',
      title: '每满减',
      fields: [
        { name: 'everyFen', label: '每满', unit: '元', input: 'yuan', required: true },
        { name: 'amountFen', label: '减', unit: '元', input: 'yuan', required: true },
        { name: 'capFen', label: '最多减', unit: '元', input: 'yuan', required: false },
      ],
    });
  });
});

describe('每满减 with a scope (evaluateTerms)', () => {
  const lines = [line(25_000, 'p-serum', 'c-serum'), line(8000, 'p-cream', 'c-cream')];
  const terms = (scope: CouponTerms['scope'], scopeIds: string[]): CouponTerms => ({
    kind: 'every_full_reduction',
    args: capped,
    scope,
    scopeIds,
  });

  it('all: the steps count the whole cart (¥330: three steps)', () => {
    expect(evaluateTerms(terms('all', []), lines)).toEqual({ ok: true, discountFen: 3000, eligible: [true, true] });
  });
  it('categories: the steps count only the in-scope lines (¥250: two steps)', () => {
    expect(evaluateTerms(terms('categories', ['c-serum']), lines)).toEqual({
      ok: true,
      discountFen: 2000,
      eligible: [true, false],
    });
  });
  it('products: an in-scope amount below one step is refused as a threshold not met', () => {
    expect(evaluateTerms(terms('products', ['p-cream']), lines)).toMatchObject({
      ok: false,
      code: 'COUPON_THRESHOLD_NOT_MET',
      message: '未满¥100，还差¥20',
    });
  });
  it('no line in scope is refused with its own reason', () => {
    expect(evaluateTerms(terms('categories', ['c-mask']), lines)).toMatchObject({
      ok: false,
      reason: 'scope',
      message: '所选商品不适用此券',
    });
  });
});
