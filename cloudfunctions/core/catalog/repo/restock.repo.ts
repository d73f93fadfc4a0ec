import { sql } from 'kysely';
import type { Executor } from '../../db/db';

/** Records a 到货提醒 request; asking again while one waits changes nothing, after a notice it waits again. */
export async function upsertRestockRequest(
  exec: Executor,
  q: { memberId: string; productId: string; now: Date },
): Promise<void> {
  await exec
    .insertInto('restock_subscriptions')
    .values({ member_id: q.memberId, product_id: q.productId, created_at: q.now, notified_at: null, last_error: null })
    .onConflict((oc) =>
      oc
        .columns(['member_id', 'product_id'])
        .doUpdateSet({ created_at: q.now, notified_at: null, last_error: null })
        .where('restock_subscriptions.notified_at', 'is not', null),
    )
    .execute();
}

export async function isWaitingForRestock(exec: Executor, memberId: string, productId: string): Promise<boolean> {
  const row = await exec
    .selectFrom('restock_subscriptions')
    .select('member_id')
    .where('member_id', '=', memberId)
    .where('product_id', '=', productId)
    .where('notified_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Members still waiting for a product, with the request time (it keys their notice). */
export async function findRestockWaiters(exec: Executor, productId: string) {
  return exec
    .selectFrom('restock_subscriptions')
    .select(['member_id', 'created_at'])
    .where('product_id', '=', productId)
    .where('notified_at', 'is', null)
    .execute();
}

/**
 * Claims one waiting request for sending: the conditional update is what makes a duplicate outbox
 * delivery send nothing. Returns who to tell, or undefined when it was already claimed.
 */
export async function claimRestockNotice(exec: Executor, q: { memberId: string; productId: string; now: Date }) {
  const { rows } = await sql<{ openid: string; title: string }>`
    update restock_subscriptions r set notified_at = ${q.now}
      from members m, products p
     where r.member_id = ${q.memberId} and r.product_id = ${q.productId} and r.notified_at is null
       and m.id = r.member_id and p.id = r.product_id
    returning m.openid, p.title`.execute(exec);
  return rows[0];
}

/** Gives a claimed request back (a send that a retry may fix), or records why WeChat refused it. */
export async function settleRestockNotice(
  exec: Executor,
  q: { memberId: string; productId: string; retry: boolean; error: string | null },
): Promise<void> {
  await exec
    .updateTable('restock_subscriptions')
    .set(q.retry ? { notified_at: null, last_error: q.error } : { last_error: q.error })
    .where('member_id', '=', q.memberId)
    .where('product_id', '=', q.productId)
    .execute();
}

/** Units in stock over a product's active SKUs. */
export async function productStock(exec: Executor, productId: string): Promise<number> {
  const { rows } = await sql<{ stock: number }>`
    select coalesce(sum(stock), 0)::int as stock from skus where product_id = ${productId} and active`.execute(exec);
  return rows[0]?.stock ?? 0;
}
