import { describe, expect, it } from 'vitest';
import { budgetMonth } from './budget-month';
import { advisorCouponCost } from './coupon-cost';

describe('advisorCouponCost', () => {
  it('charges the face value: amountFen for 无门槛 and 满减, capFen for 折扣', () => {
    expect(advisorCouponCost('no_threshold', { amountFen: 1500 })).toBe(1500);
    expect(advisorCouponCost('full_reduction', { thresholdFen: 20000, amountFen: 3000 })).toBe(3000);
    expect(advisorCouponCost('percent_off', { percentOff: 15, capFen: 5000 })).toBe(5000);
  });

  it('refuses a 折扣 without a cap (unbounded cost) and malformed args', () => {
    expect(advisorCouponCost('percent_off', { percentOff: 15 })).toBeNull();
    expect(advisorCouponCost('no_threshold', { amountFen: -1 })).toBeNull();
  });
});

describe('budgetMonth', () => {
  it('is the Shanghai calendar month: 16:00Z on the last day is already next month', () => {
    expect(budgetMonth(new Date('2026-05-31T15:59:59Z'))).toBe('2026-05');
    expect(budgetMonth(new Date('2026-05-31T16:00:00Z'))).toBe('2026-06');
  });
});
