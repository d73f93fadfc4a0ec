import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../db/db';

/** A fresh row id with a readable prefix (`p_…`, `sku_…`, `c_…`). */
export function newCatalogId(prefix: 'p' | 'sku' | 'c'): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

/** The product's row as the editor sees it: any status, never a deleted one. */
export function findEditableProduct(exec: Executor, storeId: string, productId: string) {
  return exec
    .selectFrom('products')
    .selectAll()
    .where('id', '=', productId)
    .where('store_id', '=', storeId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Every SKU of a product, inactive ones too (a spec that comes back reuses its row). */
export function findAllSkus(exec: Executor, productId: string) {
  return exec
    .selectFrom('skus')
    .selectAll()
    .where('product_id', '=', productId)
    .orderBy('sort')
    .orderBy('id')
    .execute();
}

export function categoryInStore(exec: Executor, storeId: string, categoryId: string) {
  return exec
    .selectFrom('categories')
    .select('id')
    .where('id', '=', categoryId)
    .where('store_id', '=', storeId)
    .executeTakeFirst();
}

export interface ProductFields {
  category_id: string;
  title: string;
  subtitle: string;
  tags: string[];
  images: string[];
  detail: unknown[];
  fulfilment: Array<'express' | 'pickup'>;
  repurchase_cycle_days: number;
  on_shelf_at: Date | null;
  off_shelf_at: Date | null;
  freight_template_id: string | null;
}

function columns(f: ProductFields) {
  return { ...f, images: JSON.stringify(f.images), detail: JSON.stringify(f.detail) };
}

export async function insertProduct(
  tx: Executor,
  p: ProductFields & { id: string; store_id: string; status: 'on_sale' | 'off_shelf'; now: Date },
): Promise<void> {
  const { id, store_id, status, now, ...fields } = p;
  await tx
    .insertInto('products')
    .values({
      id,
      store_id,
      status,
      ...columns(fields),
      art: null,
      // First in the store's order: a new listing heads 分类 and the manager's list, where it is looked for.
      sort: sql<number>`(select coalesce(min(sort), 0) - 1 from products where store_id = ${store_id})`,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/**
 * Optimistic concurrency: the row changes only if it is still at the version the editor loaded, and
 * moves to the next one. False: someone saved (or the product was deleted) in between.
 */
export async function updateProductAtVersion(
  tx: Executor,
  q: { storeId: string; productId: string; version: number; status?: 'on_sale' | 'off_shelf'; now: Date },
  fields: ProductFields,
): Promise<boolean> {
  const rows = await tx
    .updateTable('products')
    .set((eb) => ({
      ...columns(fields),
      ...(q.status ? { status: q.status } : {}),
      version: eb('version', '+', 1),
      updated_at: q.now,
    }))
    .where('id', '=', q.productId)
    .where('store_id', '=', q.storeId)
    .where('version', '=', q.version)
    .where('deleted_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length === 1;
}

/** Any change made outside the editor (status, a price) moves the version, so an open editor cannot overwrite it. */
export async function bumpProductVersion(tx: Executor, productId: string, now: Date): Promise<void> {
  await tx
    .updateTable('products')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', productId)
    .execute();
}

export interface SkuFields {
  specs: Record<string, string>;
  price_fen: number;
  original_price_fen: number | null;
  member_price_fen: number | null;
  weight_grams: number;
  barcode: string;
  image: string | null;
  sort: number;
}

function skuColumns(f: SkuFields) {
  return { ...f, specs: JSON.stringify(f.specs) };
}

/** A new SKU; its initial stock is recorded by the baseline trigger. */
export async function insertSku(tx: Executor, s: SkuFields & { id: string; product_id: string; stock: number }) {
  const { id, product_id, stock, ...fields } = s;
  await tx
    .insertInto('skus')
    .values({ id, product_id, stock, ...skuColumns(fields), active: true })
    .execute();
}

/** Everything but stock (stock only moves by compare-and-set, `setSkuStock`). */
export async function updateSkuFields(tx: Executor, skuId: string, f: SkuFields): Promise<void> {
  await tx
    .updateTable('skus')
    .set({ ...skuColumns(f), active: true })
    .where('id', '=', skuId)
    .execute();
}

/** SKUs the new matrix left out: inactive, never deleted (order lines and the stock ledger point at them). */
export async function deactivateSkusExcept(tx: Executor, productId: string, keep: readonly string[]): Promise<void> {
  let q = tx.updateTable('skus').set({ active: false }).where('product_id', '=', productId).where('active', '=', true);
  if (keep.length) q = q.where('id', 'not in', keep);
  await q.execute();
}

export async function softDeleteProduct(
  tx: Executor,
  q: { storeId: string; productId: string; now: Date },
): Promise<boolean> {
  const rows = await tx
    .updateTable('products')
    .set((eb) => ({ deleted_at: q.now, status: 'off_shelf', version: eb('version', '+', 1), updated_at: q.now }))
    .where('id', '=', q.productId)
    .where('store_id', '=', q.storeId)
    .where('deleted_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length === 1;
}
