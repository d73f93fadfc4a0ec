import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import type { Fen } from '../shared/money';
import { cartShippingLine, type CartShippingLine } from './domain/cart-shipping';
import { priceFreight, type FreightLine } from './domain/freight-pricing';
import type { FreightTemplate } from './domain/freight-template';
import { shopperShippingText, unitShippingText } from './domain/freight-text';
import { loadTemplates, PROVINCES } from './freight-book';

/** What shipping knows of a cart's SKUs, read once and priced as often as checkout needs. */
export interface FreightBook {
  bySku: ReadonlyMap<string, { templateId: string | null; weightGrams: number }>;
  templates: ReadonlyMap<string, FreightTemplate>;
}

/**
 * The book for a cart from its SKU rows (the catalog's read carries weight and template), reading
 * templates only when some SKU has one: a cart without templates costs no statement.
 */
export async function loadFreightBook(
  exec: Executor,
  storeId: string,
  rows: ReadonlyArray<{ sku_id: string; weight_grams: number; freight_template_id: string | null }>,
): Promise<FreightBook> {
  const bySku = new Map(
    rows.map((r) => [r.sku_id, { templateId: r.freight_template_id, weightGrams: r.weight_grams }] as const),
  );
  const ids = rows.flatMap((r) => (r.freight_template_id ? [r.freight_template_id] : []));
  return { bySku, templates: ids.length ? await loadTemplates(exec, storeId, ids) : new Map() };
}

type PricedLine = { skuId: string; title: string; qty: number; payableFen: Fen };

/** Priced lines as shipping sees them: each with its SKU's template and weight from the book. */
function freightLines(book: FreightBook, lines: ReadonlyArray<PricedLine>): FreightLine[] {
  return lines.map((l) => ({
    ...l,
    templateId: book.bySku.get(l.skuId)?.templateId ?? null,
    weightGrams: book.bySku.get(l.skuId)?.weightGrams ?? 0,
  }));
}

/**
 * Express shipping for priced lines to a province (null: no address yet, default rules). A province
 * some lines cannot go to is ADDRESS_UNDELIVERABLE naming those lines, before anything is written.
 */
export function shippingFor(
  book: FreightBook,
  o: {
    province: string | null;
    lines: ReadonlyArray<PricedLine>;
    flatFeeFen: Fen;
    tierFreeOverFen: Fen;
  },
): Result<Fen> {
  const quote = priceFreight({
    province: o.province,
    templates: book.templates,
    flatFeeFen: o.flatFeeFen,
    tierFreeOverFen: o.tierFreeOverFen,
    lines: freightLines(book, o.lines),
  });
  if (quote.ok) return ok(quote.shippingFen);
  const titles = [...new Set(quote.undeliverable.map((l) => l.title))].join('、');
  return fail('ADDRESS_UNDELIVERABLE', `${titles}不支持配送到${o.province}，请更换收货地址或移除这些商品`, {
    province: o.province,
    skuIds: quote.undeliverable.map((l) => l.skuId),
  });
}

/**
 * The cart's shipping line for its ticked lines (member-priced goods), by the same rule checkout
 * charges: to the province of the member's default address, or over every province without one.
 */
export function cartShippingFor(
  book: FreightBook,
  o: { province: string | null; lines: ReadonlyArray<PricedLine>; flatFeeFen: Fen; tierFreeOverFen: Fen },
): CartShippingLine {
  return cartShippingLine(
    {
      templates: book.templates,
      flatFeeFen: o.flatFeeFen,
      tierFreeOverFen: o.tierFreeOverFen,
      lines: freightLines(book, o.lines),
    },
    { province: o.province, provinces: PROVINCES },
  );
}

/**
 * The shipping line a product page shows for a product under a template (null: none, the caller keeps
 * the store's flat rule text). One statement, only for a product that has a template.
 */
export async function productShippingText(
  exec: Executor,
  storeId: string,
  templateId: string | null,
  tierFreeOverFen: number,
): Promise<string | null> {
  if (!templateId) return null;
  const t = (await loadTemplates(exec, storeId, [templateId])).get(templateId);
  return t ? shopperShippingText(t, tierFreeOverFen) : null;
}

/** The shipping line for one unit (a 拼团 seat at its group price), template or flat fee. */
export async function unitShippingLine(
  exec: Executor,
  storeId: string,
  o: { templateId: string | null; weightGrams: number; goodsFen: number; flatFeeFen: number; tierFreeOverFen: number },
): Promise<string> {
  const t = o.templateId ? ((await loadTemplates(exec, storeId, [o.templateId])).get(o.templateId) ?? null) : null;
  return unitShippingText(t, { ...o, amount: o.weightGrams });
}
