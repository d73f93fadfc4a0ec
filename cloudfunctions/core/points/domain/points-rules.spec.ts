import { describe, expect, it } from 'vitest';
import { earnedForOrder, lotExpiresAt, planConsumption, pointsForYuan, wholeYuan } from './points-rules';

describe('lotExpiresAt', () => {
  it('a lot earned 2025-03-01 expires 2026-12-31 23:59:59.999 +08:00', () => {
    expect(lotExpiresAt(new Date('2025-03-01T10:00:00+08:00')).toISOString()).toBe('2026-12-31T15:59:59.999Z');
  });

  it('uses the Shanghai calendar year at the boundary: 2025-12-31 16:30 UTC is already 2026 in Shanghai', () => {
    // 2025-12-31T16:30Z = 2026-01-01 00:30 +08:00: earned in 2026, expires at the end of 2027.
    expect(lotExpiresAt(new Date('2025-12-31T16:30:00Z')).toISOString()).toBe('2027-12-31T15:59:59.999Z');
    // 2025-12-31T15:59:59.999Z = 2025-12-31 23:59:59.999 +08:00: still 2025, expires at the end of 2026.
    expect(lotExpiresAt(new Date('2025-12-31T15:59:59.999Z')).toISOString()).toBe('2026-12-31T15:59:59.999Z');
  });
});

describe('earning', () => {
  it('counts whole yuan actually paid, times the multiplier, floored', () => {
    expect(wholeYuan(11_999)).toBe(119);
    expect(earnedForOrder(11_900, 1)).toBe(119);
    expect(earnedForOrder(11_900, 1.2)).toBe(142); // 142.8
    expect(earnedForOrder(99, 2)).toBe(0);
    expect(pointsForYuan(100, 1.15)).toBe(115); // 1.15 * 100 in floats is 114.999...
  });
});

describe('planConsumption', () => {
  const lots = [
    { id: 'b', remaining: 50, earnedAt: new Date('2025-02-01') },
    { id: 'a', remaining: 30, earnedAt: new Date('2025-01-01') },
    { id: 'c', remaining: 0, earnedAt: new Date('2024-01-01') },
  ];

  it('takes the oldest lots first and skips empty ones', () => {
    expect(planConsumption(lots, 60)).toEqual({
      takes: [
        { lotId: 'a', points: 30 },
        { lotId: 'b', points: 30 },
      ],
      shortfall: 0,
    });
  });

  it('reports what the lots cannot cover', () => {
    expect(planConsumption(lots, 100)).toEqual({
      takes: [
        { lotId: 'a', points: 30 },
        { lotId: 'b', points: 50 },
      ],
      shortfall: 20,
    });
  });

  it('takes preferred lots before older ones', () => {
    expect(planConsumption(lots, 40, ['b']).takes).toEqual([{ lotId: 'b', points: 40 }]);
  });
});
