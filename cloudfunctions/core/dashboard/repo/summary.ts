/** 管理后台's opening figures: one statement over orders and refunds (read-only). */
import { sql } from 'kysely';
import type { Executor } from '../../db/db';

/**
 * Orders paid in [from, to) (count and payable: the day's sales, refunds not deducted), and the
 * queues as they stand: paid and not yet shipped or prepared, ready for pickup, refunds requested.
 */
export async function summaryFigures(exec: Executor, q: { storeId: string; from: Date; to: Date }) {
  const { rows } = await sql<{
    sales: string | number;
    orders: number;
    to_ship: number;
    to_pick_up: number;
    refunds: number;
  }>`
      select coalesce(sum(o.payable_fen) filter (where o.paid_at >= ${q.from} and o.paid_at < ${q.to}), 0) as sales,
             (count(*) filter (where o.paid_at >= ${q.from} and o.paid_at < ${q.to}))::int as orders,
             (count(*) filter (where o.status = 'paid'))::int as to_ship,
             (count(*) filter (where o.status = 'ready_for_pickup'))::int as to_pick_up,
             (select count(*)::int from refunds r join orders ro on ro.id = r.order_id
               where ro.store_id = ${q.storeId} and r.status = 'requested') as refunds
        from orders o
       where o.store_id = ${q.storeId}
         and (o.status in ('paid', 'ready_for_pickup') or (o.paid_at >= ${q.from} and o.paid_at < ${q.to}))`.execute(
    exec,
  );
  const r = rows[0]!;
  return {
    salesFen: Number(r.sales),
    orders: Number(r.orders),
    toShip: Number(r.to_ship),
    toPickUp: Number(r.to_pick_up),
    refunds: Number(r.refunds),
  };
}
