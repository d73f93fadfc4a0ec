import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memberPrice, memberUnitPrice } from './member-price';
import { fen } from './money';

describe('memberUnitPrice', () => {
  it('gives nothing off to a tier without a member price, whatever the SKU says', () => {
    expect(memberUnitPrice(fen(9_900), 100, 7_900)).toBe(9_900);
    expect(memberUnitPrice(fen(9_900), 100, null)).toBe(9_900);
  });

  it('takes the SKU’s own 会员价 over the tier’s percentage, else the percentage', () => {
    expect(memberUnitPrice(fen(9_900), 90, 9_500)).toBe(9_500);
    expect(memberUnitPrice(fen(9_900), 90, null)).toBe(memberPrice(fen(9_900), 90));
  });

  it('never charges a member more than the list price, nor less than 1 fen', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.integer({ min: 1, max: 100 }),
        fc.option(fc.integer({ min: 1, max: 200_000_000 })),
        (unit, percent, own) => {
          const price = memberUnitPrice(fen(unit), percent, own);
          return price >= 1 && price <= unit;
        },
      ),
    );
  });
});
