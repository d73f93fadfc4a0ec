/**
 * Export of 100k orders: the streamed CSV and XLSX, each requested as a job and built by one
 * exportWorker run (keyset pages of 1,000 rows, stored through the storage port), next to a baseline
 * measured in the same run, reading every row at once and building the CSV in memory. Each export
 * runs in a child process so its peak RSS is its own; prints time and peak RSS and their ratios.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { createOwnDatabase } from '../test/support/postgres-database';
import { callAction } from '../test/support/call';
import { BENCH_RANGE } from './export-worker';

interface Measured {
  mode: string;
  rows: number;
  seconds: number;
  peakRssMb: number;
  bytes: number;
}

/** 100k paid orders over January 2026, written by one INSERT ... SELECT (the export is measured, not the seeding). */
async function seedOrders(db: Awaited<ReturnType<typeof createOwnDatabase>>['db'], count: number) {
  await callAction(db, 'member.me', {}, { openid: 'bench-export-member' });
  const member = await db.kysely
    .selectFrom('members')
    .select('id')
    .where('store_id', '=', 'demo')
    .executeTakeFirstOrThrow();
  await sql`
    insert into orders (id, order_no, store_id, member_id, status, delivery_type, address, remark, subtotal_fen,
      member_discount_fen, coupon_discount_fen, points_discount_fen, shipping_fen, payable_fen, points_used,
      expires_at, created_at, paid_at, transaction_id, carrier, tracking_no, shipped_at)
    select 'bench-' || g, 'B2026' || lpad(g::text, 10, '0'), 'demo', ${member.id}, 'shipped', 'express',
      '{"name":"压测","phone":"13800138000","province":"上海市","city":"上海市","district":"浦东新区","detail":"世纪大道 1 号"}',
      '', 8900 + g % 1000, 0, 0, 0, 1000, 9900 + g % 1000, 0,
      t + interval '30 minutes', t, t + interval '1 minute', '4200' || lpad(g::text, 24, '0'), '顺丰速运', 'SF' || g, t + interval '1 day'
    from generate_series(1, ${count}) as g,
      lateral (select ${BENCH_RANGE.from}::timestamptz + ((g - 1) * interval '1 second') * (${(BENCH_RANGE.to.getTime() - BENCH_RANGE.from.getTime()) / 1000} / ${count}::float8) as t) as x
  `.execute(db.kysely);
}

function runWorker(mode: string, url: string): Measured {
  const file = join(tmpdir(), `export-bench-${process.pid}-${mode}.${mode.endsWith('xlsx') ? 'xlsx' : 'csv'}`);
  const run = spawnSync(
    resolve(__dirname, '../node_modules/.bin/tsx'),
    [resolve(__dirname, 'export-worker.ts'), mode, url, file],
    {
      encoding: 'utf8',
      timeout: 600_000,
    },
  );
  if (run.status !== 0) throw new Error(`export worker ${mode} failed: ${run.stderr}`);
  const line = run.stdout.trim().split('\n').pop()!;
  rmSync(file, { force: true });
  return JSON.parse(line) as Measured;
}

const row = (m: Measured) =>
  `${m.mode.padEnd(12)} ${String(m.rows).padStart(7)} rows  ${m.seconds.toFixed(2).padStart(6)} s  peak RSS ${m.peakRssMb.toFixed(0).padStart(5)} MB  file ${(m.bytes / 1024 / 1024).toFixed(1)} MB`;

/** Prints the figures; false when a streamed export held more memory than the in-memory baseline. */
export async function runExportBench(adminUrl: string, count = 100_000): Promise<boolean> {
  console.log(`[bench] export: ${count} orders, streamed CSV / XLSX vs. all rows in memory (each in its own process)`);
  const { db, url, drop } = await createOwnDatabase(adminUrl, { poolSize: 2, prefix: 'storefront_bench' });
  try {
    await seedOrders(db, count);
    const baseline = runWorker('memory-csv', url);
    const csv = runWorker('stream-csv', url);
    const xlsx = runWorker('stream-xlsx', url);
    for (const m of [baseline, csv, xlsx]) console.log(`  ${row(m)}`);
    for (const m of [csv, xlsx]) {
      console.log(
        `  ${m.mode} / memory-csv: time ${(m.seconds / baseline.seconds).toFixed(2)}x, peak RSS ${(m.peakRssMb / baseline.peakRssMb).toFixed(2)}x`,
      );
    }
    return [baseline, csv, xlsx].every((m) => m.rows === count) && csv.peakRssMb < baseline.peakRssMb;
  } finally {
    await drop();
  }
}
