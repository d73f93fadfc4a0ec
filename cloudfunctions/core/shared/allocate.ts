import { fen, type Fen } from './money';

/**
 * Splits `total` fen across parts in proportion to `weights`, by largest remainder: every part is
 * an integer and the parts always sum to `total` exactly. Ties in the remainder go to the earlier
 * part, so the split is deterministic. All-zero weights split evenly.
 */
export function allocateLargestRemainder(total: Fen, weights: readonly number[]): Fen[] {
  if (weights.length === 0) {
    if (total !== 0) throw new RangeError('cannot allocate a non-zero amount across no parts');
    return [];
  }
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0))
    throw new RangeError('weights must be non-negative integers');
  const sum = weights.reduce((a, b) => a + b, 0);
  const effective = sum === 0 ? weights.map(() => 1) : weights;
  const weightTotal = sum === 0 ? weights.length : sum;
  // Integer arithmetic: floor(total * w / W) and the remainder numerator, no floats.
  const floors = effective.map((w) => Math.floor((total * w) / weightTotal));
  const remainders = effective.map((w, i) => ({ i, r: total * w - floors[i]! * weightTotal }));
  let left = total - floors.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of remainders) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors.map((f) => fen(f));
}
