import { fen, type Fen } from './money';

/**
 * A unit price at the member's tier: `percent` of the list price, rounded half up, never below 1 fen.
 * The one rule both the catalog (what cards and the product page show) and checkout (what is charged)
 * use, so the price a member sees is the price they pay.
 */
export function memberPrice(unit: Fen, percent: number): Fen {
  return fen(Math.max(1, Math.floor((unit * percent + 50) / 100)));
}
