import { fen, type Fen } from './money';

/** Express fee below the tier's free-shipping threshold (checkout charges it; the catalog and cart announce it). */
export const EXPRESS_FEE_FEN: Fen = fen(1_000);

/** `¥99` / `¥19.90`: whole yuan without decimals, else two. */
function yuan(amountFen: number): string {
  return amountFen % 100 === 0 ? `¥${amountFen / 100}` : `¥${(amountFen / 100).toFixed(2)}`;
}

/** The express rule in one line, e.g. `满¥99包邮，不满运费¥10`; a threshold of 0 ships everything free. */
export function shippingRuleText(thresholdFen: number, feeFen: number = EXPRESS_FEE_FEN): string {
  return thresholdFen <= 0 ? '全场包邮' : `满${yuan(thresholdFen)}包邮，不满运费${yuan(feeFen)}`;
}
