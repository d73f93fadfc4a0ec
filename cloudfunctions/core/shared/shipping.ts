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

export interface FreeShippingProgress {
  thresholdFen: Fen;
  /** What express would cost for these goods now (0 once the threshold is reached). */
  shippingFen: Fen;
  /** How much more to reach free shipping; 0 when free. */
  remainingFen: Fen;
  /** `再买¥30包邮` / `已满¥99，免运费` / `全场包邮`. */
  text: string;
}

/** How far `goodsFen` is from free express shipping at a tier's threshold. */
export function freeShippingProgress(
  goodsFen: number,
  thresholdFen: number,
  feeFen: number = EXPRESS_FEE_FEN,
): FreeShippingProgress {
  if (thresholdFen <= 0) return { thresholdFen: fen(0), shippingFen: fen(0), remainingFen: fen(0), text: '全场包邮' };
  const remaining = Math.max(0, thresholdFen - goodsFen);
  return {
    thresholdFen: fen(thresholdFen),
    shippingFen: fen(remaining > 0 ? feeFen : 0),
    remainingFen: fen(remaining),
    text: remaining > 0 ? `再买${yuan(remaining)}包邮` : `已满${yuan(thresholdFen)}，免运费`,
  };
}
