import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { redeemPoints } from './pricing-points';

const NO_CAP = 1_000_000_000;

describe('redeemPoints', () => {
  it.each([
    // rate, requested, cap, points charged, fen
    [100, 2014, NO_CAP, 2014, 2014], // the old fixed rate: 1 point = 1 fen
    [100, 9000, 5000, 5000, 5000],
    [1, 3, NO_CAP, 3, 300], // 1 point = ¥1
    [1, 3, 250, 2, 200], // a point is never split: ¥2.50 of room takes 2 points
    [150, 100, NO_CAP, 99, 66], // 66.67 fen rounds down to 66, which costs 99 points
    [150, 1, NO_CAP, 0, 0], // less than a fen's worth buys nothing
    [150, 2, NO_CAP, 2, 1],
    [1000, 2500, NO_CAP, 2500, 250],
    [1000, 2509, NO_CAP, 2500, 250], // the 9 points short of a fen stay in the balance
    [1000, 100_000, 4321, 43_210, 4321],
    [50, 10, 3, 1, 2], // 2 fen a point: a 3-fen cap takes 1 point for 2 fen
  ])(
    'at %i points per yuan, %i points (cap %i fen) pay %i points for %i fen',
    (rate, requested, cap, pts, fenValue) => {
      expect(redeemPoints({ requested, pointsPerYuan: rate, capFen: cap })).toEqual({
        points: pts,
        valueFen: fenValue,
      });
    },
  );

  it('refuses a rate below 1 (a bug: the settings never allow one)', () => {
    expect(() => redeemPoints({ requested: 100, pointsPerYuan: 0, capFen: 100 })).toThrow(RangeError);
  });

  it('property: the fen never exceed points / rate or the cap, and the points charged are the fewest for that fen', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        (rate, requested, capFen) => {
          const { points, valueFen } = redeemPoints({ requested, pointsPerYuan: rate, capFen });
          expect(Number.isInteger(points) && Number.isInteger(valueFen)).toBe(true);
          expect(points).toBeGreaterThanOrEqual(0);
          expect(valueFen).toBeGreaterThanOrEqual(0);
          expect(points).toBeLessThanOrEqual(requested);
          expect(valueFen).toBeLessThanOrEqual(capFen);
          // valueFen <= points x 100 / rate, in integers.
          expect(valueFen * rate).toBeLessThanOrEqual(points * 100);
          // One point fewer would not be worth valueFen.
          if (points > 0) expect(Math.floor(((points - 1) * 100) / rate)).toBeLessThan(valueFen);
          // Exact: the points charged are worth exactly the fen given.
          expect(Math.floor((points * 100) / rate)).toBe(valueFen);
          // Stable: converting the charged points again changes nothing (quote -> create).
          expect(redeemPoints({ requested: points, pointsPerYuan: rate, capFen })).toEqual({ points, valueFen });
          // The most the request buys under the cap: the fewest points worth more are not available.
          const needed = Math.ceil(((valueFen + 1) * rate) / 100);
          if (Math.floor((needed * 100) / rate) <= capFen) expect(needed).toBeGreaterThan(requested);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
