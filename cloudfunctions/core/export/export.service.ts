import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionInput, ActionOutput, ExportKind } from '../contract';
import type { ServiceArgs } from '../context';
import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import { exportRange } from './domain/date-range';
import { REPORT_KINDS, type ReportRow } from './domain/report-kinds';
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

/** Streams one report into a file at `path`, page by page; answers the rows written and the file's size. */
export async function writeReport(exec: Executor, a: WriteReportArgs): Promise<{ rows: number; bytes: number }> {
  const kind = REPORT_KINDS[a.kind];
  const open = a.format === 'csv' ? openCsvWriter : openXlsxWriter;
  const writer: ReportWriter<ReportRow> = await open(a.path, kind.title, kind.columns);
  let rows = 0;
  let bytes = 0;
  let after: { at: string; id: string } | null = null;
  try {
    for (;;) {
      const page = await kind.page(exec, {
        storeId: a.storeId,
        from: a.from,
        to: a.to,
        after,
        limit: a.pageRows ?? EXPORT_PAGE_ROWS,
      });
      for (const row of page) await writer.write(row);
      rows += page.length;
      if (page.length < (a.pageRows ?? EXPORT_PAGE_ROWS)) break;
      const last = page[page.length - 1]!;
      after = { at: last.k_at, id: last.k_id };
    }
  } finally {
    bytes = await writer.close();
  }
  return { rows, bytes };
}

/**
 * `manager.exportReport`: a report over whole Shanghai days, written to a temporary file, stored
 * through the storage port under a name nobody can guess, answered as a download link. Audited like
 * every manager write (who exported what, when).
 */
export async function exportReport({
  input,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'manager.exportReport'>>): Promise<Result<ActionOutput<'manager.exportReport'>>> {
  const range = exportRange(input.from, input.to);
  if (!range.ok) return fail('VALIDATION_FAILED', range.reason, { from: input.from, to: input.to });
  const name = `${input.kind}-${input.from.replace(/-/g, '')}-${input.to.replace(/-/g, '')}-${randomBytes(12).toString('hex')}`;
  const fileName = `${name}.${input.format}`;
  const path = join(tmpdir(), fileName);
  try {
    const { rows, bytes } = await writeReport(exec, {
      kind: input.kind,
      format: input.format,
      storeId: ctx.storeId,
      from: range.from,
      to: range.to,
      path,
    });
    const fileId = await ctx.platform.storage.putReport(path, `exports/${fileName}`, CONTENT_TYPES[input.format]);
    const [url] = await ctx.platform.storage.urlFor([fileId]);
    return ok({ kind: input.kind, format: input.format, fileName, url: url!, rows, bytes });
  } finally {
    await rm(path, { force: true });
  }
}
