import type { Executor } from '../../db/db';

const SECTION_COLUMNS = [
  'id',
  'title',
  'kind',
  'product_ids',
  'category_id',
  'newest_count',
  'active',
  'sort',
] as const;

/** The store's sections in the home page's order; only the active ones for the customer. */
export async function findSections(exec: Executor, storeId: string, activeOnly: boolean) {
  let q = exec.selectFrom('home_sections').select(SECTION_COLUMNS).where('store_id', '=', storeId);
  if (activeOnly) q = q.where('active', '=', true);
  return q.orderBy('sort').orderBy('id').execute();
}

export type SectionRow = Awaited<ReturnType<typeof findSections>>[number];

export async function findStoreSection(exec: Executor, storeId: string, id: string) {
  return exec
    .selectFrom('home_sections')
    .select(SECTION_COLUMNS)
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface SectionFields {
  title: string;
  kind: 'products' | 'newest';
  product_ids: string[];
  category_id: string | null;
  newest_count: number | null;
  active: boolean;
}

export async function insertSection(
  tx: Executor,
  s: { storeId: string; id: string; now: Date; fields: SectionFields },
): Promise<void> {
  const last = await tx
    .selectFrom('home_sections')
    .select((eb) => eb.fn.max('sort').as('sort'))
    .where('store_id', '=', s.storeId)
    .executeTakeFirst();
  await tx
    .insertInto('home_sections')
    .values({
      id: s.id,
      store_id: s.storeId,
      ...s.fields,
      product_ids: JSON.stringify(s.fields.product_ids),
      sort: Number(last?.sort ?? 0) + 10,
      created_at: s.now,
      updated_at: s.now,
    })
    .execute();
}

export async function updateSection(
  tx: Executor,
  s: { storeId: string; id: string; now: Date; fields: SectionFields },
): Promise<boolean> {
  const r = await tx
    .updateTable('home_sections')
    .set({ ...s.fields, product_ids: JSON.stringify(s.fields.product_ids), updated_at: s.now })
    .where('store_id', '=', s.storeId)
    .where('id', '=', s.id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteSection(tx: Executor, storeId: string, id: string): Promise<boolean> {
  const r = await tx
    .deleteFrom('home_sections')
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** The products by id with their titles and whether each is on sale. */
export async function findProductTitles(exec: Executor, storeId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return exec
    .selectFrom('products')
    .select(['id', 'title', 'status'])
    .where('store_id', '=', storeId)
    .where('id', 'in', [...ids])
    .execute();
}

export async function findStoreCategory(exec: Executor, storeId: string, id: string) {
  return exec
    .selectFrom('categories')
    .select(['id', 'name'])
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findCategoryNames(exec: Executor, storeId: string) {
  return exec.selectFrom('categories').select(['id', 'name']).where('store_id', '=', storeId).execute();
}
