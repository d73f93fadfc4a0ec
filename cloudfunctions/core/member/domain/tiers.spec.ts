import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_TIERS, nextTierAfter, tierForGrowth } from './tiers';

const growth = fc.integer({ min: 0, max: 1_000_000 });

describe('membership tiers', () => {
  it('default tiers are 普通会员 0, 银卡 1,000, 金卡 5,000, 黑金 20,000', () => {
    expect(DEFAULT_TIERS.map((t) => [t.name, t.minGrowth])).toEqual([
      ['普通会员', 0],
      ['银卡会员', 1_000],
      ['金卡会员', 5_000],
      ['黑金会员', 20_000],
    ]);
  });

  it.each([
    [0, 'normal'],
    [999, 'normal'],
    [1_000, 'silver'],
    [4_999, 'silver'],
    [5_000, 'gold'],
    [19_999, 'gold'],
    [20_000, 'black'],
    [1_000_000, 'black'],
  ])('growth %i earns %s', (value, code) => {
    expect(tierForGrowth(DEFAULT_TIERS, value).code).toBe(code);
  });

  it('does not depend on the order tiers are configured in', () => {
    const shuffled = [DEFAULT_TIERS[2]!, DEFAULT_TIERS[0]!, DEFAULT_TIERS[3]!, DEFAULT_TIERS[1]!];
    fc.assert(
      fc.property(growth, (g) => {
        expect(tierForGrowth(shuffled, g).code).toBe(tierForGrowth(DEFAULT_TIERS, g).code);
        expect(nextTierAfter(shuffled, g)?.code).toBe(nextTierAfter(DEFAULT_TIERS, g)?.code);
      }),
    );
  });

  it('a member sits in exactly one band: tier threshold <= growth < next tier threshold', () => {
    fc.assert(
      fc.property(growth, (g) => {
        const tier = tierForGrowth(DEFAULT_TIERS, g);
        const next = nextTierAfter(DEFAULT_TIERS, g);
        expect(tier.minGrowth).toBeLessThanOrEqual(g);
        if (next) {
          expect(next.minGrowth).toBeGreaterThan(g);
          expect(DEFAULT_TIERS.indexOf(next)).toBe(DEFAULT_TIERS.indexOf(tier) + 1);
        } else {
          expect(tier.code).toBe('black');
        }
      }),
    );
  });

  it('more growth never means a lower tier', () => {
    fc.assert(
      fc.property(growth, growth, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(tierForGrowth(DEFAULT_TIERS, high).minGrowth).toBeGreaterThanOrEqual(
          tierForGrowth(DEFAULT_TIERS, low).minGrowth,
        );
      }),
    );
  });

  it('the next tier after the top is none, and a store without tiers is a configuration bug', () => {
    expect(nextTierAfter(DEFAULT_TIERS, 20_000)).toBeNull();
    expect(nextTierAfter(DEFAULT_TIERS, 0)?.code).toBe('silver');
    expect(() => tierForGrowth([], 0)).toThrow();
  });

  it('higher tiers never give fewer benefits', () => {
    for (let i = 1; i < DEFAULT_TIERS.length; i++) {
      const [lower, higher] = [DEFAULT_TIERS[i - 1]!.benefits, DEFAULT_TIERS[i]!.benefits];
      expect(higher.memberPricePercent).toBeLessThanOrEqual(lower.memberPricePercent);
      expect(higher.pointsMultiplier).toBeGreaterThanOrEqual(lower.pointsMultiplier);
      expect(higher.freeShippingThresholdFen).toBeLessThanOrEqual(lower.freeShippingThresholdFen);
    }
  });
});
