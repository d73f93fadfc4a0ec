import type { Fen } from '../../cloudfunctions/core/contract';

/**
 * Formats integer fen as a yuan string ("12800" -> "128.00") with integer string operations only:
 * the client displays amounts the server computed and never does money arithmetic.
 */
export function formatFen(amount: Fen | number): string {
  const digits = String(Math.trunc(Math.abs(amount))).padStart(3, '0');
  const sign = amount < 0 ? '-' : '';
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
