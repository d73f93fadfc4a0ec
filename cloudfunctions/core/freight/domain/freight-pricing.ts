import { fen, type Fen } from '../../shared/money';
import { ruleFee, ruleFor, type FreightTemplate } from './freight-template';

/** A cart line as shipping sees it: its template (null: the store's flat rule), weight and payable goods. */
export interface FreightLine {
  skuId: string;
  title: string;
  qty: number;
  templateId: string | null;
  /** Per unit. */
  weightGrams: number;
  /** The line's goods after every discount. */
  payableFen: Fen;
}

export interface FreightInput {
  /** The address's province; null (no address yet) prices every template by its default rule. */
  province: string | null;
  lines: readonly FreightLine[];
  templates: ReadonlyMap<string, FreightTemplate>;
  /** The store's flat express fee, charged once for lines without a template. */
  flatFeeFen: Fen;
  /** The member tier's free-shipping threshold over the whole order's goods (0: everything ships free). */
  tierFreeOverFen: Fen;
}

/** One parcel of an order: the lines under one template (null: the flat fee), what they pay and when they ship free. */
export interface FreightParcel {
  templateId: string | null;
  feeFen: Fen;
  goodsFen: Fen;
  /** The rule's free-over for this province (null: never free by itself; the flat fee never is). */
  freeOverFen: Fen | null;
}

export type FreightQuote =
  | { ok: true; shippingFen: Fen; parcels: FreightParcel[] }
  | { ok: false; undeliverable: Array<{ skuId: string; title: string }> };

/**
 * Express shipping for one order. Lines under one template are one parcel (quantities or weights
 * summed, one first unit, the template's free-over against their goods); different templates are
 * charged separately and summed, as Youzan and likeshop do. Lines without a template pay the store's
 * flat fee once. The member tier's threshold is a benefit over the whole order: reaching it ships
 * everything free, template or not. A province a template does not deliver to refuses the order
 * whatever the tier: nothing can be sent there.
 */
export function priceFreight(input: FreightInput): FreightQuote {
  const groups = new Map<string | null, FreightLine[]>();
  for (const line of input.lines) {
    const known = line.templateId !== null && input.templates.has(line.templateId) ? line.templateId : null;
    groups.set(known, [...(groups.get(known) ?? []), line]);
  }
  const undeliverable: Array<{ skuId: string; title: string }> = [];
  const parcels: FreightParcel[] = [];
  for (const [templateId, lines] of groups) {
    const goods = fen(lines.reduce((n, l) => n + l.payableFen, 0));
    if (templateId === null) {
      parcels.push({ templateId, feeFen: input.flatFeeFen, goodsFen: goods, freeOverFen: null });
      continue;
    }
    const template = input.templates.get(templateId)!;
    const rule = input.province === null ? template.defaultRule : ruleFor(template, input.province);
    if (!rule) {
      undeliverable.push(...lines.map((l) => ({ skuId: l.skuId, title: l.title })));
      continue;
    }
    const amount = lines.reduce((n, l) => n + (template.chargeBy === 'count' ? l.qty : l.qty * l.weightGrams), 0);
    parcels.push({
      templateId,
      feeFen: fen(ruleFee(rule, amount, goods)),
      goodsFen: goods,
      freeOverFen: rule.freeOverFen,
    });
  }
  if (undeliverable.length > 0) return { ok: false, undeliverable };
  const goodsFen = input.lines.reduce((n, l) => n + l.payableFen, 0);
  const total = parcels.reduce((n, p) => n + p.feeFen, 0);
  return { ok: true, shippingFen: fen(goodsFen >= input.tierFreeOverFen ? 0 : total), parcels };
}
