import { fen, type Fen } from './money';

/**
 * A unit price at the member's tier: `percent` of the list price, rounded half up, never below 1 fen.
 * The one rule both the catalog (what cards and the product page show) and checkout (what is charged)
 * use, so the price a member sees is the price they pay.
 */
export function memberPrice(unit: Fen, percent: number): Fen {
  return fen(Math.max(1, Math.floor((unit * percent + 50) / 100)));
}

/**
 * What a member pays for one unit of a SKU: nothing off when their tier gives no member price
 * (`percent` 100); else the SKU's own 会员价 when the manager set one (it replaces the percentage on
 * that SKU, so a store can price a SKU for members by hand), else the tier's percentage. Never above
 * the list price.
 */
export function memberUnitPrice(unit: Fen, percent: number, skuMemberPriceFen: number | null): Fen {
  if (percent >= 100) return unit;
  if (skuMemberPriceFen !== null) return fen(Math.min(unit, skuMemberPriceFen));
  return memberPrice(unit, percent);
}
