import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema';
import type { Executor } from '../../db/db';

export interface ProductSummaryRow {
  id: string;
  title: string;
  subtitle: string;
  image: string | null;
  category_id: string;
  tags: string[];
  /** The value the list is ordered by (the keyset cursor carries it): sort, sales, price or creation time. */
  sort_key: number;
  price_fen: number;
  original_price_fen: number | null;
  /** Distinct prices among the active SKUs: more than one makes the card say 起. */
  price_count: number;
  /** Each distinct `[list price, SKU 会员价 or null]` among the active SKUs: the card's member price is the lowest. */
  prices: Array<[number, number | null]>;
  stock: number;
}

/** 综合 (the store's order), 销量, 价格 up or down, 新品. */
export type ProductSort = 'default' | 'sales' | 'price_asc' | 'price_desc' | 'new';

export interface ProductFilter {
  storeId: string;
  categoryId?: string;
  keyword?: string;
  featuredOnly?: boolean;
  /** Only these products (a home section's chosen ones). */
  ids?: readonly string[];
  sort?: ProductSort;
  /** Keyset position: rows strictly after (sort key, id) in the list's order. */
  after?: { sort: number; id: string };
  limit: number;
}

/**
 * Units sold per product, from the stock ledger: initial stock plus the manager's edits minus what is
 * left (the stock invariant), so no order table is read and returned goods count back.
 */
const SOLD = sql`(select coalesce(sum(coalesce(b.initial_stock, s.stock) + coalesce(a.delta, 0) - s.stock), 0)::int
     from skus s
     left join sku_stock_baselines b on b.sku_id = s.id
     left join (select sku_id, sum(delta)::int as delta from sku_stock_adjustments group by sku_id) a on a.sku_id = s.id
    where s.product_id = p.id)`;

const SORT_KEYS: Record<ProductSort, { key: RawBuilder<unknown>; desc: boolean }> = {
  default: { key: sql`p.sort`, desc: false },
  sales: { key: SOLD, desc: true },
  price_asc: { key: sql`cheapest.price_fen`, desc: false },
  price_desc: { key: sql`cheapest.price_fen`, desc: true },
  // Milliseconds fit a double exactly, and the cursor keeps them as a safe integer.
  new: { key: sql`floor(extract(epoch from p.created_at) * 1000)::float8`, desc: true },
};

/**
 * On sale right now: on the shelf, not deleted, inside its shelf schedule. Read at query time, so a
 * scheduled product appears and leaves on the minute with no timer flipping its status.
 */
const LIVE = sql<boolean>`(p.status = 'on_sale' and p.deleted_at is null
  and (p.on_shelf_at is null or p.on_shelf_at <= now()) and (p.off_shelf_at is null or p.off_shelf_at > now()))`;

