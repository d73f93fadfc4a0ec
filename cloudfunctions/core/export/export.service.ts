import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportKind } from '../contract';
import type { Executor } from '../db/db';
import type { StoragePort } from '../platform/platform';
import { REPORT_KINDS, type ReportRow } from './domain/report-kinds';
import { reportPage } from './repo/report.repo';
import { openCsvWriter } from './writers/csv-writer';
import { openXlsxWriter } from './writers/xlsx-writer';
import type { ReportWriter } from './writers/report-writer';

/** Rows read per query: small enough to keep memory flat, large enough that 100k rows take 100 queries. */
const EXPORT_PAGE_ROWS = 1000;

const CONTENT_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export interface WriteReportArgs {
  kind: ExportKind;
  format: 'csv' | 'xlsx';
  storeId: string;
  from: Date;
  to: Date;
  path: string;
  pageRows?: number;
}

/**
 * Streams one report into a file at `path`, page by page; answers the rows written and the file's size.
 * Each page is a query of its own on `exec` (the database, not a transaction): a long export holds no
 * transaction open, and keyset paging on (time, id) reads every row once even as new ones arrive.
 */
export async function writeReport(exec: Executor, a: WriteReportArgs): Promise<{ rows: number; bytes: number }> {
  const kind = REPORT_KINDS[a.kind];
  const open = a.format === 'csv' ? openCsvWriter : openXlsxWriter;
  const writer: ReportWriter<ReportRow> = await open(a.path, kind.title, kind.columns);
  const pageRows = a.pageRows ?? EXPORT_PAGE_ROWS;
  let rows = 0;
  let bytes = 0;
  let after: { at: string; id: string } | null = null;
  try {
    for (;;) {
      const page = await reportPage(exec, a.kind, {
        storeId: a.storeId,
        from: a.from,
        to: a.to,
        after,
        limit: pageRows,
      });
      for (const row of page) await writer.write(row);
      rows += page.length;
      if (page.length < pageRows) break;
      const last = page[page.length - 1]!;
      after = { at: last.k_at, id: last.k_id };
    }
  } finally {
    bytes = await writer.close();
  }
  return { rows, bytes };
}

export interface BuiltReport {
  fileId: string;
  fileName: string;
  rows: number;
  bytes: number;
}

/**
 * Writes a report to the temp dir and stores it through the storage port under a name nobody can
 * guess (`exports/<kind>-<from>-<to>-<24 hex>.<ext>`); the temporary file is always removed.
 */
export async function buildReportFile(
  exec: Executor,
  storage: StoragePort,
  a: Omit<WriteReportArgs, 'path'> & { fromDay: string; toDay: string },
): Promise<BuiltReport> {
  const name = `${a.kind}-${a.fromDay.replace(/-/g, '')}-${a.toDay.replace(/-/g, '')}-${randomBytes(12).toString('hex')}`;
  const fileName = `${name}.${a.format}`;
  const path = join(tmpdir(), fileName);
  try {
    const { rows, bytes } = await writeReport(exec, { ...a, path });
    const fileId = await storage.putReport(path, `exports/${fileName}`, CONTENT_TYPES[a.format]);
    return { fileId, fileName, rows, bytes };
  } finally {
    await rm(path, { force: true });
  }
}
