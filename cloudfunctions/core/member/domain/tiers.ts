/**
 * Membership tiers as declarative configuration. Growth value = paid yuan over the last 365 days.
 * Upgrades are immediate; downgrades only at the yearly review (membership issue).
 */
export interface TierBenefits {
  /** Member price as a percentage of list price (100 = no discount). */
  memberPricePercent: number;
  /** Points earned per yuan paid = 1 x multiplier. */
  pointsMultiplier: number;
  /** Whether the member receives a birthday coupon. */
  birthdayCoupon: boolean;
  /** Free express shipping at or above this paid amount, in fen; 0 = always free. */
  freeShippingThresholdFen: number;
}

export interface TierDefinition {
  code: string;
  name: string;
  minGrowth: number;
  benefits: TierBenefits;
}

export const DEFAULT_TIERS: readonly TierDefinition[] = [
  {
    code: 'normal',
    name: '普通会员',
    minGrowth: 0,
    benefits: { memberPricePercent: 100, pointsMultiplier: 1, birthdayCoupon: false, freeShippingThresholdFen: 9_900 },
  },
  {
    code: 'silver',
    name: '银卡会员',
    minGrowth: 1_000,
    benefits: { memberPricePercent: 98, pointsMultiplier: 1.2, birthdayCoupon: true, freeShippingThresholdFen: 6_900 },
  },
  {
    code: 'gold',
    name: '金卡会员',
    minGrowth: 5_000,
    benefits: { memberPricePercent: 95, pointsMultiplier: 1.5, birthdayCoupon: true, freeShippingThresholdFen: 0 },
  },
  {
    code: 'black',
    name: '黑金会员',
    minGrowth: 20_000,
    benefits: { memberPricePercent: 90, pointsMultiplier: 2, birthdayCoupon: true, freeShippingThresholdFen: 0 },
  },
];

/** The tier a growth value earns: the highest whose threshold it reaches. */
export function tierForGrowth<T extends { minGrowth: number }>(tiers: readonly T[], growth: number): T {
  const sorted = [...tiers].sort((a, b) => a.minGrowth - b.minGrowth);
  let current = sorted[0];
  if (!current) throw new Error('no tiers configured');
  for (const tier of sorted) if (growth >= tier.minGrowth) current = tier;
  return current;
}

/** The next tier above a growth value, or null at the top. */
export function nextTierAfter<T extends { minGrowth: number }>(tiers: readonly T[], growth: number): T | null {
  return [...tiers].sort((a, b) => a.minGrowth - b.minGrowth).find((t) => t.minGrowth > growth) ?? null;
}
