/**
 * What every H5 end-to-end suite shares: prerequisites (Chromium, the H5 build), the gateway and
 * browser they drive, an API caller acting as a dev member, and page helpers.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ActionInput, ActionName, ActionOutput, Address, ProductDetail } from '../../cloudfunctions/core/contract';
import { formatFen } from '../../src/utils/money';

const ROOT = path.resolve(__dirname, '..', '..');
export const ARTIFACTS = path.join(__dirname, 'artifacts');
export const STEP_TIMEOUT = 20_000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const H5_INDEX = path.join(ROOT, 'dist', 'h5', 'index.html');
/** Run against an already running gateway (e.g. `npm start`) instead of starting one. */
const EXTERNAL = process.env.E2E_BASE_URL;

/** Why this suite cannot run here (printed), or an empty list. */
export function missingPrerequisites(suite: string): string[] {
  const missing = [
    !fs.existsSync(CHROMIUM) && `Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`,
    !EXTERNAL && !fs.existsSync(H5_INDEX) && `H5 build not found at ${H5_INDEX} (run npm run build:h5)`,
  ].filter((m): m is string => Boolean(m));
  if (missing.length) console.warn(`[e2e] skipping the H5 ${suite} suite: ${missing.join('; ')}`);
  return missing;
}

export interface E2E {
  baseUrl: string;
  browser: Browser;
  /** The gateway's database when this run started the gateway (absent with E2E_BASE_URL). */
  db?: import('../../cloudfunctions/core/db/db').Db;
  /** The gateway's local WeChat stand-ins (refund simulator, recorded messages), likewise. */
  platform?: import('../../cloudfunctions/core/platform/local/local-platform').LocalPlatform;
  close(): Promise<void>;
}

/** Starts the real gateway (in-memory database, serving dist/h5) unless E2E_BASE_URL is set, and Chromium. */
export async function startE2E(): Promise<E2E> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  let baseUrl = EXTERNAL?.replace(/\/$/, '') ?? '';
  let closeGateway: (() => Promise<void>) | undefined;
  let db: E2E['db'];
  let platform: E2E['platform'];
  if (!EXTERNAL) {
    const { startGateway } = await import('../../cloudfunctions/gateway/server');
    const gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      devAuth: true,
      staticDir: path.join(ROOT, 'dist', 'h5'),
    });
    baseUrl = gateway.url.replace(/\/$/, '');
    closeGateway = () => gateway.close();
    db = gateway.db;
    platform = gateway.platform;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    baseUrl,
    browser,
    db,
    platform,
    close: async () => {
      await browser.close();
      await closeGateway?.();
    },
  };
}

/** A phone-sized browser context signed in as `openid` (Taro H5 storage keeps `{ data }` JSON in localStorage). */
export async function signedInPage(
  browser: Browser,
  openid: string,
  width = 375,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
  });
  await context.addInitScript((id) => localStorage.setItem('session.devOpenid', JSON.stringify({ data: id })), openid);
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  return { context, page };
}

/**
 * Pages opened as different people over one suite: `open(openid, hash, width?)` signs in a new context
 * at that route, `width` px wide (a phone by default; 1280 for the manager's desktop layout);
 * `closeAll()` (afterAll) closes every context it opened.
 */
export function pageOpener(env: () => E2E, defaultWidth = 375) {
  const contexts: BrowserContext[] = [];
  return {
    async open(openid: string, hash: string, width = defaultWidth): Promise<Page> {
      const { context, page } = await signedInPage(env().browser, openid, width);
      contexts.push(context);
      await page.goto(`${env().baseUrl}/#${hash}`);
      return page;
    },
    async closeAll(): Promise<void> {
      for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
    },
  };
}

