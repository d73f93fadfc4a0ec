import type { ProductDetail, Sku } from '../../../../api';

/** Spec name -> chosen value. */
export type Selection = Record<string, string>;

function matches(sku: Sku, sel: Selection, skip?: string): boolean {
  return Object.entries(sel).every(([name, value]) => name === skip || sku.specs[name] === value);
}

/** The SKU the selection names, once every spec group has a value. */
export function findSku(product: ProductDetail, sel: Selection): Sku | undefined {
  if (product.specGroups.some((g) => !sel[g.name])) return undefined;
  return product.skus.find((s) => matches(s, sel));
}

/** Starts from the first SKU in stock (or the first SKU when all are sold out). */
export function defaultSelection(product: ProductDetail): Selection {
  const sku = product.skus.find((s) => s.stock > 0) ?? product.skus[0];
  if (!sku) return {};
  const sel: Selection = {};
  for (const g of product.specGroups) if (sku.specs[g.name]) sel[g.name] = sku.specs[g.name];
  return sel;
}

/** A value is selectable when some SKU with it, and with the other chosen values, has stock. */
export function isValueInStock(product: ProductDetail, sel: Selection, name: string, value: string): boolean {
  return product.skus.some((s) => s.stock > 0 && s.specs[name] === value && matches(s, sel, name));
}

export function specsText(sel: Selection, product: ProductDetail): string {
  return product.specGroups
    .map((g) => sel[g.name])
    .filter(Boolean)
    .join(' / ');
}
