import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { createLocalPlatform } from '../../../cloudfunctions/core/platform/local/local-platform';
import { writeReport } from '../../../cloudfunctions/core/export';
import { MANAGER, T0, errorCode, makeOrder, makePaidOrder, newKey, setStock } from '../order/order-factory';

const SKU = 'sku-cica-b5-repair-serum-1';
/** T0 is 2026-03-02 10:00 in Shanghai. */
const DAY = '2026-03-02';

/** RFC 4180 rows of a CSV text (quoted fields, doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (row.push(field), (field = ''));
    else if (ch === '\n') (row.push(field), rows.push(row), (row = []), (field = ''));
    else if (ch !== '\r') field += ch;
  }
  return rows;
}

describeEachDatabase('reconciliation exports', (use) => {
  const media = join(tmpdir(), `export-test-${process.pid}-${Date.now()}`);
  const platform = () => createLocalPlatform({ devAuth: true, db: use(), now: () => T0, media: { dir: media } });
  const fileOf = (url: string) => join(media, url.replace(/^\/media\//, ''));

  it("orders as CSV (UTF-8 with BOM) and XLSX hold the day's orders, amounts in yuan, audited", async () => {
    await setStock(use(), SKU, 100);
    const paid = await makePaidOrder(use(), { items: [{ skuId: SKU, qty: 2 }] });
    const unpaid = await makeOrder(use(), { items: [{ skuId: SKU, qty: 1 }] });
    const csv = okData(
      await callAction(
        use(),
        'manager.exportReport',
        { kind: 'orders', from: DAY, to: DAY, format: 'csv' },
        { openid: MANAGER, now: T0, idempotencyKey: newKey(), platform: platform() },
      ),
    );
    expect(csv).toMatchObject({ kind: 'orders', format: 'csv' });
    expect(csv.url).toMatch(/^\/media\/exports\/orders-20260302-20260302-[0-9a-f]{24}\.csv$/);
    const bytes = await readFile(fileOf(csv.url));
    expect(bytes.length).toBe(csv.bytes);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows[0]!.slice(0, 3)).toEqual(['订单号', '下单时间', '状态']);
    expect(rows.length - 1).toBe(csv.rows);
    const byNo = new Map(rows.slice(1).map((r) => [r[0], r]));
    const paidRow = byNo.get(paid.orderNo)!;
    expect(paidRow[2]).toBe('待发货');
    expect(paidRow[1]).toBe('2026-03-02 10:00:00');
    expect(paidRow[12]).toBe((paid.payableFen / 100).toFixed(2));
    expect(byNo.get(unpaid.orderNo)![2]).toBe('待付款');

    const xlsx = okData(
      await callAction(
        use(),
        'manager.exportReport',
        { kind: 'orders', from: DAY, to: DAY, format: 'xlsx' },
        { openid: MANAGER, now: T0, idempotencyKey: newKey(), platform: platform() },
      ),
    );
    expect(xlsx.rows).toBe(csv.rows);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(fileOf(xlsx.url));
    const sheet = book.getWorksheet('订单')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('订单号');
    const found = [] as unknown[][];
    sheet.eachRow((r, n) => n > 1 && found.push(r.values as unknown[]));
    expect(found).toHaveLength(xlsx.rows);
    const paidXlsx = found.find((v) => v[1] === paid.orderNo)!;
    expect(paidXlsx[13]).toBe(paid.payableFen / 100);

    const audit = await use()
      .kysely.selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', '=', 'manager.exportReport')
      .execute();
    expect(audit).toHaveLength(2);
    await rm(media, { recursive: true, force: true });
  });

  it('keyset pages read every row once, whatever the page size', async () => {
    await setStock(use(), SKU, 100);
    for (let i = 0; i < 5; i++) await makePaidOrder(use(), { items: [{ skuId: SKU, qty: 1 }] });
    const read = async (pageRows: number) => {
      const path = join(tmpdir(), `keyset-${pageRows}-${Date.now()}.csv`);
      const range = { from: new Date('2026-03-01T16:00:00Z'), to: new Date('2026-03-02T16:00:00Z') };
      const out = await writeReport(use().kysely, {
        kind: 'orders',
        format: 'csv',
        storeId: 'demo',
        path,
        pageRows,
        ...range,
      });
      const text = await readFile(path, 'utf8');
      await rm(path);
      return {
        out,
        ids: parseCsv(text.slice(1))
          .slice(1)
          .map((r) => r[0]),
      };
    };
    const whole = await read(1000);
    expect(whole.out.rows).toBeGreaterThanOrEqual(5);
    for (const size of [1, 2, 3]) {
      const paged = await read(size);
      expect(paged.ids).toEqual(whole.ids);
    }
    expect(new Set(whole.ids).size).toBe(whole.ids.length);
  });

  it('every kind exports; a range over 366 days or reversed is refused', async () => {
    for (const kind of ['refunds', 'payments', 'members', 'points'] as const) {
      const out = okData(
        await callAction(
          use(),
          'manager.exportReport',
          { kind, from: '2026-01-01', to: '2026-12-31', format: 'xlsx' },
          { openid: MANAGER, now: T0, idempotencyKey: newKey(), platform: platform() },
        ),
      );
      expect(out.kind).toBe(kind);
    }
    const payments = okData(
      await callAction(
        use(),
        'manager.exportReport',
        { kind: 'payments', from: DAY, to: DAY, format: 'csv' },
        { openid: MANAGER, now: T0, idempotencyKey: newKey(), platform: platform() },
      ),
    );
    expect(payments.rows).toBeGreaterThan(0);
    const tooLong = await callAction(
      use(),
      'manager.exportReport',
      { kind: 'orders', from: '2025-01-01', to: '2026-03-02', format: 'csv' },
      { openid: MANAGER, now: T0, idempotencyKey: newKey(), platform: platform() },
    );
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '一次最多导出 366 天' } });
    const reversed = await callAction(
      use(),
      'manager.exportReport',
      { kind: 'orders', from: '2026-03-02', to: '2026-03-01', format: 'csv' },
      { openid: MANAGER, now: T0, idempotencyKey: newKey(), platform: platform() },
    );
    expect(errorCode(reversed)).toBe('VALIDATION_FAILED');
    await rm(media, { recursive: true, force: true });
  });
});
