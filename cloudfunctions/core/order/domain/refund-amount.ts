/** What a refund of chosen lines returns: one rule for the refund itself and for the quote shown before it. */

interface RefundableLine {
  id: string;
  refund_id: string | null;
  payable_fen: number;
}

export interface RefundChoice<L extends RefundableLine> {
  chosen: L[];
  /** Every line not yet refunded is chosen. */
  whole: boolean;
  shippingFen: number;
  amountFen: number;
}

/**
 * The lines still open among `lineIds` (none named: all open lines) and what they return: their
 * payable (split by largest remainder at checkout, so parts add up to what was paid), plus shipping
 * when the refund takes the whole remainder before the goods left. Null when a named line is not
 * open (already refunded, or not the order's) or nothing is chosen.
 */
export function refundChoice<L extends RefundableLine>(
  order: { status: string; shipping_fen: number },
  lines: readonly L[],
  lineIds: readonly string[] | undefined,
): RefundChoice<L> | null {
  const open = lines.filter((l) => l.refund_id === null);
  const chosen = lineIds ? open.filter((l) => lineIds.includes(l.id)) : open;
  if (chosen.length === 0 || (lineIds && chosen.length !== new Set(lineIds).size)) return null;
  const whole = chosen.length === open.length;
  const notShipped = order.status === 'paid' || order.status === 'grouping' || order.status === 'ready_for_pickup';
  const shippingFen = whole && notShipped ? order.shipping_fen : 0;
  return { chosen, whole, shippingFen, amountFen: chosen.reduce((sum, l) => sum + l.payable_fen, 0) + shippingFen };
}
