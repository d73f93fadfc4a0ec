/**
 * H5 end to end, an order's whole life: cart -> 结算 -> checkout (express, H5 address form) -> 提交订单
 * -> 模拟支付 -> result -> detail 待发货; a manager (second browser context, dev openid demo-manager)
 * ships it from 管理后台; the customer sees 待收货, confirms receipt and sees 已完成.
 * Runs the real gateway (in-memory database) serving the H5 build, and drives Debian's Chromium.
 * Skips with a message when Chromium or the H5 build is missing. E2E_BASE_URL runs against an
 * already running gateway instead (e.g. `npm start`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ActionInput, ActionName, ActionOutput, ProductDetail } from '../../cloudfunctions/core/contract';
import { formatFen } from '../../src/utils/money';

const ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const H5_INDEX = path.join(ROOT, 'dist', 'h5', 'index.html');
const ARTIFACTS = path.join(__dirname, 'artifacts');
const EXTERNAL = process.env.E2E_BASE_URL;
const CUSTOMER = `e2e-order-${Date.now().toString(36)}`;
const MANAGER = 'demo-manager';
const STEP_TIMEOUT = 20_000;

const missing = [
  !fs.existsSync(CHROMIUM) && `Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`,
  !EXTERNAL && !fs.existsSync(H5_INDEX) && `H5 build not found at ${H5_INDEX} (run npm run build:h5)`,
].filter(Boolean);
if (missing.length) console.warn(`[e2e] skipping the H5 order suite: ${missing.join('; ')}`);

let baseUrl = '';
let browser: Browser | undefined;
let closeGateway: (() => Promise<void>) | undefined;

/** Calls the API the way the H5 client does, as the given dev member. */
async function api<N extends ActionName>(name: N, data: ActionInput<N>, openid = CUSTOMER): Promise<ActionOutput<N>> {
  const [fn, action] = name.split('.');
  const res = await fetch(`${baseUrl}/api/fn/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Dev-Openid': openid },
    body: JSON.stringify({ action, data }),
  });
  const body = (await res.json()) as { ok: boolean; data?: unknown; error?: unknown };
  if (!body.ok) throw new Error(`${name} failed: ${JSON.stringify(body.error)}`);
  return body.data as ActionOutput<N>;
}

/** The price as the page shows it: NutUI Price with thousands separators. */
function displayed(fen: number): string {
  const [int, dec] = formatFen(fen).split('.');
  return `¥${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

/** A browser context signed in as `openid`: Taro H5 storage keeps `{ data }` JSON in localStorage. */
async function signedInPage(openid: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser!.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true });
  await context.addInitScript((id) => localStorage.setItem('session.devOpenid', JSON.stringify({ data: id })), openid);
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  return { context, page };
}

async function waitForText(page: Page, selector: string, expected: string): Promise<void> {
  await page.waitForFunction(
    ([sel, want]) => (document.querySelector(sel) as HTMLElement | null)?.innerText.replace(/\s+/g, '') === want,
    [selector, expected] as const,
    { timeout: STEP_TIMEOUT },
  );
}

async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().innerText()) ?? '').replace(/\s+/g, '');
}

/** Screenshots once the page `root` has finished sliding in (Taro H5 animates page changes). */
async function shot(page: Page, name: string, root: string): Promise<void> {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return !!el && Math.abs(el.getBoundingClientRect().left) < 1 && !el.closest('.taro_page')?.getAnimations({ subtree: false }).length;
  }, root);
  // Let a success toast fade out (Taro H5 hides it by opacity, then display).
  await page
    .waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.taro__toast')].every((t) => t.style.display === 'none' || t.style.opacity === '0'), undefined, { timeout: 5000 })
    .catch(() => undefined);
  await page.waitForTimeout(350);
  await page.screenshot({ path: path.join(ARTIFACTS, `order-${name}.png`) });
}

/** Taro H5's showModal: press its confirm button. */
async function confirmModal(page: Page): Promise<void> {
  await page.locator('.taro__modal .taro-model__confirm').click();
}

/** A product that can be shipped and has a SKU in stock. */
async function shippableProduct(): Promise<{ product: ProductDetail; skuId: string }> {
  const { items } = await api('catalog.listProducts', { limit: 50 });
  for (const summary of items) {
    if (summary.soldOut) continue;
    const product = await api('catalog.getProduct', { productId: summary.id });
    const start = product.skus.find((s) => s.stock > 0);
    if (product.fulfilment.includes('express') && start) return { product, skuId: start.id };
  }
  throw new Error('no shippable product in stock');
}

