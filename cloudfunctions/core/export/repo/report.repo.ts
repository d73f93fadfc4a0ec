import { sql, type SelectQueryBuilder } from 'kysely';
import type { ExportKind } from '../../contract';
import type { Executor } from '../../db/db';
import type { Database } from '../../db/schema';

/**
 * Reports read other contexts' tables (orders, refunds, payments, members, points entries) directly and
 * read-only: a report is one join across them, and five front doors called page by page would multiply
 * the queries. Nothing here writes.
 */

/** One page of a report: the store, the half-open time range, the keyset position, the page size. */
export interface PageQuery {
  storeId: string;
  from: Date;
  to: Date;
  after: { at: string; id: string } | null;
  limit: number;
}

// The joined row's shape differs per kind; the columns table in domain/report-kinds.ts names its fields.
type ReportSelect = SelectQueryBuilder<Database, any, Record<string, unknown>>;

/**
 * Where one kind's rows come from: its table and joins with the fields its columns read, filtered to
 * the store; and the keyset it is paged on, (time, id) ascending.
 */
interface ReportSource {
  rows(exec: Executor, storeId: string): ReportSelect;
  /** `alias.column` of the row's time (the range applies to it) and of its unique id. */
  at: string;
  id: string;
  /** The id column's type when it is not text (the position travels as text). */
  idType?: 'bigint';
}

const SOURCES: Record<ExportKind, ReportSource> = {
  orders: {
    at: 'o.created_at',
    id: 'o.id',
    rows: (exec, storeId) =>
      exec
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
        ])
        .where('o.store_id', '=', storeId),
  },
  refunds: {
    at: 'r.created_at',
    id: 'r.id',
    rows: (exec, storeId) =>
      exec
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
        ])
        .where('o.store_id', '=', storeId),
  },
  payments: {
    at: 'p.paid_at',
    id: 'p.transaction_id',
    rows: (exec, storeId) =>
      exec
        .selectFrom('payments as p')
        .innerJoin('orders as o', 'o.id', 'p.order_id')
        .select(['p.transaction_id', 'o.order_no', 'p.paid_at', 'p.amount_fen', 'o.status'])
        .where('o.store_id', '=', storeId),
  },
  members: {
    at: 'm.created_at',
    id: 'm.id',
    rows: (exec, storeId) =>
      exec
        .selectFrom('members as m')
        .select(['m.card_no', 'm.nickname', 'm.phone', 'm.tier_code', 'm.points_balance', 'm.growth', 'm.created_at'])
        .where('m.store_id', '=', storeId),
  },
  points: {
    at: 'e.created_at',
    id: 'e.id',
    idType: 'bigint',
    rows: (exec, storeId) =>
      exec
        .selectFrom('points_entries as e')
        .innerJoin('members as m', 'm.id', 'e.member_id')
        .leftJoin('orders as o', 'o.id', 'e.order_id')
        .select(['e.created_at', 'm.card_no', 'm.nickname', 'e.delta', 'e.reason', 'o.order_no'])
        .where('m.store_id', '=', storeId),
  },
};

/** A row as a page returns it: its fields and its keyset position. */
export type ReportRow = Record<string, unknown> & { k_at: string; k_id: string };

/**
 * One page of a report, keyset-paged on (time, id) ascending. The position is carried as the
 * database's own text of the timestamp (`k_at`), never a JS Date: a Date keeps milliseconds and a
 * microsecond timestamp would compare past itself and be read twice.
 */
export async function reportPage(exec: Executor, kind: ExportKind, q: PageQuery): Promise<ReportRow[]> {
  const source = SOURCES[kind];
  const at = sql.ref(source.at);
  const id = sql.ref(source.id);
  let query = source
    .rows(exec, q.storeId)
    .select([sql<string>`${at}::text`.as('k_at'), sql<string>`${id}::text`.as('k_id')])
    .where(sql<boolean>`${at} >= ${q.from}`)
    .where(sql<boolean>`${at} < ${q.to}`);
  if (q.after) {
    const afterId = source.idType === 'bigint' ? sql`${q.after.id}::bigint` : sql`${q.after.id}`;
    query = query.where(sql<boolean>`(${at}, ${id}) > (${q.after.at}::timestamptz, ${afterId})`);
  }
  return (await query.orderBy(at).orderBy(id).limit(q.limit).execute()) as ReportRow[];
}
