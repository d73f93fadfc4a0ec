import type { Executor } from '../../db/db';

/** The store's settings in force: its newest version, or none (version 0, the defaults). */
export async function newestSettings(exec: Executor, storeId: string) {
  return exec
    .selectFrom('store_settings')
    .select(['version', 'doc'])
    .where('store_id', '=', storeId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Appends a version. The primary key (store, version) makes the save conditional: of two managers
 * saving over the same version, one row lands and the other learns it lost (false).
 */
export async function appendSettings(
  exec: Executor,
  row: { storeId: string; version: number; section: string; doc: unknown; by: string; at: Date },
): Promise<boolean> {
  const inserted = await exec
    .insertInto('store_settings')
    .values({
      store_id: row.storeId,
      version: row.version,
      section: row.section,
      doc: JSON.stringify(row.doc),
      created_by: row.by,
      created_at: row.at,
    })
    .onConflict((oc) => oc.columns(['store_id', 'version']).doNothing())
    .returning('version')
    .executeTakeFirst();
  return inserted !== undefined;
}
