/**
 * H5 end to end: home -> 分类 -> product -> pick a non-default SKU, qty 2 -> cart total -> 我的.
 * Runs the real gateway (in-memory database) serving the H5 build, and drives Debian's Chromium.
 * Skips with a message when Chromium or the H5 build is missing.
 */
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import type { ActionInput, ActionName, ActionOutput, ProductDetail, Sku } from '../../cloudfunctions/core/contract';
import * as e2e from './support';

const OPENID = `e2e-${Date.now().toString(36)}`;
const missing = e2e.missingPrerequisites('shop');

let env: e2e.E2E | undefined;
let page: Page;

const api = <N extends ActionName>(name: N, data: ActionInput<N>): Promise<ActionOutput<N>> =>
  e2e.callApi(env!.baseUrl, OPENID, name, data);
const displayed = e2e.displayed;
const textOf = (selector: string) => e2e.textOf(page, selector);
const waitForText = (selector: string, expected: string) => e2e.waitForText(page, selector, expected);

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(e2e.ARTIFACTS, `${name}.png`) });
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
    env = await e2e.startE2E();
    ({ page } = await e2e.signedInPage(env.browser, OPENID));
  }, 120_000);

  afterAll(async () => {
    await env?.close();
  });

  it('browses, picks a SKU, prices the cart on the server and shows the member', async () => {
    await page.goto(`${env!.baseUrl}/#/pages/home/index`);
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
    await page.waitForFunction(
      () => (document.querySelector('#sku-qty input') as HTMLInputElement | null)?.value === '2',
    );
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
