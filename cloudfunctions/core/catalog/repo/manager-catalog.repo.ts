import { sql } from 'kysely';
import type { Executor } from '../../db/db';
import type { ListPosition } from '../domain/cursor';

/**
 * The manager's product list: every product of the store, on sale or not, with its active SKUs,
 * keyset-paged by (sort, id) so a product added or re-sorted meanwhile is neither skipped nor repeated.
 */
export async function managerProductsPage(
  exec: Executor,
  q: { storeId: string; keyword?: string; status?: 'on_sale' | 'off_shelf'; after?: ListPosition; limit: number },
) {
  let products = exec
    .selectFrom('products')
    .select(['id', 'title', 'status', 'sort', 'images', 'on_shelf_at', 'off_shelf_at'])
    .where('store_id', '=', q.storeId)
    .where('deleted_at', 'is', null);
  if (q.status) products = products.where('status', '=', q.status);
  if (q.keyword) products = products.where('title', 'like', `%${q.keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const after = q.after;
  if (after) products = products.where((eb) => eb(eb.refTuple('sort', 'id'), '>', eb.tuple(after.sort, after.id)));
  const rows = await products.orderBy('sort').orderBy('id').limit(q.limit).execute();
  const skus = rows.length
    ? await exec
        .selectFrom('skus')
        .select(['id', 'product_id', 'specs', 'price_fen', 'stock', 'original_price_fen'])
        .where(
          'product_id',
          'in',
          rows.map((r) => r.id),
        )
        .where('active', '=', true)
        .orderBy('sort')
        .orderBy('id')
        .execute()
    : [];
  return rows.map((p) => ({ ...p, skus: skus.filter((s) => s.product_id === p.id) }));
}

export function findStoreSku(exec: Executor, storeId: string, skuId: string) {
  return exec
    .selectFrom('skus as s')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .select(['s.id', 's.product_id', 's.specs', 's.price_fen', 's.stock', 's.original_price_fen'])
    .where('s.id', '=', skuId)
    .where('p.store_id', '=', storeId)
    .where('p.deleted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Compare-and-set: the stock changes only if it is still what the manager saw. The change is appended
 * to sku_stock_adjustments in the same statement (the stock invariant's "initial" is the
 * SKU's baseline plus these), so an edit can never land without its record, transaction or not.
 */
export async function setSkuStock(
  tx: Executor,
  q: { skuId: string; from: number; to: number; by: string; now: Date },
): Promise<boolean> {
  if (q.from === q.to) {
    const same = await tx
      .selectFrom('skus')
      .select('id')
      .where('id', '=', q.skuId)
      .where('stock', '=', q.from)
      .execute();
    return same.length === 1;
  }
  const { rows } = await sql<{ id: string }>`
    with changed as (
      update skus set stock = ${q.to} where id = ${q.skuId} and stock = ${q.from} returning id
    )
    insert into sku_stock_adjustments (sku_id, delta, stock_from, stock_to, adjusted_by, created_at)
    select id, ${q.to - q.from}::int, ${q.from}::int, ${q.to}::int, ${q.by}, ${q.now} from changed
    returning sku_id as id`.execute(tx);
  return rows.length === 1;
}

/**
 * A new price; the strike-through price is dropped when it would no longer be above it, and the SKU's
 * 会员价 when it would be above it (the tier's percentage applies again).
 */
export async function setSkuPrice(tx: Executor, q: { skuId: string; priceFen: number }): Promise<void> {
  await tx
    .updateTable('skus')
    .set((eb) => ({
      price_fen: q.priceFen,
      original_price_fen: eb
        .case()
        .when('original_price_fen', '>', q.priceFen)
        .then(eb.ref('original_price_fen'))
        .else(null)
        .end(),
      member_price_fen: eb
        .case()
        .when('member_price_fen', '<=', q.priceFen)
        .then(eb.ref('member_price_fen'))
        .else(null)
        .end(),
    }))
    .where('id', '=', q.skuId)
    .execute();
}

export async function setProductStatus(
  tx: Executor,
  q: { storeId: string; productId: string; status: 'on_sale' | 'off_shelf'; now: Date },
): Promise<boolean> {
  const rows = await tx
    .updateTable('products')
    // The version moves too: an editor still open on the old status must reload before saving over it.
    .set((eb) => ({ status: q.status, updated_at: q.now, version: eb('version', '+', 1) }))
    .where('id', '=', q.productId)
    .where('store_id', '=', q.storeId)
    .where('deleted_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length === 1;
}
