import { describe, expect, it } from 'vitest';
import { couponWindow, validityText } from './coupon-terms';
import { scopeText } from './scope';

const now = new Date('2026-03-02T02:00:00.000Z');

describe('coupon validity', () => {
  it('N days after the claim', () => {
    expect(couponWindow({ validFrom: null, validUntil: null, validDays: 7 }, now)).toEqual({
      validFrom: now,
      validUntil: new Date('2026-03-09T02:00:00.000Z'),
    });
    expect(validityText({ validFrom: null, validUntil: null, validDays: 7 })).toBe('领取后7天内有效');
  });
  it('a fixed window, shown in Asia/Shanghai days', () => {
    const v = {
      validFrom: new Date('2026-03-01T00:00:00+08:00'),
      validUntil: new Date('2026-04-01T00:00:00+08:00'),
      validDays: null,
    };
    expect(couponWindow(v, now)).toEqual({ validFrom: v.validFrom, validUntil: v.validUntil });
    expect(validityText(v)).toBe('2026.03.01-2026.03.31');
  });
});

describe('scope text', () => {
  it('names the categories or products', () => {
    expect(scopeText('all', [])).toBe('全场通用');
    expect(scopeText('categories', ['面霜乳液'])).toBe('限面霜乳液可用');
    expect(scopeText('products', ['a', 'b', 'c'])).toBe('限a、b等3件商品可用');
  });
});
