import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../db/db';

const BANNER_COLUMNS = [
  'id',
  'title',
  'subtitle',
  'image',
  'art',
  'link',
  'link_kind',
  'link_id',
  'starts_at',
  'ends_at',
  'active',
  'sort',
] as const;

export const newHomeId = (prefix: 'b' | 'hs') => `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 20)}`;

/** Every banner of the store in the home page's order, live or not. */
export async function findAllBanners(exec: Executor, storeId: string) {
  return exec
    .selectFrom('banners')
    .select(BANNER_COLUMNS)
    .where('store_id', '=', storeId)
    .orderBy('sort')
    .orderBy('id')
    .execute();
}

export type BannerRow = Awaited<ReturnType<typeof findAllBanners>>[number];

export async function findStoreBanner(exec: Executor, storeId: string, id: string) {
  return exec
    .selectFrom('banners')
    .select(BANNER_COLUMNS)
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface BannerFields {
  title: string;
  subtitle: string;
  image: string;
  art: string | null;
  link_kind: 'product' | 'category' | 'campaign' | 'page';
  link_id: string;
  starts_at: Date | null;
  ends_at: Date | null;
  active: boolean;
  updated_at: Date;
}

/** A new banner goes last: the manager moves it up from there. */
export async function insertBanner(tx: Executor, storeId: string, id: string, f: BannerFields): Promise<void> {
  await tx
    .insertInto('banners')
    .values({
      id,
      store_id: storeId,
      ...f,
      link: '',
      sort: sql<number>`(select coalesce(max(sort), 0) + 10 from banners where store_id = ${storeId})`,
    })
    .execute();
}

export async function updateBanner(tx: Executor, storeId: string, id: string, f: BannerFields): Promise<boolean> {
  const r = await tx
    .updateTable('banners')
    .set({ ...f, link: '' })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteBanner(tx: Executor, storeId: string, id: string): Promise<boolean> {
  const r = await tx.deleteFrom('banners').where('store_id', '=', storeId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/**
 * The ids of a store's banners or sections in their order, their rows locked: two managers moving
 * items at once reorder one after the other instead of interleaving their renumbering.
 */
export async function lockOrder(tx: Executor, table: 'banners' | 'home_sections', storeId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom(table)
    .select('id')
    .where('store_id', '=', storeId)
    .orderBy('sort')
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

/** Renumbers in steps of 10, in one statement. */
export async function writeOrder(tx: Executor, table: 'banners' | 'home_sections', storeId: string, ids: string[]) {
  if (ids.length === 0) return;
  await sql`update ${sql.table(table)} t set sort = o.pos * 10
              from unnest(${ids}::text[]) with ordinality as o(id, pos)
             where t.id = o.id and t.store_id = ${storeId}`.execute(tx);
}

/** Whether a banner's link target exists and can be shown: on sale, visible, running, or a known page. */
export async function linkTargetExists(
  exec: Executor,
  storeId: string,
  link: { kind: 'product' | 'category' | 'campaign'; id: string },
  now: Date,
): Promise<boolean> {
  const row =
    link.kind === 'product'
      ? await exec
          .selectFrom('products')
          .select('id')
          .where('store_id', '=', storeId)
          .where('id', '=', link.id)
          .where('status', '=', 'on_sale')
          .executeTakeFirst()
      : link.kind === 'category'
        ? await exec
            .selectFrom('categories')
            .select('id')
            .where('store_id', '=', storeId)
            .where('id', '=', link.id)
            .where('active', '=', true)
            .executeTakeFirst()
        : await exec
            .selectFrom('groupbuy_campaigns')
            .select('id')
            .where('store_id', '=', storeId)
            .where('id', '=', link.id)
            .where('status', '=', 'active')
            .where('ends_at', '>', now)
            .executeTakeFirst();
  return row !== undefined;
}

/** Titles of the products, categories and campaigns banners link to, for the manager's list. */
export async function findLinkTitles(exec: Executor, storeId: string) {
  const [products, categories, campaigns] = await Promise.all([
    exec.selectFrom('products').select(['id', 'title as name']).where('store_id', '=', storeId).execute(),
    exec.selectFrom('categories').select(['id', 'name']).where('store_id', '=', storeId).execute(),
    exec.selectFrom('groupbuy_campaigns').select(['id', 'title as name']).where('store_id', '=', storeId).execute(),
  ]);
  return { products, categories, campaigns };
}
