import { sql } from 'kysely';
import type { Executor } from '../../db/db';
import type { ChargeBy } from '../domain/freight-template';

export interface TemplateRow {
  id: string;
  name: string;
  charge_by: ChargeBy;
  rules: unknown;
  undeliverable: string[];
  version: number;
}

const COLUMNS = ['id', 'name', 'charge_by', 'rules', 'undeliverable', 'version'] as const;

/** The store's templates, oldest first. */
export function listTemplateRows(exec: Executor, storeId: string): Promise<TemplateRow[]> {
  return exec
    .selectFrom('freight_templates')
    .select(COLUMNS)
    .where('store_id', '=', storeId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findTemplateRows(exec: Executor, storeId: string, ids: readonly string[]): Promise<TemplateRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return exec
    .selectFrom('freight_templates')
    .select(COLUMNS)
    .where('store_id', '=', storeId)
    .where('id', 'in', [...ids])
    .execute();
}

export interface TemplateValues {
  name: string;
  charge_by: ChargeBy;
  rules: string;
  undeliverable: string[];
}

/** Inserts a template; false when the store already has one of that name. */
export async function insertTemplate(
  exec: Executor,
  row: TemplateValues & { id: string; store_id: string; created_at: Date },
): Promise<boolean> {
  const r = await exec
    .insertInto('freight_templates')
    .values({ ...row, updated_at: row.created_at })
    .onConflict((oc) => oc.columns(['store_id', 'name']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

/** Saves over the version the manager edited; the new version, or undefined when it moved on. */
export async function updateTemplate(
  exec: Executor,
  q: { storeId: string; id: string; version: number; now: Date },
  values: TemplateValues,
): Promise<number | undefined> {
  const r = await exec
    .updateTable('freight_templates')
    .set({ ...values, version: sql<number>`version + 1`, updated_at: q.now })
    .where('store_id', '=', q.storeId)
    .where('id', '=', q.id)
    .where('version', '=', q.version)
    .returning('version')
    .executeTakeFirst();
  return r?.version;
}

/** Whether another template of the store has this name. */
export async function nameTakenByOther(exec: Executor, storeId: string, name: string, id: string): Promise<boolean> {
  const r = await exec
    .selectFrom('freight_templates')
    .select('id')
    .where('store_id', '=', storeId)
    .where('name', '=', name)
    .where('id', '<>', id)
    .executeTakeFirst();
  return r !== undefined;
}

/**
 * Holds the store's template `id` against deletion until the transaction ends (FOR SHARE); false when
 * it does not exist, or a delete committed first. Taken before a product is put under it: without it,
 * a delete committing in between would leave the product update to fail on the foreign key.
 */
export async function holdTemplate(exec: Executor, storeId: string, id: string): Promise<boolean> {
  const row = await exec
    .selectFrom('freight_templates')
    .select('id')
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .forShare()
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Deletes a template no product names. The row is locked first (FOR UPDATE waits for every
 * transaction holding it, i.e. putting a product under it), so the NOT EXISTS below, a new statement,
 * sees those products: an assignment racing the delete wins, and the delete answers "in use".
 */
export async function deleteUnusedTemplate(exec: Executor, storeId: string, id: string): Promise<boolean> {
  const locked = await exec
    .selectFrom('freight_templates')
    .select('id')
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!locked) return false;
  const r = await exec
    .deleteFrom('freight_templates')
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('products').select('id').where('freight_template_id', '=', id))),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Products per template, for the given templates. */
export async function productCounts(exec: Executor, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await exec
    .selectFrom('products')
    .select(['freight_template_id', (eb) => eb.fn.countAll().as('n')])
    .where('freight_template_id', 'in', [...ids])
    .groupBy('freight_template_id')
    .execute();
  return new Map(rows.map((r) => [r.freight_template_id!, Number(r.n)]));
}

/**
 * Names a product's template. The products table is catalog's, but which template a product ships
 * under is freight's one column there (0030), written only here.
 */
export async function setProductTemplate(
  exec: Executor,
  q: { storeId: string; productId: string; templateId: string | null; now: Date },
): Promise<boolean> {
  const r = await exec
    .updateTable('products')
    .set({ freight_template_id: q.templateId, updated_at: q.now })
    .where('store_id', '=', q.storeId)
    .where('id', '=', q.productId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
