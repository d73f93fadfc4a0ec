import type { SeedProduct, SeedSku } from './seed.types';

export const BOTH: Array<'express' | 'pickup'> = ['express', 'pickup'];
export const EXPRESS_ONLY: Array<'express' | 'pickup'> = ['express'];
export const PICKUP_ONLY: Array<'express' | 'pickup'> = ['pickup'];

type ProductInput = Omit<SeedProduct, 'id' | 'skus' | 'sort'> & {
  slug: string;
  skus: Array<Omit<SeedSku, 'id'>>;
};

/** Builds a product, deriving its id and SKU ids from the slug (the store assigns the sort order). */
export function product(input: ProductInput): Omit<SeedProduct, 'sort'> {
  const { slug, skus, ...rest } = input;
  return { id: `p-${slug}`, ...rest, skus: skus.map((sku, i) => ({ id: `sku-${slug}-${i + 1}`, ...sku })) };
}

/** A single default SKU. */
export function standard(priceFen: number, stock: number, originalPriceFen?: number): Array<Omit<SeedSku, 'id'>> {
  return [{ specs: { 规格: '标准装' }, priceFen, stock, ...(originalPriceFen ? { originalPriceFen } : {}) }];
}
