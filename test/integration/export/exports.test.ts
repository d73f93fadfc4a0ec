import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { writeReport } from '../../../cloudfunctions/core/export';
import {
  MANAGER,
  T0,
  errorCode,
  makeOrder,
  makePaidOrder,
  minutesAfter,
  newKey,
  setStock,
} from '../order/order-factory';
import { parseCsv } from '../../support/csv';
import { exportWorld } from './export-support';

const SKU = 'sku-cica-b5-repair-serum-1';
/** T0 is 2026-03-02 10:00 in Shanghai. */
const DAY = '2026-03-02';

describeEachDatabase('reconciliation exports', (use) => {
  const world = exportWorld(use);
  afterAll(() => rm(world.media, { recursive: true, force: true }));

  it("a request answers a queued job at once; the worker builds the day's orders as CSV and XLSX; a manager downloads", async () => {
    await setStock(use(), SKU, 100);
    const paid = await makePaidOrder(use(), { items: [{ skuId: SKU, qty: 2 }] });
    const unpaid = await makeOrder(use(), { items: [{ skuId: SKU, qty: 1 }] });
    const job = okData(await world.request({ kind: 'orders', from: DAY, to: DAY, format: 'csv' }, T0));
    expect(job).toMatchObject({ kind: 'orders', format: 'csv', status: 'queued', rows: null, fileName: null });
    expect(job.expiresAt).toBe('2026-03-09T02:00:00.000Z');
    // Nothing is written until the worker runs, and a queued job has no link yet.
    expect(await world.exportFiles()).toEqual([]);
    expect(errorCode(await world.download(job.jobId, T0))).toBe('EXPORT_NOT_READY');
    expect((await world.list(T0)).map((j) => [j.jobId, j.status])).toEqual([[job.jobId, 'queued']]);

    const xlsxJob = okData(await world.request({ kind: 'orders', from: DAY, to: DAY, format: 'xlsx' }, T0));
    const later = minutesAfter(T0, 1);
    expect(await world.work(later)).toMatchObject({ built: 2, failed: 0 });

    const listed = await world.list(later);
    const csv = listed.find((j) => j.jobId === job.jobId)!;
    expect(csv).toMatchObject({ status: 'done', error: null, finishedAt: later.toISOString() });
    expect(csv.fileName).toMatch(/^orders-20260302-20260302-[0-9a-f]{24}\.csv$/);
    const link = okData(await world.download(job.jobId, later));
    expect(link).toMatchObject({ fileName: csv.fileName, format: 'csv' });
    expect(link.url).toMatch(
      /^\/media\/exports\/orders-20260302-20260302-[0-9a-f]{24}\.csv\?exp=\d+&sig=[0-9a-f]{64}$/,
    );
    const bytes = await readFile(world.fileOf(link.url));
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

    const xlsx = listed.find((j) => j.jobId === xlsxJob.jobId)!;
    expect(xlsx.rows).toBe(csv.rows);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(world.fileOf(okData(await world.download(xlsx.jobId, later)).url));
    const sheet = book.getWorksheet('订单')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('订单号');
    const found = [] as unknown[][];
    sheet.eachRow((r, n) => n > 1 && found.push(r.values as unknown[]));
    expect(found).toHaveLength(xlsx.rows!);
    expect(found.find((v) => v[1] === paid.orderNo)![13]).toBe(paid.payableFen / 100);

    const audit = await use()
      .kysely.selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', '=', 'manager.exportReport')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('the same key queues one job; a second worker run finds nothing to build', async () => {
    const key = newKey();
    const input = { kind: 'payments', from: DAY, to: DAY, format: 'csv' } as const;
    const first = okData(await world.request(input, T0, { key }));
    const again = okData(await world.request(input, T0, { key }));
    expect(again.jobId).toBe(first.jobId);
    const n = await use().kysely.selectFrom('export_jobs').select('id').where('id', '=', first.jobId).execute();
    expect(n).toHaveLength(1);
    expect(await world.work(minutesAfter(T0, 1))).toMatchObject({ built: 1 });
    expect(await world.work(minutesAfter(T0, 2))).toMatchObject({ built: 0, retried: 0, failed: 0 });
  });

  it('each kind keeps the columns accountants import, in order', async () => {
    const headers: Record<string, string[]> = {
      orders: [
        '订单号',
        '下单时间',
        '状态',
        '配送方式',
        '会员卡号',
        '会员昵称',
        '手机号',
        '商品金额',
        '会员优惠',
        '优惠券',
        '积分抵扣',
        '运费',
        '实付金额',
        '支付时间',
        '微信支付单号',
        '快递公司',
        '运单号',
        '发货时间',
        '完成时间',
      ],
      refunds: [
        '退款单号',
        '订单号',
        '申请时间',
        '类型',
        '退款方式',
        '发起方',
        '状态',
        '退款金额',
        '原因',
        '微信支付单号',
        '微信退款单号',
        '完成时间',
      ],
      payments: ['微信支付单号', '订单号', '支付时间', '支付金额', '订单状态'],
      members: ['会员卡号', '昵称', '手机号', '等级', '积分余额', '成长值', '注册时间'],
      points: ['时间', '会员卡号', '昵称', '积分变动', '原因', '订单号'],
    };
    for (const [kind, header] of Object.entries(headers)) {
      const path = join(tmpdir(), `header-${kind}-${Date.now()}.csv`);
      const range = { from: new Date('2026-03-01T16:00:00Z'), to: new Date('2026-03-02T16:00:00Z') };
      const out = await writeReport(use().kysely, {
        kind: kind as 'orders',
        format: 'csv',
        storeId: 'demo',
        path,
        ...range,
      });
      const rows = parseCsv((await readFile(path, 'utf8')).slice(1));
      await rm(path);
      expect(rows[0], kind).toEqual(header);
      expect(
        rows.slice(1).every((r) => r.length === header.length),
        kind,
      ).toBe(true);
      expect(rows.length - 1).toBe(out.rows);
    }
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

  it('every kind builds; a range over 366 days or reversed is refused and queues nothing', async () => {
    const jobs = [];
    for (const kind of ['refunds', 'payments', 'members', 'points'] as const)
      jobs.push(okData(await world.request({ kind, from: '2026-01-01', to: '2026-12-31', format: 'xlsx' }, T0)));
    const at = minutesAfter(T0, 1);
    await world.work(at);
    const listed = await world.list(at);
    for (const job of jobs) expect(listed.find((j) => j.jobId === job.jobId)).toMatchObject({ status: 'done' });
    const before = await use().kysely.selectFrom('export_jobs').select('id').execute();
    const tooLong = await world.request({ kind: 'orders', from: '2025-01-01', to: '2026-03-02', format: 'csv' }, T0);
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '一次最多导出 366 天' } });
    const reversed = await world.request({ kind: 'orders', from: '2026-03-02', to: '2026-03-01', format: 'csv' }, T0);
    expect(errorCode(reversed)).toBe('VALIDATION_FAILED');
    expect(await use().kysely.selectFrom('export_jobs').select('id').execute()).toHaveLength(before.length);
  });

  it('the list and the download belong to managers: a customer or staff member is refused', async () => {
    const job = okData(await world.request({ kind: 'members', from: DAY, to: DAY, format: 'csv' }, T0));
    await world.work(minutesAfter(T0, 1));
    for (const openid of ['demo-staff', 'some-customer']) {
      expect(errorCode(await world.download(job.jobId, minutesAfter(T0, 1), openid))).toBe('FORBIDDEN');
      expect(errorCode(await callAction(use(), 'manager.listExports', {}, { openid }))).toBe('FORBIDDEN');
    }
    expect(errorCode(await world.download('exp_no_such_job', T0, MANAGER))).toBe('EXPORT_NOT_FOUND');
  });
});
