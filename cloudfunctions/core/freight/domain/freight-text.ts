import { ruleFee, type FreightRule, type FreightTemplate } from './freight-template';

/** `¥99` / `¥19.90`: whole yuan without decimals, else two. */
export function yuanText(amountFen: number): string {
  return amountFen % 100 === 0 ? `¥${amountFen / 100}` : `¥${(amountFen / 100).toFixed(2)}`;
}

function unitText(t: Pick<FreightTemplate, 'chargeBy'>, amount: number): string {
  if (t.chargeBy === 'count') return `${amount}件`;
  return amount % 1000 === 0 ? `${amount / 1000}kg` : `${amount}g`;
}

/** One rule in a line: `首1件¥10，续1件¥5，满¥99包邮` / `包邮`. */
function ruleText(t: Pick<FreightTemplate, 'chargeBy'>, r: FreightRule): string {
  if (r.firstFeeFen === 0 && r.additionalFeeFen === 0) return '包邮';
  const parts = [`首${unitText(t, r.firstUnit)}${yuanText(r.firstFeeFen)}`];
  if (r.additionalFeeFen > 0) parts.push(`续${unitText(t, r.additionalUnit)}${yuanText(r.additionalFeeFen)}`);
  if (r.freeOverFen !== null) parts.push(`满${yuanText(r.freeOverFen)}包邮`);
  return parts.join('，');
}

/** The manager list's one-line summary: `按件 · 默认 首1件¥10 · 2个地区 · 3省不配送`. */
export function templateSummary(t: FreightTemplate): string {
  const parts = [t.chargeBy === 'count' ? '按件' : '按重量', `默认 ${ruleText(t, t.defaultRule)}`];
  if (t.regions.length > 0) parts.push(`${t.regions.length}个地区`);
  if (t.undeliverable.length > 0) parts.push(`${t.undeliverable.length}省不配送`);
  return parts.join(' · ');
}

/**
 * What a shopper is told before checkout about a product under this template, without an address:
 * `运费¥10，满¥99包邮` when every region charges alike, `按地区计运费，¥8起` when they differ, `包邮`
 * when nothing is charged anywhere. The member tier's threshold (a benefit over the whole order) is
 * the free-over when it is lower than the template's; a tier that ships everything free is `全场包邮`.
 */
export function shopperShippingText(t: FreightTemplate, tierFreeOverFen: number | null = null): string {
  const rules = [t.defaultRule, ...t.regions];
  const fees = rules.map((r) => ruleFee(r, 0, 0));
  const lowest = Math.min(...fees);
  const notTo = t.undeliverable.length ? `（${t.undeliverable.length}省不配送）` : '';
  if (tierFreeOverFen !== null && tierFreeOverFen <= 0) return `全场包邮${notTo}`;
  if (fees.every((f) => f === 0)) return `包邮${notTo}`;
  const same = rules.every((r) => ruleText(t, r) === ruleText(t, t.defaultRule));
  const freeOvers = [same ? t.defaultRule.freeOverFen : null, tierFreeOverFen].filter(
    (v): v is NonNullable<typeof v> => v !== null,
  );
  const freeOver = freeOvers.length ? `，满${yuanText(Math.min(...freeOvers))}包邮` : '';
  return `${same ? `运费${yuanText(lowest)}` : `按地区计运费，${yuanText(lowest)}起`}${freeOver}${notTo}`;
}

/**
 * The shipping line for one unit of goods at `goodsFen` (a 拼团 seat): `运费¥10` / `按地区计运费，¥8起` /
 * `包邮`, `amount` being the unit's pieces (1) or grams. No template: the store's flat fee. The tier's
 * threshold and the template's free-over are applied to this unit's price, as checkout will.
 */
export function unitShippingText(
  t: FreightTemplate | null,
  o: { amount: number; goodsFen: number; flatFeeFen: number; tierFreeOverFen: number },
): string {
  if (o.goodsFen >= o.tierFreeOverFen) return '包邮';
  if (!t) return `运费${yuanText(o.flatFeeFen)}`;
  const amount = t.chargeBy === 'count' ? 1 : o.amount;
  const fees = [t.defaultRule, ...t.regions].map((r) => ruleFee(r, amount, o.goodsFen));
  const lowest = Math.min(...fees);
  const notTo = t.undeliverable.length ? `（${t.undeliverable.length}省不配送）` : '';
  if (fees.every((f) => f === 0)) return `包邮${notTo}`;
  if (fees.every((f) => f === lowest)) return `运费${yuanText(lowest)}${notTo}`;
  return `按地区计运费，${yuanText(lowest)}起${notTo}`;
}
