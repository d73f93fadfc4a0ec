import { sql } from 'kysely';
import type { Executor } from '../../db/db';

/** The member's cart lines in the order they were first added. */
export async function findCartItems(exec: Executor, memberId: string) {
  return exec
    .selectFrom('cart_items')
    .select(['sku_id', 'qty', 'selected'])
    .where('member_id', '=', memberId)
    .orderBy('added_at')
    .orderBy('sku_id')
    .execute();
}

/**
 * Upserts lines on (member, SKU). `merge` adds to the quantity already there (capped at 99, the most
 * one line may hold); otherwise the quantity is replaced. A line's tick changes only when given.
 */
export async function upsertCartItems(
  exec: Executor,
  q: {
    memberId: string;
    items: ReadonlyArray<{ skuId: string; qty: number; selected?: boolean }>;
    merge: boolean;
    now: Date;
  },
): Promise<void> {
  for (const item of q.items) {
    await exec
      .insertInto('cart_items')
      .values({
        member_id: q.memberId,
        sku_id: item.skuId,
        qty: item.qty,
        selected: item.selected ?? true,
        added_at: q.now,
        updated_at: q.now,
      })
      .onConflict((oc) =>
        oc.columns(['member_id', 'sku_id']).doUpdateSet({
          qty: q.merge ? sql`least(99, cart_items.qty + excluded.qty)` : sql`excluded.qty`,
          selected: item.selected === undefined ? sql`cart_items.selected` : sql`excluded.selected`,
          updated_at: q.now,
        }),
      )
      .execute();
  }
}

export async function setAllSelected(exec: Executor, memberId: string, selected: boolean, now: Date): Promise<void> {
  await exec
    .updateTable('cart_items')
    .set({ selected, updated_at: now })
    .where('member_id', '=', memberId)
    .where('selected', '!=', selected)
    .execute();
}

export async function deleteCartItems(exec: Executor, memberId: string, skuIds: readonly string[]): Promise<void> {
  await exec.deleteFrom('cart_items').where('member_id', '=', memberId).where('sku_id', 'in', skuIds).execute();
}

export async function countCartItems(exec: Executor, memberId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from cart_items where member_id = ${memberId}`.execute(exec);
  return rows[0]?.n ?? 0;
}
