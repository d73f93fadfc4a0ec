/** One order line as the goods description needs it. */
interface DescribedLine {
  title: string;
  qty: number;
  /** A line already refunded was not sent. */
  refunded: boolean;
}

/**
 * What was bought, in the words WeChat shows the customer in its shipping message:
 * "山茶花洁面乳 x2，玫瑰精华 x1". Lines of the same product (other specs) are counted together, in
 * the order they were bought; refunded lines are left out unless nothing else is left. The text is
 * not shortened here: the shipping port fits it to WeChat's limit.
 */
export function describeGoods(lines: readonly DescribedLine[]): string {
  const kept = lines.some((l) => !l.refunded) ? lines.filter((l) => !l.refunded) : lines;
  const qtyByTitle = new Map<string, number>();
  for (const line of kept) {
    const title = line.title.trim();
    qtyByTitle.set(title, (qtyByTitle.get(title) ?? 0) + line.qty);
  }
  return [...qtyByTitle].map(([title, qty]) => `${title} x${qty}`).join('，');
}
