/**
 * H5 end to end: home -> 分类 -> product -> pick a non-default SKU, qty 2 -> cart total -> 我的.
 * Runs the real gateway (in-memory database) serving the H5 build, and drives Debian's Chromium.
 * Skips with a message when Chromium or the H5 build is missing. E2E_BASE_URL runs against an
 * already running gateway instead (e.g. `npm start`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ActionInput, ActionName, ActionOutput, ProductDetail, Sku } from '../../cloudfunctions/core/contract';
import { formatFen } from '../../src/utils/money';

const ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const H5_INDEX = path.join(ROOT, 'dist', 'h5', 'index.html');
const ARTIFACTS = path.join(__dirname, 'artifacts');
const EXTERNAL = process.env.E2E_BASE_URL;
const OPENID = `e2e-${Date.now().toString(36)}`;
const STEP_TIMEOUT = 20_000;

const missing = [
  !fs.existsSync(CHROMIUM) && `Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`,
  !EXTERNAL && !fs.existsSync(H5_INDEX) && `H5 build not found at ${H5_INDEX} (run npm run build:h5)`,
].filter(Boolean);
if (missing.length) console.warn(`[e2e] skipping the H5 shop suite: ${missing.join('; ')}`);

let baseUrl = '';
let browser: Browser | undefined;
let page: Page;
let closeGateway: (() => Promise<void>) | undefined;

/** Calls the API the way the H5 client does, as the same dev member. */
async function api<N extends ActionName>(name: N, data: ActionInput<N>): Promise<ActionOutput<N>> {
  const [fn, action] = name.split('.');
  const res = await fetch(`${baseUrl}/api/fn/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Dev-Openid': OPENID },
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

async function textOf(selector: string): Promise<string> {
  return ((await page.locator(selector).first().innerText()) ?? '').replace(/\s+/g, '');
}

async function waitForText(selector: string, expected: string): Promise<void> {
  await page.waitForFunction(
    ([sel, want]) => (document.querySelector(sel) as HTMLElement | null)?.innerText.replace(/\s+/g, '') === want,
    [selector, expected] as const,
    { timeout: STEP_TIMEOUT },
  );
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

async function openTab(label: string): Promise<void> {
  await page.locator('.taro-tabbar__tabbar .weui-tabbar__label', { hasText: label }).click();
}

/** The picker starts on the first SKU in stock; find another in-stock SKU reachable by one chip. */
function pickTarget(product: ProductDetail): { sku: Sku; group: number; value: number } | undefined {
  const start = product.skus.find((s) => s.stock > 0);
  if (!start) return undefined;
  for (const sku of product.skus) {
    if (sku.id === start.id || sku.stock < 2) continue;
    const differing = product.specGroups.filter((g) => sku.specs[g.name] !== start.specs[g.name]);
    if (differing.length !== 1) continue;
    const group = product.specGroups.indexOf(differing[0]);
    return { sku, group, value: differing[0].values.indexOf(sku.specs[differing[0].name]) };
  }
  return undefined;
}

describe.skipIf(missing.length > 0)('H5 shop, end to end', () => {
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
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true });
    // Sign in as a fresh dev member: Taro H5 storage keeps `{ data }` JSON in localStorage.
    await context.addInitScript((openid) => {
      localStorage.setItem('session.devOpenid', JSON.stringify({ data: openid }));
    }, OPENID);
    page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await closeGateway?.();
  });

  it('browses, picks a SKU, prices the cart on the server and shows the member', async () => {
    await page.goto(`${baseUrl}/#/pages/home/index`);
    await page.locator('#home-content [id^=product-card-]').first().waitFor();
    await shot('01-home');

    await openTab('分类');
    await page.locator('#page-category [id^=product-row-]').first().waitFor();
    await shot('02-category');

    // Walk the categories until a product offers a second in-stock SKU to choose.
    let chosen: { product: ProductDetail; target: NonNullable<ReturnType<typeof pickTarget>> } | undefined;
    const categoryIds = await page.locator('#page-category [id^=cat-]').evaluateAll((els) => els.map((e) => e.id));
    for (const catId of categoryIds) {
      await page.locator(`#${catId}`).click();
      await page.locator('#category-feed [id^=product-row-]').first().waitFor();
      const rowIds = await page.locator('#category-feed [id^=product-row-]').evaluateAll((els) => els.map((e) => e.id));
      for (const rowId of rowIds) {
        const product = await api('catalog.getProduct', { productId: rowId.replace('product-row-', '') });
        const target = pickTarget(product);
        if (target) {
          chosen = { product, target };
          break;
        }
      }
      if (chosen) break;
    }
    expect(chosen, 'a product with a second in-stock SKU').toBeDefined();
    const { product, target } = chosen!;

    await page.locator(`#product-row-${product.id}`).click();
    await waitForText('#detail-title', product.title);
    await shot('03-detail');

    await page.locator('#btn-add-cart').click();
    await page.locator('#sku-picker').waitFor();
    await page.locator(`#sku-chip-${target.group}-${target.value}`).click();
    await waitForText('#sku-price .price-line__now', displayed(target.sku.priceFen));
    await page.locator('#sku-qty .nut-inputnumber-add').click();
    await page.waitForFunction(() => (document.querySelector('#sku-qty input') as HTMLInputElement | null)?.value === '2');
    await shot('04-sku-picked');
    await page.locator('#sku-confirm').click();
    await page.locator('#sku-picker').waitFor({ state: 'hidden' });

    // The detail page is not a tab page (no tab bar): go to the cart through its own link.
    await page.locator('#detail-go-cart').click();
    await page.locator(`#cart-line-${target.sku.id}`).waitFor();
    // The total is the server's quote; it must equal 2 x the SKU price the API reported.
    await waitForText('#cart-total', displayed(target.sku.priceFen * 2));
    expect(await textOf('#cart-total')).toBe(displayed(target.sku.priceFen * 2));
    expect(await page.locator('[id^=cart-line-]').count()).toBe(1);
    // Let the detail page finish sliding away so the screenshot shows the cart alone.
    await page.locator('#detail-title').waitFor({ state: 'hidden' });
    await shot('05-cart');

    await openTab('我的');
    const me = await api('member.me', {});
    await waitForText('#me-nickname', me.nickname.replace(/\s+/g, ''));
    expect(await textOf('#me-tier')).toBe(me.tier.name.replace(/\s+/g, ''));
    expect(await textOf('#me-openid')).toBe(OPENID);
    await shot('06-me');
  }, 180_000);
});
