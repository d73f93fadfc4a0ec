/**
 * One export in a process of its own, so its peak RSS is its own: `tsx bench/export-worker.ts <mode>
 * <databaseUrl> <file>`, mode `stream-csv`, `stream-xlsx` (the real path: manager.exportReport queues
 * a job, one exportWorker run builds it into local storage under <file>'s folder) or `memory-csv` (the
 * baseline: every row read by one query and the whole CSV built as one string). Prints one JSON line.
 */
import { randomUUID } from 'node:crypto';
import { stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { openDb, type Db } from '../cloudfunctions/core/db/db';
import { runExportWorker } from '../cloudfunctions/core/export';
import { createLocalPlatform } from '../cloudfunctions/core/platform/local/local-platform';
import { callAction, okData } from '../test/support/call';
import { REPORT_KINDS } from '../cloudfunctions/core/export/domain/report-kinds';
import { reportPage } from '../cloudfunctions/core/export/repo/report.repo';
import { csvCell } from '../cloudfunctions/core/export/domain/cells';

/** The bench's orders: January 2026 in Shanghai. */
export const BENCH_RANGE = { from: new Date('2025-12-31T16:00:00Z'), to: new Date('2026-01-31T16:00:00Z') };

async function main() {
  const [mode, url, file] = process.argv.slice(2) as [string, string, string];
  const db = await openDb({ databaseUrl: url, poolSize: 2 });
  const started = performance.now();
  let rows: number;
  let bytes: number;
  if (mode === 'memory-csv') {
    const kind = REPORT_KINDS.orders;
    const all = await reportPage(db.kysely, 'orders', {
      storeId: 'demo',
      ...BENCH_RANGE,
      after: null,
      limit: 10_000_000,
    });
    const lines = [kind.columns.map((c) => csvCell('text', c.header)).join(',')];
    for (const row of all) lines.push(kind.columns.map((c) => csvCell(c.kind, c.value(row))).join(','));
    await writeFile(file, `\uFEFF${lines.join('\r\n')}\r\n`);
    rows = all.length;
    bytes = (await stat(file)).size;
  } else {
    ({ rows, bytes } = await exportAsJob(db, mode === 'stream-xlsx' ? 'xlsx' : 'csv', dirname(file)));
  }
  const seconds = (performance.now() - started) / 1000;
  await db.close();
  // maxRSS is in kilobytes.
  console.log(JSON.stringify({ mode, rows, bytes, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

/** The production path: the manager's request queues a job, one worker run claims and builds it. */
async function exportAsJob(db: Db, format: 'csv' | 'xlsx', mediaDir: string) {
  const now = new Date('2026-02-01T02:00:00Z');
  const platform = createLocalPlatform({ devAuth: true, db, now: () => now, media: { dir: join(mediaDir, 'media') } });
  const input = { kind: 'orders', from: '2026-01-01', to: '2026-01-31', format } as const;
  const job = okData(
    await callAction(db, 'manager.exportReport', input, {
      openid: 'demo-manager',
      now,
      idempotencyKey: randomUUID(),
      platform,
    }),
  );
  const ctx = {
    db,
    platform,
    identity: { openid: null, source: 'none' as const },
    storeId: 'demo',
    now,
    requestId: 'bench',
    clientIp: null,
  };
  const stats = await runExportWorker(ctx);
  const row = await db.kysely
    .selectFrom('export_jobs')
    .selectAll()
    .where('id', '=', job.jobId)
    .executeTakeFirstOrThrow();
  if (stats.built !== 1 || row.status !== 'done')
    throw new Error(`export job ${job.jobId} ended ${row.status}: ${row.error}`);
  await platform.storage.remove([row.file_id!]);
  return { rows: row.rows!, bytes: Number(row.bytes) };
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
