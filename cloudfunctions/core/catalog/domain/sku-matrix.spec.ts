import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSpecGroups, coversMatrix, skuMatrix, specsKey } from './sku-matrix';

const capacity = { name: '容量', values: ['30ml', '50ml'] };
const skin = { name: '规格', values: ['清爽', '滋润'] };

describe('skuMatrix', () => {
  it('crosses two groups, the first varying slowest', () => {
    expect(skuMatrix([capacity, skin])).toEqual([
      { 容量: '30ml', 规格: '清爽' },
      { 容量: '30ml', 规格: '滋润' },
      { 容量: '50ml', 规格: '清爽' },
      { 容量: '50ml', 规格: '滋润' },
    ]);
  });

  it('gives one SKU without specs when there is no group', () => {
    expect(skuMatrix([])).toEqual([{}]);
  });

  it('has the product of the group sizes as rows, each distinct', () => {
    const group = (name: string) =>
      fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }).map((values) => ({
        name,
        values,
      }));
    fc.assert(
      fc.property(fc.tuple(group('a'), group('b'), group('c')), (groups) => {
        const rows = skuMatrix(groups);
        expect(rows).toHaveLength(groups.reduce((n, g) => n * g.values.length, 1));
        expect(new Set(rows.map((r) => specsKey(groups, r))).size).toBe(rows.length);
        expect(coversMatrix(groups, rows)).toBe(true);
      }),
    );
  });
});

describe('checkSpecGroups', () => {
  it('accepts up to three groups and refuses a fourth', () => {
    const g = (name: string) => ({ name, values: ['x'] });
    expect(checkSpecGroups([g('a'), g('b'), g('c')])).toBeNull();
    expect(checkSpecGroups([g('a'), g('b'), g('c'), g('d')])).toEqual({ problem: 'TOO_MANY_GROUPS' });
  });

  it('refuses an empty group, a repeated group and a repeated value', () => {
    expect(checkSpecGroups([{ name: '容量', values: [] }])).toEqual({ problem: 'EMPTY_GROUP', group: '容量' });
    expect(checkSpecGroups([capacity, capacity])).toEqual({ problem: 'DUPLICATE_GROUP', group: '容量' });
    expect(checkSpecGroups([{ name: '容量', values: ['30ml', '30ml'] }])).toEqual({
      problem: 'DUPLICATE_VALUE',
      group: '容量',
      value: '30ml',
    });
  });

  it('refuses a matrix over 200 SKUs', () => {
    const many = (name: string) => ({ name, values: Array.from({ length: 15 }, (_, i) => `${name}${i}`) });
    expect(checkSpecGroups([many('a'), many('b')])).toMatchObject({ problem: 'TOO_MANY_SKUS', count: 225 });
  });
});

describe('coversMatrix', () => {
  it('refuses a missing, a repeated or a foreign combination', () => {
    const rows = skuMatrix([capacity, skin]);
    expect(coversMatrix([capacity, skin], rows.slice(1))).toBe(false);
    expect(coversMatrix([capacity, skin], [...rows.slice(1), rows[1]!])).toBe(false);
    expect(coversMatrix([capacity, skin], [...rows.slice(1), { 容量: '99ml', 规格: '清爽' }])).toBe(false);
    expect(coversMatrix([capacity, skin], [...rows.slice(1), { ...rows[0]!, 颜色: '红' }])).toBe(false);
    expect(coversMatrix([capacity, skin], [...rows].reverse())).toBe(true);
  });
});
