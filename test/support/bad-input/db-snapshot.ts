import { sql } from 'kysely';
import type { Db } from '../../../cloudfunctions/core/db/db';

/** `rows:<table>`, `hash:<table>` (the content), and the balances money and stock depend on. */
export type Snapshot = Record<string, string>;

/** Balances a refused call must never move, by name. A write that is accepted must not move them either. */
const BALANCES: Record<string, string> = {
  'sum:members.points_balance': 'select coalesce(sum(points_balance), 0)::text from members',
  'sum:skus.stock': 'select coalesce(sum(stock), 0)::text from skus',
  'sum:payments.amount': 'select coalesce(sum(amount_fen), 0)::text from payments',
  'status:orders':
    "select coalesce(string_agg(status || '=' || n, ',' order by status), '') from (select status, count(*) n from orders group by status) s",
  'status:coupons':
    "select coalesce(string_agg(status || '=' || n, ',' order by status), '') from (select status, count(*) n from coupons group by status) s",
  'status:refunds':
    "select coalesce(string_agg(status || '=' || n, ',' order by status), '') from (select status, count(*) n from refunds group by status) s",
};

/** Keys whose change means money, points or stock moved. */
const BALANCE_KEYS = Object.keys(BALANCES);

async function tablesOf(db: Db): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db.kysely);
  return rows.map((r) => r.table_name);
}

/**
 * Takes snapshots of the whole database in one statement: each table's row count, the balances
 * above, and with `content` a hash of each table's rows (so an UPDATE that keeps the count is seen
 * too; slower, so taken per batch rather than per call). Tables are listed from the catalog, so
 * tables added later are covered.
 */
export async function snapshotter(db: Db): Promise<(options?: { content?: boolean }) => Promise<Snapshot>> {
  const tables = await tablesOf(db);
  const build = (content: boolean) =>
    sql.raw<{ k: string; v: string }>(
      [
        ...tables.map((t) => `select 'rows:${t}' as k, count(*)::text as v from "${t}"`),
        ...(content
          ? tables.map(
              (t) =>
                `select 'hash:${t}' as k, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as v from "${t}" x`,
            )
          : []),
        ...Object.entries(BALANCES).map(([k, q]) => `select '${k}' as k, (${q}) as v`),
      ].join('\nunion all\n'),
    );
  const light = build(false);
  const full = build(true);
  return async (options = {}) => {
    const { rows } = await (options.content ? full : light).execute(db.kysely);
    return Object.fromEntries(rows.map((r) => [r.k, r.v]));
  };
}

function changedKeys(before: Snapshot, after: Snapshot): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]);
}

const describe = (before: Snapshot, after: Snapshot) => (k: string) =>
  `${k}: ${before[k] ?? '-'} -> ${after[k] ?? '-'}`;

/** What changed between two snapshots, one line per key. */
export function changes(before: Snapshot, after: Snapshot): string[] {
  return changedKeys(before, after).map(describe(before, after));
}

/**
 * An accepted write (an ok answer to a mutating call) may add and update rows, but it must not drop
 * rows or tables (what an injected DELETE / DROP would do) or move money, points or stock.
 */
export function harmfulChanges(before: Snapshot, after: Snapshot): string[] {
  return changedKeys(before, after)
    .filter(
      (k) =>
        BALANCE_KEYS.includes(k) ||
        after[k] === undefined ||
        (k.startsWith('rows:') && Number(after[k]) < Number(before[k])),
    )
    .map(describe(before, after));
}