describe.skipIf(missing.length > 0)('H5 order, end to end', () => {
  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    if (EXTERNAL) {
      baseUrl = EXTERNAL.replace(/\/$/, '');
    } else {
      const { startGateway } = await import('../../cloudfunctions/gateway/server');
      const gateway = await startGateway({ port: 0, host: '127.0.0.1', devAuth: true, staticDir: path.join(ROOT, 'dist', 'h5') });
      baseUrl = gateway.url.replace(/\/$/, '');
      closeGateway = () => gateway.close();
    }
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await closeGateway?.();
  });

  it('checks out, pays, is shipped by the manager and confirmed by the customer', async () => {
    const { page } = await signedInPage(CUSTOMER);
    const { product, skuId } = await shippableProduct();

    // Cart -> 结算.
    await page.goto(`${baseUrl}/#/packages/goods/detail?id=${encodeURIComponent(product.id)}`);
    await waitForText(page, '#detail-title', product.title.replace(/\s+/g, ''));
    await page.locator('#btn-add-cart').click();
    await page.locator('#sku-confirm').click();
    await page.locator('#sku-picker').waitFor({ state: 'hidden' });
    await page.locator('#detail-go-cart').click();
    await page.locator(`#cart-line-${skuId}`).waitFor();
    await page.locator('#detail-title').waitFor({ state: 'hidden' });
    await page.waitForFunction(() => !(document.querySelector('#cart-checkout') as HTMLButtonElement | null)?.disabled);
    await shot(page, '01-cart', '#page-cart');
    await page.locator('#cart-checkout').click();

    // Checkout: express, the H5 address form.
    await page.locator('#page-checkout #checkout-lines').waitFor();
    await page.locator('#delivery-express').click();
    const address = { name: '林晓', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 90 号 2 幢 301' };
    for (const [field, value] of Object.entries(address)) await page.locator(`#address-${field} input`).fill(value);
    const quote = await api('order.quote', { items: [{ skuId, qty: 1 }], deliveryType: 'express' });
    await waitForText(page, '#checkout-payable', displayed(quote.payableFen));
    await shot(page, '02-checkout', '#page-checkout');
    await page.locator('#checkout-submit').click();

    // 模拟支付.
    await page.locator('#page-pay #pay-confirm').waitFor();
    await waitForText(page, '#pay-amount', displayed(quote.payableFen));
    await shot(page, '03-pay', '#page-pay');
    await page.locator('#pay-confirm').click();

    // Result, then the order: 待发货, and the payable the server reports.
    await waitForText(page, '#result-title', '支付成功');
    await shot(page, '04-result', '#page-result');
    await page.locator('#result-view-order').click();
    await waitForText(page, '#detail-status', '待发货');
    const orderId = new URL(page.url().replace('#/', '')).searchParams.get('orderId') ?? '';
    expect(orderId).not.toBe('');
    const paid = await api('order.get', { orderId });
    expect(paid.status).toBe('paid');
    expect(await textOf(page, '#detail-amounts #amount-payable')).toBe(displayed(paid.payableFen));
    expect(paid.payableFen).toBe(quote.payableFen);
    await shot(page, '05-detail-paid', '#page-order-detail');

    // The manager ships it from 管理后台.
    const manager = await signedInPage(MANAGER);
    await manager.page.goto(`${baseUrl}/#/pages/me/index`);
    await manager.page.locator('.me__manager').click();
    await manager.page.locator(`#m-ship-${orderId}`).waitFor();
    await shot(manager.page, '06-manager-orders', '#page-manager-orders');
    await manager.page.locator(`#m-ship-${orderId}`).click();
    await manager.page.locator('#ship-tracking input').fill('SF1234567890');
    await shot(manager.page, '07-manager-ship', '#page-manager-orders');
    await manager.page.locator('#ship-submit').click();
    await manager.page.locator(`#m-ship-${orderId}`).waitFor({ state: 'detached' });
    const shipped = await api('order.get', { orderId });
    expect(shipped.status).toBe('shipped');
    expect(shipped.shipping).toEqual({ carrier: '顺丰速运', trackingNo: 'SF1234567890' });
    await manager.context.close();

    // The customer: 待收货 -> 确认收货 -> 已完成.
    await page.reload();
    await waitForText(page, '#detail-status', '待收货');
    await waitForText(page, '#detail-shipping', '顺丰速运SF1234567890');
    await shot(page, '08-detail-shipped', '#page-order-detail');
    await page.locator(`#btn-confirm-${orderId}`).click();
    await confirmModal(page);
    await waitForText(page, '#detail-status', '已完成');
    expect((await api('order.get', { orderId })).status).toBe('completed');
    await shot(page, '09-detail-completed', '#page-order-detail');
  }, 180_000);
});
