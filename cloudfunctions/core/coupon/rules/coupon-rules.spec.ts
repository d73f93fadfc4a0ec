import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fen } from '../../shared/money';
import { evaluateTerms, type CouponTerms } from '../domain/coupon-terms';
import { COUPON_KIND_CODES, couponKindForms, couponRule } from '.';
import { fullReduction } from './full-reduction.coupon-rule';
import { noThreshold } from './no-threshold.coupon-rule';
import { percentOff } from './percent-off.coupon-rule';

const line = (amount: number, productId = 'p-a', categoryId = 'c-a') => ({
  productId,
  categoryId,
  amountFen: fen(amount),
});

describe('满减 full_reduction', () => {
  const args = { thresholdFen: 19900, amountFen: 3000 };
  it('applies at the threshold, not one fen below it', () => {
    expect(fullReduction.check([line(19900)], args)).toEqual({ ok: true });
    expect(fullReduction.check([line(10000), line(9899)], args)).toEqual({
      ok: false,
      reason: 'threshold',
      message: '未满¥199，还差¥0.01',
    });
    expect(fullReduction.apply(fen(19900), args)).toBe(3000);
  });
  it('refuses args whose amount off is not below the threshold', () => {
    expect(fullReduction.args.safeParse({ thresholdFen: 1000, amountFen: 1000 }).success).toBe(false);
    expect(fullReduction.args.safeParse({ thresholdFen: 1000, amountFen: 10.5 }).success).toBe(false);
  });
});

describe('折扣 percent_off', () => {
  it('rounds the discount down to the fen', () => {
    expect(percentOff.apply(fen(999), { percentOff: 15 })).toBe(149); // 149.85
    expect(percentOff.apply(fen(1), { percentOff: 99 })).toBe(0);
  });
  it('is capped by capFen', () => {
    expect(percentOff.apply(fen(100000), { percentOff: 15, capFen: 5000 })).toBe(5000);
    expect(percentOff.apply(fen(10000), { percentOff: 15, capFen: 5000 })).toBe(1500);
  });
  it('has an optional threshold', () => {
    expect(percentOff.check([line(1)], { percentOff: 10 })).toEqual({ ok: true });
    expect(percentOff.check([line(9999)], { percentOff: 10, thresholdFen: 10000 }).ok).toBe(false);
  });
  it('never gives more than the percentage of the amount, nor more than the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 99 }),
        fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }),
        (amount, pct, cap) => {
          const off = percentOff.apply(fen(amount), { percentOff: pct, capFen: cap });
          expect(Number.isInteger(off)).toBe(true);
          expect(off * 100).toBeLessThanOrEqual(amount * pct);
          expect((off + 1) * 100 > amount * pct || off === cap).toBe(true);
          if (cap !== undefined) expect(off).toBeLessThanOrEqual(cap);
        },
      ),
    );
  });
});

describe('无门槛 no_threshold', () => {
  it('applies to any amount and never takes more than the amount', () => {
    expect(noThreshold.check([line(1)], { amountFen: 2000 })).toEqual({ ok: true });
    expect(noThreshold.apply(fen(1500), { amountFen: 2000 })).toBe(1500);
    expect(noThreshold.apply(fen(5000), { amountFen: 2000 })).toBe(2000);
  });
});

describe('scope and threshold together (evaluateTerms)', () => {
  const lines = [line(15000, 'p-serum', 'c-serum'), line(8000, 'p-cream', 'c-cream')];
  it('all: every line is eligible', () => {
    const terms: CouponTerms = {
      kind: 'full_reduction',
      args: { thresholdFen: 19900, amountFen: 3000 },
      scope: 'all',
      scopeIds: [],
    };
    expect(evaluateTerms(terms, lines)).toEqual({ ok: true, discountFen: 3000, eligible: [true, true] });
  });
  it('categories: the threshold counts only the in-scope lines', () => {
    const terms: CouponTerms = {
      kind: 'full_reduction',
      args: { thresholdFen: 19900, amountFen: 3000 },
      scope: 'categories',
      scopeIds: ['c-serum'],
    };
    expect(evaluateTerms(terms, lines)).toMatchObject({
      ok: false,
      code: 'COUPON_THRESHOLD_NOT_MET',
      reason: 'threshold',
    });
  });
  it('products: the percentage applies to the in-scope lines only', () => {
    const terms: CouponTerms = {
      kind: 'percent_off',
      args: { percentOff: 15 },
      scope: 'products',
      scopeIds: ['p-cream'],
    };
    expect(evaluateTerms(terms, lines)).toEqual({ ok: true, discountFen: 1200, eligible: [false, true] });
  });
  it('no line in scope is refused with its own reason', () => {
    const terms: CouponTerms = {
      kind: 'no_threshold',
      args: { amountFen: 1000 },
      scope: 'categories',
      scopeIds: ['c-mask'],
    };
    expect(evaluateTerms(terms, lines)).toMatchObject({ ok: false, reason: 'scope', message: '所选商品不适用此券' });
  });
});

describe('what a rule says about its coupon (describe)', () => {
  it('writes the words the ticket and the manager list show', () => {
    expect(fullReduction.describe({ thresholdFen: 19900, amountFen: 3000 })).toEqual({
      text: '满199减30',
      figure: '30',
      unit: '¥',
      condition: '满199可用',
    });
    expect(fullReduction.describe({ thresholdFen: 10050, amountFen: 1990 })).toEqual({
      text: '满100.5减19.9',
      figure: '19.9',
      unit: '¥',
      condition: '满100.5可用',
    });
    expect(noThreshold.describe({ amountFen: 2000 })).toEqual({
      text: '无门槛减20',
      figure: '20',
      unit: '¥',
      condition: '无门槛',
    });
    expect(percentOff.describe({ percentOff: 15, capFen: 5000 })).toEqual({
      text: '减15%（最多减50）',
      figure: '8.5',
      unit: '折',
      condition: '无门槛 · 最高减50',
    });
    expect(percentOff.describe({ percentOff: 10, thresholdFen: 10000 })).toEqual({
      text: '减10%',
      figure: '9',
      unit: '折',
      condition: '满100可用',
    });
  });
});

describe('the registry', () => {
  it('keys every rule by its own code', () => {
    for (const code of COUPON_KIND_CODES) expect(couponRule(code).code).toBe(code);
  });
  it("lists the kinds in their rules' distinct form positions, 满减 first (the form's default)", () => {
    const positions = COUPON_KIND_CODES.map((code) => couponRule(code).formPosition);
    expect(new Set(positions).size).toBe(positions.length);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(COUPON_KIND_CODES[0]).toBe('full_reduction');
  });
  it("describes each kind's form from its rule's args, every arg with its UI metadata", () => {
    const forms = couponKindForms();
    expect(forms.map((f) => f.code)).toEqual(COUPON_KIND_CODES);
    expect(forms.find((f) => f.code === 'full_reduction')).toEqual({
      code: 'full_reduction',
      title: '满减',
      fields: [
        { name: 'thresholdFen', label: '满', unit: '元', input: 'yuan', required: true },
        { name: 'amountFen', label: '减', unit: '元', input: 'yuan', required: true },
      ],
    });
    expect(forms.find((f) => f.code === 'percent_off')?.fields.map((f) => [f.name, f.input, f.required])).toEqual([
      ['percentOff', 'percent', true],
      ['capFen', 'yuan', false],
      ['thresholdFen', 'yuan', false],
    ]);
  });
});
