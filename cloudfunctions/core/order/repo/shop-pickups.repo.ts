import { sql } from 'kysely';
import type { Executor } from '../../db/db';

export type PickupStage = 'paid' | 'ready_for_pickup' | 'completed';

interface Where {
  storeId: string;
  /** null: every shop of the store (a brand-level manager placed in no shop). */
  shopId: string | null;
}

function pickupOrders(exec: Executor, { storeId, shopId }: Where) {
  let q = exec
    .selectFrom('orders as o')
    .innerJoin('members as m', 'm.id', 'o.member_id')
    .where('o.store_id', '=', storeId)
    .where('o.delivery_type', '=', 'pickup');
  if (shopId) q = q.where('o.pickup_shop_id', '=', shopId);
  return q;
}

/** A page of pickup orders at one stage, newest first (keyset on created_at, id). */
export async function findShopPickups(
  exec: Executor,
  where: Where,
  stage: PickupStage,
  after: { createdAt: Date; id: string } | null,
  limit: number,
) {
  let q = pickupOrders(exec, where)
    .selectAll('o')
    .select('m.nickname as member_nickname')
    .where('o.status', '=', stage);
  if (after) q = q.where(sql<boolean>`(o.created_at, o.id) < (${after.createdAt}, ${after.id})`);
  return q.orderBy('o.created_at', 'desc').orderBy('o.id', 'desc').limit(limit).execute();
}

/** How many pickups wait at each open stage (to prepare, to collect). */
export async function countShopPickups(exec: Executor, where: Where): Promise<{ paid: number; ready: number }> {
  const rows = await pickupOrders(exec, where)
    .select(['o.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('o.status', 'in', ['paid', 'ready_for_pickup'])
    .groupBy('o.status')
    .execute();
  const n = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { paid: n('paid'), ready: n('ready_for_pickup') };
}
