import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateLargestRemainder } from './allocate';
import { fen } from './money';

describe('allocateLargestRemainder', () => {
  it('splits in proportion and gives the leftover fen to the largest remainders', () => {
    expect(allocateLargestRemainder(fen(100), [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateLargestRemainder(fen(10), [3, 7])).toEqual([3, 7]);
    expect(allocateLargestRemainder(fen(5), [2, 1, 1])).toEqual([3, 1, 1]);
  });

  it('ties go to the earlier part, so the split is deterministic', () => {
    expect(allocateLargestRemainder(fen(1), [5, 5])).toEqual([1, 0]);
    expect(allocateLargestRemainder(fen(2), [1, 1, 1])).toEqual([1, 1, 0]);
  });

  it('zero weights get nothing; all-zero weights split evenly', () => {
    expect(allocateLargestRemainder(fen(9), [0, 3, 0])).toEqual([0, 9, 0]);
    expect(allocateLargestRemainder(fen(7), [0, 0, 0])).toEqual([3, 2, 2]);
  });

  it('no parts: zero allocates to nothing, anything else is a bug', () => {
    expect(allocateLargestRemainder(fen(0), [])).toEqual([]);
    expect(() => allocateLargestRemainder(fen(1), [])).toThrow(RangeError);
  });

  it('refuses negative or fractional weights', () => {
    expect(() => allocateLargestRemainder(fen(1), [1, -1])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(fen(1), [0.5, 1])).toThrow(RangeError);
  });

  it('property: integer parts that sum to the total, each within 1 fen of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          const parts = allocateLargestRemainder(fen(total), weights);
          expect(parts).toHaveLength(weights.length);
          expect(parts.every((p) => Number.isSafeInteger(p) && p >= 0)).toBe(true);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          const effective = sum === 0 ? weights.map(() => 1) : weights;
          const weightTotal = sum === 0 ? weights.length : sum;
          // |part - total * w / W| < 1, in integers: |part * W - total * w| < W (exact, no floats).
          effective.forEach((w, i) => {
            const diff = BigInt(parts[i]!) * BigInt(weightTotal) - BigInt(total) * BigInt(w);
            expect(diff < 0n ? -diff : diff).toBeLessThan(BigInt(weightTotal));
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: a part never exceeds what its weight is worth rounded up (no part gets a share it cannot carry)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (weights, f) => {
          const sum = weights.reduce((a, b) => a + b, 0);
          const total = Math.floor(sum * f);
          const parts = allocateLargestRemainder(fen(total), weights);
          parts.forEach((p, i) => expect(p).toBeLessThanOrEqual(weights[i]!));
        },
      ),
      { numRuns: 300 },
    );
  });
});
