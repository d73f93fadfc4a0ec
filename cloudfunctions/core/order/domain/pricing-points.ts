import { fen, points, type Fen, type Points } from '../../shared/money';

/** The redeem rate before it was a store setting, and the default of 店铺设置: 100 points = ¥1. */
export const DEFAULT_REDEEM_POINTS_PER_YUAN = 100;

/** What a number of points pays at checkout: whole fen, and the points that fen value costs. */
export interface PointsRedemption {
  /** Points charged: the fewest that are worth `valueFen`. */
  points: Points;
  /** floor(points x 100 / pointsPerYuan), never above the cap. */
  valueFen: Fen;
}

/**
 * Converts points to a discount at `pointsPerYuan` (points that make ¥1), in integers only.
 *
 * At most `requested` points are spent and at most `capFen` is paid. A point is worth
 * 100 / pointsPerYuan fen, a fraction whenever the rate does not divide 100, so money stays exact by
 * two roundings, both in the customer's favour or neutral:
 * - the value is whole fen, floor(points x 100 / rate): 100 points at 150 a yuan are worth 66 fen;
 * - only the fewest points worth that value are charged: 66 fen cost 99 points, the 100th stays in
 *   the balance. Points are never charged for a fraction of a fen the customer did not get.
 * Under the cap, the points spent are the most whose value fits it (at 50 a yuan a point is 2 fen, so
 * a 3-fen cap takes 1 point for 2 fen, not 2 points for 3). The pair is stable: converting the
 * charged points again gives the same pair, so `order.create` with the quote's `pointsUsed` lands on
 * the quote's discount.
 */
export function redeemPoints(q: { requested: number; pointsPerYuan: number; capFen: number }): PointsRedemption {
  const rate = q.pointsPerYuan;
  if (!Number.isSafeInteger(rate) || rate < 1) throw new RangeError(`not a redeem rate: ${rate}`);
  const requested = Math.max(0, Math.floor(q.requested));
  const capFen = Math.max(0, Math.floor(q.capFen));
  // The most points whose value is within the cap: floor(p x 100 / rate) <= cap <=> p x 100 < (cap + 1) x rate.
  const fitting = Math.floor(((capFen + 1) * rate - 1) / 100);
  const spendable = Math.min(requested, fitting);
  const valueFen = Math.floor((spendable * 100) / rate);
  // The fewest points worth valueFen; at most `spendable`, so floor(charged x 100 / rate) is valueFen again.
  const charged = Math.ceil((valueFen * rate) / 100);
  return { points: points(charged), valueFen: fen(valueFen) };
}