/** Escapes LIKE wildcards so a customer's `%` or `_` matches itself. */
function likePattern(keyword: string): string {
  return `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Products on sale with their cheapest active SKU and total stock, keyset-paged by (sort key, id). */
export async function findProductSummaries(exec: Executor, f: ProductFilter): Promise<ProductSummaryRow[]> {
  const conditions: RawBuilder<unknown>[] = [
    sql`p.store_id = ${f.storeId}`,
    LIVE,
    // A hidden category takes its products out of every list with it.
    sql`exists (select 1 from categories c where c.id = p.category_id and c.active)`,
  ];
  if (f.categoryId) conditions.push(sql`p.category_id = ${f.categoryId}`);
  if (f.featuredOnly) conditions.push(sql`p.featured`);
  if (f.ids) conditions.push(sql`p.id = any(${[...f.ids]}::text[])`);
  if (f.keyword) {
    const pattern = likePattern(f.keyword);
    conditions.push(
      sql`(p.title ilike ${pattern} or p.subtitle ilike ${pattern} or p.tags @> array[${f.keyword}]::text[])`,
    );
  }
  const { desc } = SORT_KEYS[f.sort ?? 'default'];
  const after = f.after
    ? desc
      ? sql`where (q.sort_key, q.id) < (${f.after.sort}, ${f.after.id})`
      : sql`where (q.sort_key, q.id) > (${f.after.sort}, ${f.after.id})`
    : sql``;
  const order = desc ? sql`q.sort_key desc, q.id desc` : sql`q.sort_key, q.id`;
  const { rows } = await sql<ProductSummaryRow>`
    select * from (
      select p.id, p.title, p.subtitle, p.images->>0 as image, p.category_id, p.tags,
             ${SORT_KEYS[f.sort ?? 'default'].key} as sort_key,
             cheapest.price_fen, cheapest.original_price_fen, totals.stock, totals.price_count, totals.prices
        from products p
        join lateral (
          select s.price_fen, s.original_price_fen from skus s
           where s.product_id = p.id and s.active
           order by s.price_fen, s.sort limit 1
        ) cheapest on true
        join lateral (
          select coalesce(sum(s.stock), 0)::int as stock, count(distinct s.price_fen)::int as price_count,
                 jsonb_agg(distinct jsonb_build_array(s.price_fen, s.member_price_fen)) as prices
            from skus s where s.product_id = p.id and s.active
        ) totals on true
       where ${sql.join(conditions, sql` and `)}
    ) q
    ${after}
    order by ${order}
    limit ${f.limit}`.execute(exec);
  return rows;
}

/** Titles of the best sellers on sale, for 热搜. */
export async function findBestSellerTitles(exec: Executor, storeId: string, limit: number): Promise<string[]> {
  const { rows } = await sql<{ title: string }>`
    select p.title from products p
     where p.store_id = ${storeId} and ${LIVE}
     order by ${SOLD} desc, p.sort, p.id
     limit ${limit}`.execute(exec);
  return rows.map((r) => r.title);
}

export async function findProduct(exec: Executor, storeId: string, productId: string) {
  return exec
    .selectFrom('products as p')
    .selectAll()
    .where('p.id', '=', productId)
    .where('p.store_id', '=', storeId)
    .where(LIVE)
    .executeTakeFirst();
}

export async function findSkusOfProduct(exec: Executor, productId: string) {
  return exec
    .selectFrom('skus')
    .selectAll()
    .where('product_id', '=', productId)
    .where('active', '=', true)
    .orderBy('sort')
    .orderBy('id')
    .execute();
}

/**
 * SKUs with their product, for pricing a cart or an order; includes inactive ones so the caller can
 * say "gone" instead of silently dropping them.
 */
export async function findSkusWithProduct(exec: Executor, storeId: string, skuIds: readonly string[]) {
  if (skuIds.length === 0) return [];
  return exec
    .selectFrom('skus as s')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .select([
      's.id as sku_id',
      's.specs',
      's.price_fen',
      's.member_price_fen',
      's.stock',
      's.active',
      'p.id as product_id',
      'p.category_id',
      'p.title',
      'p.images',
      // Deleted or outside its shelf schedule counts as off the shelf: the cart says so, checkout refuses it.
      sql<'on_sale' | 'off_shelf'>`case when ${LIVE} then 'on_sale' else 'off_shelf' end`.as('status'),
      'p.fulfilment',
      // what express pricing needs (freight templates): read here so checkout adds no statement.
      's.weight_grams',
      'p.freight_template_id',
    ])
    .where('p.store_id', '=', storeId)
    .where('s.id', 'in', skuIds)
    .execute();
}

export async function findCategories(exec: Executor, storeId: string) {
  return exec
    .selectFrom('categories')
    .select(['id', 'name', 'icon'])
    .where('store_id', '=', storeId)
    .where('active', '=', true)
    .orderBy('sort')
    .orderBy('id')
    .execute();
}

/**
 * A banner shows at `now` when it is switched on, started (or has no start) and not yet ended (or has
 * no end): the rule `bannerState` calls live, as SQL. The home page and the store share cover both use it.
 */
function showingAt(eb: ExpressionBuilder<Database, 'banners'>, now: Date) {
  return eb.and([
    eb('active', '=', true),
    eb.or([eb('starts_at', 'is', null), eb('starts_at', '<=', now)]),
    eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]),
  ]);
}

/** The banners showing at `now`: switched on, started and not ended (a schedule is honoured when read). */
export async function findBanners(exec: Executor, storeId: string, now: Date) {
  return exec
    .selectFrom('banners')
    .select(['id', 'title', 'subtitle', 'image', 'link', 'link_kind', 'link_id'])
    .where('store_id', '=', storeId)
    .where((eb) => showingAt(eb, now))
    .orderBy('sort')
    .orderBy('id')
    .execute();
}

/** The `art` of a catalog row, for rendering its image. */
export async function findArt(exec: Executor, table: 'products' | 'categories' | 'banners', id: string) {
  const row = await exec.selectFrom(table).select(['art']).where('id', '=', id).executeTakeFirst();
  return row?.art ?? null;
}

export async function findBannerText(exec: Executor, id: string) {
  return exec.selectFrom('banners').select(['title', 'subtitle', 'art']).where('id', '=', id).executeTakeFirst();
}

/** Every catalog row that has `art`, for rendering all its images at once (deploy:media). */
export async function findArtRows(exec: Executor, storeId: string) {
  const [products, categories, banners] = await Promise.all([
    exec.selectFrom('products').select(['id', 'title', 'subtitle', 'art']).where('store_id', '=', storeId).execute(),
    exec.selectFrom('categories').select(['id', 'art']).where('store_id', '=', storeId).execute(),
    exec
      .selectFrom('banners')
      .select(['id', 'title', 'subtitle', 'art', 'image', 'sort'])
      .where('store_id', '=', storeId)
      .orderBy('sort')
      .orderBy('id')
      .execute(),
  ]);
  return { products, categories, banners };
}

/**
 * The banner the store share cover is drawn from: the first in the carousel's order that shows at `now`
 * and has drawn art (an uploaded picture has nothing to redraw at 5:4). A banner switched off, not yet
 * started or already ended never becomes the cover, just as it is not on the home page.
 */
export async function findShareCoverBanner(exec: Executor, storeId: string, now: Date) {
  return exec
    .selectFrom('banners')
    .select(['id', 'title', 'subtitle', 'art'])
    .where('store_id', '=', storeId)
    .where((eb) => showingAt(eb, now))
    .where('art', 'is not', null)
    .orderBy('sort')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/** A product's title, subtitle and art, for its share cover. */
export async function findProductArt(exec: Executor, id: string) {
  return exec
    .selectFrom('products')
    .select(['title', 'subtitle', 'art', 'store_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}
