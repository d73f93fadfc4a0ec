import { sql } from 'kysely';
import type { Executor } from '../../db/db';

export interface CategoryRow {
  id: string;
  name: string;
  icon: string;
  active: boolean;
  product_count: number;
}

/** Every category of the store, hidden ones too, in the store's order, with its live product count. */
export async function findManagerCategories(exec: Executor, storeId: string): Promise<CategoryRow[]> {
  const { rows } = await sql<CategoryRow>`
    select c.id, c.name, c.icon, c.active,
           (select count(*)::int from products p where p.category_id = c.id and p.deleted_at is null) as product_count
      from categories c
     where c.store_id = ${storeId}
     order by c.sort, c.id`.execute(exec);
  return rows;
}

/** The store's categories locked in their order, for a move that rewrites the sort of each. */
export function lockCategoryOrder(tx: Executor, storeId: string) {
  return tx
    .selectFrom('categories')
    .select(['id', 'sort'])
    .where('store_id', '=', storeId)
    .orderBy('sort')
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function setCategorySort(tx: Executor, id: string, sort: number): Promise<void> {
  await tx.updateTable('categories').set({ sort }).where('id', '=', id).execute();
}

export async function insertCategory(tx: Executor, c: { id: string; storeId: string; name: string; icon: string }) {
  await tx
    .insertInto('categories')
    .values({
      id: c.id,
      store_id: c.storeId,
      name: c.name,
      icon: c.icon,
      art: null,
      sort: sql<number>`(select coalesce(max(sort), 0) + 1 from categories where store_id = ${c.storeId})`,
    })
    .execute();
}

export async function updateCategory(
  tx: Executor,
  q: { storeId: string; id: string; set: { name?: string; icon?: string; active?: boolean } },
): Promise<boolean> {
  const rows = await tx
    .updateTable('categories')
    .set(q.set)
    .where('id', '=', q.id)
    .where('store_id', '=', q.storeId)
    .returning('id')
    .execute();
  return rows.length === 1;
}

/**
 * Deletes the category only while no product (deleted ones included: they still reference it) is
 * filed under it, in one statement, so a product saved into it meanwhile cannot be orphaned.
 */
export async function deleteEmptyCategory(tx: Executor, storeId: string, id: string): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    delete from categories c
     where c.id = ${id} and c.store_id = ${storeId}
       and not exists (select 1 from products p where p.category_id = c.id)
    returning c.id`.execute(tx);
  return rows.length === 1;
}
