/**
 * H5 end to end, logistics and exports: the manager ships two paid orders by importing a CSV (a bad
 * row reported on its own), the customer reads the tracking timeline on the order detail, the ship
 * sheet offers the server's carriers, and the manager exports the day's orders as CSV and as XLSX:
 * queued, built by the exportWorker timer, downloaded on a signed link (both files parsed here).
 * Screenshots at 390 px and at 1280 px.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseCsv } from '../support/csv';
import * as e2e from './support';

const RUN = Date.now().toString(36);
const CUSTOMER = `e2e-logi-${RUN}`;
const MANAGER = 'demo-manager';
const ADDRESS = {
  name: '李四',
  phone: '13900139000',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  detail: '文三路 1 号',
};
const missing = e2e.missingPrerequisites('logistics-exports');

let env: e2e.E2E | undefined;
const pages = e2e.pageOpener(() => env!, 390);
const open = pages.open;

const shot = (page: Page, name: string, root: string) => e2e.settledScreenshot(page, `logistics-${name}.png`, root);

/** A paid express order of the customer, through the real create and payment callback. */
async function paidExpressOrder(skuId: string) {
  const created = await e2e.act(
    env!.baseUrl,
    'order',
    'create',
    { items: [{ skuId, qty: 1 }], delivery: { type: 'express', address: ADDRESS } },
    CUSTOMER,
  );
  const paid = await e2e.devRoute(env!.baseUrl, 'pay-callback', {
    returnCode: 'SUCCESS',
    resultCode: 'SUCCESS',
    outTradeNo: created.orderNo,
    transactionId: `4200logi${RUN}${Math.random().toString(36).slice(2, 8)}`,
    totalFee: created.payableFen,
  });
  expect(paid).toMatchObject({ errcode: 0 });
  return created as { orderId: string; orderNo: string; payableFen: number };
}

