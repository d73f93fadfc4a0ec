import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { csvCell, type Column } from '../domain/cells';
import type { ReportWriter } from './report-writer';

/**
 * CSV in UTF-8 with a byte-order mark: Excel on Windows reads a BOM-less file as the local code page
 * and shows Chinese as mojibake. CRLF line ends, as RFC 4180 and Excel write them.
 */
export async function openCsvWriter<R>(path: string, _title: string, columns: Column<R>[]): Promise<ReportWriter<R>> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const put = async (text: string) => {
    // Back-pressure: wait for the disk instead of buffering the whole report in the stream.
    if (!out.write(text)) await once(out, 'drain');
  };
  await put(`\uFEFF${columns.map((c) => csvCell('text', c.header)).join(',')}\r\n`);
  return {
    write: (row) => put(`${columns.map((c) => csvCell(c.kind, c.value(row))).join(',')}\r\n`),
    async close() {
      out.end();
      await once(out, 'finish');
      return (await stat(path)).size;
    },
  };
}
