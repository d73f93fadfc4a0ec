import { sql } from 'kysely';
import type { Executor } from '../../db/db';

/**
 * One page of a report, keyset-paged on (time, id) ascending. The position is carried as the
 * database's own text of the timestamp (`k_at`), never a JS Date: a Date keeps milliseconds and a
 * microsecond timestamp would compare past itself and be read twice.
 */
export interface PageQuery {
  storeId: string;
  from: Date;
  to: Date;
  after: { at: string; id: string } | null;
  limit: number;
}

export function orderPage(exec: Executor, q: PageQuery) {
  let query = exec
    .selectFrom('orders as o')
    .innerJoin('members as m', 'm.id', 'o.member_id')
    .select([
      'o.order_no',
      'o.created_at',
      'o.status',
      'o.delivery_type',
      'm.nickname',
      'm.phone',
      'm.card_no',
      'o.subtotal_fen',
      'o.member_discount_fen',
      'o.coupon_discount_fen',
      'o.points_discount_fen',
      'o.shipping_fen',
      'o.payable_fen',
      'o.paid_at',
      'o.transaction_id',
      'o.carrier',
      'o.tracking_no',
      'o.shipped_at',
      'o.completed_at',
      sql<string>`o.created_at::text`.as('k_at'),
      sql<string>`o.id`.as('k_id'),
    ])
    .where('o.store_id', '=', q.storeId)
    .where('o.created_at', '>=', q.from)
    .where('o.created_at', '<', q.to);
  if (q.after) query = query.where(sql<boolean>`(o.created_at, o.id) > (${q.after.at}::timestamptz, ${q.after.id})`);
  return query.orderBy('o.created_at').orderBy('o.id').limit(q.limit).execute();
}

export function refundPage(exec: Executor, q: PageQuery) {
  let query = exec
    .selectFrom('refunds as r')
    .innerJoin('orders as o', 'o.id', 'r.order_id')
    .select([
      'r.out_refund_no',
      'o.order_no',
      'r.created_at',
      'r.kind',
      'r.refund_type',
      'r.initiated_by',
      'r.status',
      'r.amount_fen',
      'r.reason',
      'r.transaction_id',
      'r.wx_refund_id',
      'r.completed_at',
      sql<string>`r.created_at::text`.as('k_at'),
      sql<string>`r.id`.as('k_id'),
    ])
    .where('o.store_id', '=', q.storeId)
    .where('r.created_at', '>=', q.from)
    .where('r.created_at', '<', q.to);
  if (q.after) query = query.where(sql<boolean>`(r.created_at, r.id) > (${q.after.at}::timestamptz, ${q.after.id})`);
  return query.orderBy('r.created_at').orderBy('r.id').limit(q.limit).execute();
}

export function paymentPage(exec: Executor, q: PageQuery) {
  let query = exec
    .selectFrom('payments as p')
    .innerJoin('orders as o', 'o.id', 'p.order_id')
    .select([
      'p.transaction_id',
      'o.order_no',
      'p.paid_at',
      'p.amount_fen',
      'o.status',
      sql<string>`p.paid_at::text`.as('k_at'),
      sql<string>`p.transaction_id`.as('k_id'),
    ])
    .where('o.store_id', '=', q.storeId)
    .where('p.paid_at', '>=', q.from)
    .where('p.paid_at', '<', q.to);
  if (q.after)
    query = query.where(sql<boolean>`(p.paid_at, p.transaction_id) > (${q.after.at}::timestamptz, ${q.after.id})`);
  return query.orderBy('p.paid_at').orderBy('p.transaction_id').limit(q.limit).execute();
}

export function memberPage(exec: Executor, q: PageQuery) {
  let query = exec
    .selectFrom('members as m')
    .select([
      'm.card_no',
      'm.nickname',
      'm.phone',
      'm.tier_code',
      'm.points_balance',
      'm.growth',
      'm.created_at',
      sql<string>`m.created_at::text`.as('k_at'),
      sql<string>`m.id`.as('k_id'),
    ])
    .where('m.store_id', '=', q.storeId)
    .where('m.created_at', '>=', q.from)
    .where('m.created_at', '<', q.to);
  if (q.after) query = query.where(sql<boolean>`(m.created_at, m.id) > (${q.after.at}::timestamptz, ${q.after.id})`);
  return query.orderBy('m.created_at').orderBy('m.id').limit(q.limit).execute();
}

export function pointsPage(exec: Executor, q: PageQuery) {
  let query = exec
    .selectFrom('points_entries as e')
    .innerJoin('members as m', 'm.id', 'e.member_id')
    .leftJoin('orders as o', 'o.id', 'e.order_id')
    .select([
      'e.created_at',
      'm.card_no',
      'm.nickname',
      'e.delta',
      'e.reason',
      'o.order_no',
      sql<string>`e.created_at::text`.as('k_at'),
      sql<string>`e.id::text`.as('k_id'),
    ])
    .where('m.store_id', '=', q.storeId)
    .where('e.created_at', '>=', q.from)
    .where('e.created_at', '<', q.to);
  if (q.after)
    query = query.where(sql<boolean>`(e.created_at, e.id) > (${q.after.at}::timestamptz, ${q.after.id}::bigint)`);
  return query.orderBy('e.created_at').orderBy('e.id').limit(q.limit).execute();
}
