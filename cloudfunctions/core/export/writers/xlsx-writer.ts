import { stat } from 'node:fs/promises';
import { safeText, type Column } from '../domain/cells';
import type { ReportWriter } from './report-writer';

type ExcelJs = typeof import('exceljs');

/**
 * exceljs is loaded when a report is written, not when a function starts: it is large, and it is not
 * bundled (scripts/build-functions.ts keeps it external; the manager function installs it).
 */
async function loadExcelJs(): Promise<ExcelJs> {
  const mod = await import('exceljs');
  // A CommonJS module: Node's ESM loader puts it on `default`, a bundler's require gives it whole.
  return ((mod as { default?: ExcelJs }).default ?? mod) as ExcelJs;
}

const FORMATS = { fen: '#,##0.00', int: '0', time: 'yyyy-mm-dd hh:mm:ss', text: '@' } as const;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * XLSX through exceljs' streaming WorkbookWriter: each row is committed to the zip stream as it is
 * written. Amounts are numbers in yuan (a fen integer / 100, formatted to two decimals) so the
 * accountant can sum them; times are Shanghai wall-clock dates (Excel has no time zones).
 */
export async function openXlsxWriter<R>(path: string, title: string, columns: Column<R>[]): Promise<ReportWriter<R>> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: c.width ?? 14,
    style: { numFmt: FORMATS[c.kind] },
  }));
  const cell = (c: Column<R>, row: R) => {
    const v = c.value(row);
    if (v === null || v === undefined) return null;
    if (c.kind === 'fen') return Number(v) / 100;
    if (c.kind === 'int') return Number(v);
    if (c.kind === 'time') return new Date((v instanceof Date ? v : new Date(v)).getTime() + SHANGHAI_OFFSET_MS);
    return safeText(String(v));
  };
  return {
    async write(row) {
      sheet.addRow(columns.map((c) => cell(c, row))).commit();
    },
    async close() {
      sheet.commit();
      await workbook.commit();
      return (await stat(path)).size;
    },
  };
}
