import type { CouponTermsView } from '../../../../cloudfunctions/core/contract';
import { formatFen } from '../../../utils/money';

/** ¥30 / ¥19.9: yuan without trailing zeros (display only; the server computed the amount). */
export function yuanText(amountFen: number): string {
  return formatFen(amountFen).replace(/\.?0+$/, '');
}

/** The ticket's face: the big figure, its unit and the condition under it. */
export function couponFace(t: CouponTermsView): { figure: string; unit: '¥' | '折'; condition: string } {
  const threshold = t.thresholdFen ? `满${yuanText(t.thresholdFen)}可用` : '无门槛';
  if (t.kind === 'percent_off' && t.percentOff !== null) {
    // 15% off reads 8.5 折: a display of the percentage, not a money computation.
    const zhe = String((100 - t.percentOff) / 10);
    return { figure: zhe, unit: '折', condition: t.capFen ? `${threshold} · 最高减${yuanText(t.capFen)}` : threshold };
  }
  return { figure: yuanText(t.amountFen ?? 0), unit: '¥', condition: threshold };
}

export const KIND_TEXT: Record<CouponTermsView['kind'], string> = { full_reduction: '满减', percent_off: '折扣', no_threshold: '无门槛' };

export { untilText } from '../../../utils/until-text';
