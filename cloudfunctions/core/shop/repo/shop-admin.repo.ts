import { randomUUID } from 'node:crypto';
import type { Executor } from '../../db/db';
import { SHOP_COLUMNS } from './shop.repo';

/** Every shop of the store, open or closed, oldest first, with its welcome gift's title. */
export async function findAllShops(exec: Executor, storeId: string, shopId?: string) {
  let q = exec
    .selectFrom('shops as s')
    .leftJoin('coupon_templates as t', 't.id', 's.welcome_template_id')
    .select(SHOP_COLUMNS)
    .select('t.title as welcome_title')
    .where('s.store_id', '=', storeId);
  if (shopId) q = q.where('s.id', '=', shopId);
  return q.orderBy('s.created_at').orderBy('s.id').execute();
}

export type AdminShopRow = Awaited<ReturnType<typeof findAllShops>>[number];

export interface ShopFields {
  name: string;
  address: string;
  hours: string;
  phone: string;
  latitude: number | null;
  longitude: number | null;
  welcome_template_id: string | null;
}

/** Whether a coupon template of the store may be a welcome gift: it exists and is still issued. */
export async function welcomeTemplateUsable(exec: Executor, storeId: string, templateId: string): Promise<boolean> {
  const row = await exec
    .selectFrom('coupon_templates')
    .select('id')
    .where('store_id', '=', storeId)
    .where('id', '=', templateId)
    .where('active', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Inserts a shop under a fresh code, answering its id, or null when the code was taken (the caller
 * draws another). `on conflict do nothing` keeps a collision from aborting the transaction.
 */
export async function insertShop(
  tx: Executor,
  s: { storeId: string; code: string; now: Date; fields: ShopFields },
): Promise<string | null> {
  const id = `shop_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  const rows = await tx
    .insertInto('shops')
    .values({ id, store_id: s.storeId, code: s.code, created_at: s.now, ...s.fields })
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('id')
    .execute();
  return rows[0]?.id ?? null;
}

/** Edits a shop of the store (its details, or open / closed); false when the store has no such shop. */
export async function updateShop(
  tx: Executor,
  storeId: string,
  shopId: string,
  change: Partial<ShopFields> & { active?: boolean },
): Promise<boolean> {
  const r = await tx
    .updateTable('shops')
    .set(change)
    .where('store_id', '=', storeId)
    .where('id', '=', shopId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