/** Calls the API the way the H5 client does, as the given dev member. */
export async function callApi<N extends ActionName>(
  baseUrl: string,
  openid: string,
  name: N,
  data: ActionInput<N>,
  idempotencyKey?: string,
): Promise<ActionOutput<N>> {
  const dot = name.indexOf('.');
  const [fn, action] = [name.slice(0, dot), name.slice(dot + 1)];
  const res = await fetch(`${baseUrl}/api/fn/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Dev-Openid': openid },
    body: JSON.stringify({ action, data, ...(idempotencyKey ? { idempotencyKey } : {}) }),
  });
  const body = (await res.json()) as { ok: boolean; data?: unknown; error?: unknown };
  if (!body.ok) throw new Error(`${name} failed: ${JSON.stringify(body.error)}`);
  return body.data as ActionOutput<N>;
}

/** Adds an address to the member's book (the first one becomes the default express checkout uses). */
export async function saveAddress(baseUrl: string, openid: string, address: Address): Promise<void> {
  await callApi(baseUrl, openid, 'member.address.save', address, `e2e-address-${randomUUID()}`);
}

/** The price as the page shows it: NutUI Price with thousands separators. */
export function displayed(fen: number): string {
  const [int, dec] = formatFen(fen).split('.');
  return `¥${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

export async function waitForText(page: Page, selector: string, expected: string): Promise<void> {
  await page.waitForFunction(
    ([sel, want]) => (document.querySelector(sel) as HTMLElement | null)?.innerText.replace(/\s+/g, '') === want,
    [selector, expected] as const,
    { timeout: STEP_TIMEOUT },
  );
}

/** Taro H5 toasts: wait until one shows `text`. */
export async function waitForToast(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (t) =>
      [...document.querySelectorAll<HTMLElement>('.taro__toast')].some(
        (el) => el.style.display !== 'none' && el.innerText.includes(t),
      ),
    text,
    { timeout: STEP_TIMEOUT },
  );
}

export async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().innerText()) ?? '').replace(/\s+/g, '');
}

/**
 * Screenshots `page` to artifacts/`file` once `root` has finished sliding in (Taro H5 animates page
 * changes) and any toast has faded out.
 */
export async function settledScreenshot(page: Page, file: string, root: string): Promise<void> {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return (
      !!el &&
      Math.abs(el.getBoundingClientRect().left) < 1 &&
      !el.closest('.taro_page')?.getAnimations({ subtree: false }).length
    );
  }, root);
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll<HTMLElement>('.taro__toast')].every(
          (t) => t.style.display === 'none' || t.style.opacity === '0',
        ),
      undefined,
      { timeout: 5000 },
    )
    .catch(() => undefined);
  await page.waitForTimeout(350);
  await page.screenshot({ path: path.join(ARTIFACTS, file) });
}

/**
 * A call as `who` by function and action name, untyped (tests build inputs freely); a mutating call
 * gets a fresh idempotency key unless one is given. Throws with the error envelope when refused.
 */
export async function act(
  baseUrl: string,
  fn: string,
  action: string,
  data: unknown,
  who: string,
  idempotencyKey?: string,
): Promise<any> {
  const res = await fetch(`${baseUrl}/api/fn/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Dev-Openid': who },
    body: JSON.stringify({
      action,
      data,
      idempotencyKey: idempotencyKey ?? `e2e-${Math.random().toString(36).slice(2)}-${Date.now()}`,
    }),
  });
  const body = (await res.json()) as { ok: boolean; data?: unknown; error?: unknown };
  if (!body.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(body.error)}`);
  return body.data;
}

/** A local-mode dev route: `clock`, `run-timer/<fn>`, `pay-callback`. */
export async function devRoute(baseUrl: string, route: string, body: unknown = {}): Promise<any> {
  const res = await fetch(`${baseUrl}/api/dev/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.json();
}

/** The first product in stock that can be shipped, with its first SKU in stock (checkout walks). */
export async function shippableProduct(
  baseUrl: string,
  openid: string,
): Promise<{ product: ProductDetail; skuId: string }> {
  const { items } = await callApi(baseUrl, openid, 'catalog.listProducts', { limit: 50 });
  for (const summary of items) {
    if (summary.soldOut) continue;
    const product = await callApi(baseUrl, openid, 'catalog.getProduct', { productId: summary.id });
    const start = product.skus.find((s) => s.stock > 0);
    if (product.fulfilment.includes('express') && start) return { product, skuId: start.id };
  }
  throw new Error('no shippable product in stock');
}

/** Opens a product, adds its default SKU to the cart, goes to the cart and waits until 结算 is enabled. */
export async function addToCart(page: Page, baseUrl: string, product: ProductDetail, skuId: string): Promise<void> {
  await page.goto(`${baseUrl}/#/packages/goods/detail?id=${encodeURIComponent(product.id)}`);
  await waitForText(page, '#detail-title', product.title.replace(/\s+/g, ''));
  await page.locator('#btn-add-cart').click();
  await page.locator('#sku-confirm').click();
  await page.locator('#sku-picker').waitFor({ state: 'hidden' });
  await page.locator('#detail-go-cart').click();
  await page.locator(`#cart-line-${skuId}`).waitFor();
  await page.locator('#detail-title').waitFor({ state: 'hidden' });
  await page.waitForFunction(() => !(document.querySelector('#cart-checkout') as HTMLButtonElement | null)?.disabled);
}
