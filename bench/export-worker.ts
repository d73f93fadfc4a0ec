/**
 * One export in a process of its own, so its peak RSS is its own: `tsx bench/export-worker.ts <mode>
 * <databaseUrl> <file>`, mode `stream-csv`, `stream-xlsx` or `memory-csv` (the baseline: every row
 * read by one query and the whole CSV built as one string). Prints one JSON line.
 */
import { writeFile } from 'node:fs/promises';
import { openDb } from '../cloudfunctions/core/db/db';
import { writeReport } from '../cloudfunctions/core/export';
import { REPORT_KINDS } from '../cloudfunctions/core/export/domain/report-kinds';
import { csvCell } from '../cloudfunctions/core/export/domain/cells';

/** The bench's orders: January 2026 in Shanghai. */
export const BENCH_RANGE = { from: new Date('2025-12-31T16:00:00Z'), to: new Date('2026-01-31T16:00:00Z') };

async function main() {
  const [mode, url, file] = process.argv.slice(2) as [string, string, string];
  const db = await openDb({ databaseUrl: url, poolSize: 2 });
  const started = performance.now();
  let rows: number;
  if (mode === 'memory-csv') {
    const kind = REPORT_KINDS.orders;
    const all = await kind.page(db.kysely, { storeId: 'demo', ...BENCH_RANGE, after: null, limit: 10_000_000 });
    const lines = [kind.columns.map((c) => csvCell('text', c.header)).join(',')];
    for (const row of all) lines.push(kind.columns.map((c) => csvCell(c.kind, c.value(row))).join(','));
    await writeFile(file, `\uFEFF${lines.join('\r\n')}\r\n`);
    rows = all.length;
  } else {
    const format = mode === 'stream-xlsx' ? 'xlsx' : 'csv';
    ({ rows } = await writeReport(db.kysely, { kind: 'orders', format, storeId: 'demo', ...BENCH_RANGE, path: file }));
  }
  const seconds = (performance.now() - started) / 1000;
  await db.close();
  // maxRSS is in kilobytes.
  console.log(JSON.stringify({ mode, rows, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