describe.skipIf(missing.length > 0)('H5 logistics and exports', () => {
  let orders: Array<{ orderId: string; orderNo: string; payableFen: number }> = [];
  let csv = '';

  beforeAll(async () => {
    env = await e2e.startE2E();
    await e2e.callApi(env.baseUrl, CUSTOMER, 'member.me', {});
    const { skuId } = await e2e.shippableProduct(env.baseUrl, CUSTOMER);
    orders = [await paidExpressOrder(skuId), await paidExpressOrder(skuId), await paidExpressOrder(skuId)];
    csv = [
      '订单号,快递公司,运单号',
      `${orders[0]!.orderNo},顺丰,SF${RUN}01`.toUpperCase(),
      `${orders[1]!.orderNo},中通,ZT${RUN}02`.toUpperCase(),
      `${orders[2]!.orderNo},天天快递,TT${RUN}03`.toUpperCase(),
    ].join('\n');
  }, 120_000);

  afterAll(async () => {
    await pages.closeAll();
    await env?.close();
  });

  it('批量发货: two orders shipped by CSV, the bad carrier row reported; the same file again ships nothing', async () => {
    const page = await open(MANAGER, '/packages/manager/shipments', 390);
    await page.locator('#page-manager-shipments textarea').fill(csv);
    await page.locator('#m-shipments-submit').click();
    await page.locator('#m-shipment-results').waitFor();
    expect(await e2e.textOf(page, '#m-shipment-row-2')).toContain('已发货');
    expect(await e2e.textOf(page, '#m-shipment-row-3')).toContain('已发货');
    expect(await e2e.textOf(page, '#m-shipment-row-4')).toContain('快递公司有误');
    expect(await e2e.textOf(page, '#m-shipment-summary')).toBe('已发货2快递公司有误1');
    await shot(page, '01-shipments-390', '#page-manager-shipments');
    for (const [i, carrier] of [
      [0, '顺丰速运'],
      [1, '中通快递'],
    ] as const) {
      const order = await e2e.callApi(env!.baseUrl, CUSTOMER, 'order.get', { orderId: orders[i]!.orderId });
      expect(order.status).toBe('shipped');
      expect(order.shipping?.carrier).toBe(carrier);
    }
    const third = await e2e.callApi(env!.baseUrl, CUSTOMER, 'order.get', { orderId: orders[2]!.orderId });
    expect(third.status).toBe('paid');

    const wide = await open(MANAGER, '/packages/manager/shipments', 1280);
    await wide.locator('#page-manager-shipments textarea').fill(csv);
    await wide.locator('#m-shipments-submit').click();
    await wide.locator('#m-shipment-results').waitFor();
    expect(await e2e.textOf(wide, '#m-shipment-summary')).toBe('此前已发货2快递公司有误1');
    // Wide: the form stays beside the results.
    expect(await wide.locator('#m-shipments-form').isVisible()).toBe(true);
    await shot(wide, '02-shipments-1280', '#page-manager-shipments');
  }, 120_000);

  it('the customer sees the tracking timeline on the order detail', async () => {
    const trackingNo = `SF${RUN}01`.toUpperCase();
    for (const width of [390, 1280] as const) {
      const page = await open(CUSTOMER, `/packages/order/detail?orderId=${orders[0]!.orderId}`, width);
      await page.locator('#tracking-steps').waitFor();
      expect(await e2e.textOf(page, '#detail-tracking')).toContain(`顺丰速运${trackingNo}`);
      expect(await e2e.textOf(page, '#tracking-state')).toBe('派送中');
      expect(await e2e.textOf(page, '#tracking-steps')).toContain('快递员正在派件');
      await shot(page, `03-tracking-${width}`, '#page-order-detail');
    }
  }, 120_000);

  it('the ship sheet offers the server’s carriers and ships the third order', async () => {
    const page = await open(MANAGER, '/packages/manager/orders?status=paid', 390);
    const id = orders[2]!.orderId;
    await page.locator(`#m-ship-${id}`).click();
    await e2e.waitForText(page, '#ship-carrier-value', '顺丰速运');
    await page.locator('#ship-tracking input').fill(`SF${RUN}09`.toUpperCase());
    await shot(page, '04-ship-sheet-390', '#page-manager-orders');
    await page.locator('#ship-submit').click();
    await page.locator(`#m-ship-${id}`).waitFor({ state: 'detached' });
    const shipped = await e2e.callApi(env!.baseUrl, CUSTOMER, 'order.get', { orderId: id });
    expect(shipped.shipping).toEqual({ carrier: '顺丰速运', trackingNo: `SF${RUN}09`.toUpperCase() });
  }, 120_000);

  it('数据导出: a request queues, the worker builds it (已完成), the manager downloads CSV and XLSX on signed links', async () => {
    const page = await open(MANAGER, '/packages/manager/exports', 390);
    await page.getByText('CSV', { exact: true }).click();
    await page.locator('#m-export-submit').click();
    const first = page.locator('.m-exports__job').first();
    await e2e.waitForText(page, '.m-exports__job .m-exports__status', '排队中');
    await shot(page, '05-exports-queued-390', '#page-manager-exports');
    // The exportWorker timer, run now instead of at the next minute; the page polls and sees it done.
    await e2e.devRoute(env!.baseUrl, 'run-timer/exportWorker');
    await e2e.waitForText(page, '.m-exports__job .m-exports__status', '已完成');
    expect(await first.locator('.m-exports__meta').last().textContent()).toMatch(/^共 \d+ 行 · \d+ KB$/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      first.locator('.m-exports__download').click(),
    ]);
    const csvUrl = download.url();
    expect(csvUrl).toMatch(/\/media\/exports\/orders-\d{8}-\d{8}-[0-9a-f]{24}\.csv\?exp=\d+&sig=[0-9a-f]{64}$/);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows[0]!.slice(0, 2)).toEqual(['订单号', '下单时间']);
    for (const o of orders) {
      const row = rows.find((r) => r[0] === o.orderNo);
      expect(row, o.orderNo).toBeDefined();
      expect(row![12]).toBe((o.payableFen / 100).toFixed(2));
    }
    // The name alone, or a tampered signature, no longer opens the file.
    expect((await fetch(csvUrl.replace(/\?.*$/, ''))).status).toBe(403);
    // Tamper with the signature's first digit: always change it (a fixed '0' would leave one link in 16 valid).
    const forged = csvUrl.replace(/sig=([0-9a-f])/, (_m, c: string) => `sig=${c === '0' ? '1' : '0'}`);
    expect((await fetch(forged)).status).toBe(403);
    expect((await fetch(csvUrl)).headers.get('content-type')).toContain('text/csv');
    await shot(page, '06-exports-done-390', '#page-manager-exports');

    const wide = await open(MANAGER, '/packages/manager/exports', 1280);
    await wide.locator('#m-export-submit').click();
    await e2e.waitForText(wide, '.m-exports__job .m-exports__status', '排队中');
    await e2e.devRoute(env!.baseUrl, 'run-timer/exportWorker');
    await e2e.waitForText(wide, '.m-exports__job .m-exports__status', '已完成');
    const [xlsx] = await Promise.all([
      wide.waitForEvent('download'),
      wide.locator('.m-exports__job').first().locator('.m-exports__download').click(),
    ]);
    expect(xlsx.url()).toMatch(/\.xlsx\?exp=/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await xlsx.path())!);
    const sheet = book.getWorksheet('订单')!;
    const numbers: unknown[] = [];
    sheet.eachRow((r, n) => n > 1 && numbers.push(r.getCell(1).value));
    for (const o of orders) expect(numbers).toContain(o.orderNo);
    // Wide: the form and the list side by side.
    expect(await wide.locator('#m-exports-form').isVisible()).toBe(true);
    expect(await wide.locator('#m-export-jobs').isVisible()).toBe(true);
    await shot(wide, '07-exports-1280', '#page-manager-exports');
  }, 180_000);
});
