import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { specGroupsOf, specsText } from './spec-groups';

describe('spec groups for the SKU picker', () => {
  it('lists each spec name once, in first-seen order, with its distinct values in first-seen order', () => {
    const skus = [
      { specs: { 容量: '150ml', 肤质: '清爽型' } },
      { specs: { 容量: '150ml', 肤质: '滋润型' } },
      { specs: { 容量: '250ml', 肤质: '清爽型' } },
      { specs: { 容量: '250ml', 肤质: '滋润型' } },
    ];
    expect(specGroupsOf(skus)).toEqual([
      { name: '容量', values: ['150ml', '250ml'] },
      { name: '肤质', values: ['清爽型', '滋润型'] },
    ]);
  });

  it('keeps the shop order of values rather than sorting them', () => {
    const skus = [{ specs: { 规格: '两支装' } }, { specs: { 规格: '单支' } }];
    expect(specGroupsOf(skus)).toEqual([{ name: '规格', values: ['两支装', '单支'] }]);
  });

  it('has no groups for a product without SKUs', () => {
    expect(specGroupsOf([])).toEqual([]);
  });

  it('every SKU spec is offered by the picker, and the picker offers nothing no SKU has', () => {
    const specs = fc.dictionary(fc.constantFrom('容量', '肤质', '规格', '色号'), fc.constantFrom('a', 'b', 'c'), {
      minKeys: 1,
    });
    fc.assert(
      fc.property(
        fc.array(
          specs.map((s) => ({ specs: s })),
          { maxLength: 8 },
        ),
        (skus) => {
          const groups = specGroupsOf(skus);
          const offered = new Set(groups.flatMap((g) => g.values.map((v) => `${g.name}=${v}`)));
          const present = new Set(skus.flatMap((s) => Object.entries(s.specs).map(([n, v]) => `${n}=${v}`)));
          expect(offered).toEqual(present);
          expect(new Set(groups.map((g) => g.name)).size).toBe(groups.length);
          for (const g of groups) expect(new Set(g.values).size).toBe(g.values.length);
        },
      ),
    );
  });

  it('joins specs for display in their order', () => {
    expect(specsText({ 容量: '30ml', 肤质: '清爽型' })).toBe('30ml / 清爽型');
    expect(specsText({ 规格: '标准装' })).toBe('标准装');
  });
});
