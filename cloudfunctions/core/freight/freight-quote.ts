import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import type { Fen } from '../shared/money';
import { priceFreight } from './domain/freight-pricing';
import type { FreightTemplate } from './domain/freight-template';
import { shopperShippingText } from './domain/freight-text';
import { loadTemplates } from './freight-book';
import { productTemplateIds } from './repo/freight.repo';

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

/**
 * Express shipping for priced lines to a province (null: no address yet, default rules). A province
 * some lines cannot go to is ADDRESS_UNDELIVERABLE naming those lines, before anything is written.
 */
export function shippingFor(
  book: FreightBook,
  o: {
    province: string | null;
    lines: ReadonlyArray<{ skuId: string; title: string; qty: number; payableFen: Fen }>;
    flatFeeFen: Fen;
    tierFreeOverFen: Fen;
  },
): Result<Fen> {
  const quote = priceFreight({
    province: o.province,
    templates: book.templates,
    flatFeeFen: o.flatFeeFen,
    tierFreeOverFen: o.tierFreeOverFen,
    lines: o.lines.map((l) => ({
      ...l,
      templateId: book.bySku.get(l.skuId)?.templateId ?? null,
      weightGrams: book.bySku.get(l.skuId)?.weightGrams ?? 0,
    })),
  });
  if (quote.ok) return ok(quote.shippingFen);
  const titles = [...new Set(quote.undeliverable.map((l) => l.title))].join('、');
  return fail('ADDRESS_UNDELIVERABLE', `${titles}不支持配送到${o.province}，请更换收货地址或移除这些商品`, {
    province: o.province,
    skuIds: quote.undeliverable.map((l) => l.skuId),
  });
}

/**
 * The shipping line a product or group-buy page shows for products under a template, keyed by
 * product; a product without one is absent (the caller keeps the store's flat rule text). A tier that
 * ships everything free says so instead.
 */
export async function templateShippingTexts(
  exec: Executor,
  storeId: string,
  productIds: readonly string[],
  tierFreeOverFen: number,
): Promise<Map<string, string>> {
  const rows = (await productTemplateIds(exec, storeId, productIds)).filter((r) => r.freight_template_id);
  if (rows.length === 0) return new Map();
  const templates = await loadTemplates(
    exec,
    storeId,
    rows.map((r) => r.freight_template_id!),
  );
  const texts = new Map<string, string>();
  for (const r of rows) {
    const t = templates.get(r.freight_template_id!);
    if (!t) continue;
    texts.set(r.id, shopperShippingText(t, tierFreeOverFen));
  }
  return texts;
}
