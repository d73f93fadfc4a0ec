/**
 * H5 end to end, 首页装修 and 门店管理 as the manager uses them, and what the customer then sees: a banner
 * linking to a product, scheduled from now and moved to the top, leads the home page and opens the
 * product, then takes an uploaded picture; a section of two chosen products shows on home in the manager's order; a new shop with its
 * hours is offered at checkout and a closed one is not. Screenshots of each page at 390 and 1280 px.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as e2e from './support';

const RUN = Date.now().toString(36);
const CUSTOMER = `e2e-home-${RUN}`;
const MANAGER = 'demo-manager';
const SERUM = 'p-cica-b5-repair-serum';
const SUNSCREEN = 'p-tinted-tone-up-sunscreen';
const VOUCHER = 'p-in-store-facial-voucher';
const missing = e2e.missingPrerequisites('home-and-shops');

let env: e2e.E2E | undefined;
const pages = e2e.pageOpener(() => env!, 390);
const open = pages.open;

const shot = (page: Page, name: string, root: string) =>
  e2e.settledScreenshot(page, `home-and-shops-${name}.png`, root);
const api = <N extends Parameters<typeof e2e.callApi>[2]>(
  who: string,
  name: N,
  data: Parameters<typeof e2e.callApi<N>>[3],
) => e2e.callApi(env!.baseUrl, who, name, data);

/** `YYYY-MM-DD HH:mm` in Shanghai time, as the editor takes it. */
function shanghai(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Waits until every picture under `root` has loaded (banner art is drawn on first request). */
async function imagesLoaded(page: Page, root: string) {
  await page.waitForFunction(
    (sel) =>
      [...document.querySelectorAll<HTMLImageElement>(`${sel} img`)].every((i) => i.complete && i.naturalWidth > 0),
    root,
  );
}

/** Searches the product picker under `root` and picks the product. */
async function pickProduct(page: Page, root: string, keyword: string, productId: string) {
  await page.locator(`${root} .nut-searchbar input`).fill(keyword);
  await page.locator(`${root} .nut-searchbar input`).press('Enter');
  await page.locator(`${root}-${productId}`).click();
}

describe.skipIf(missing.length > 0)('H5 首页装修 and 门店管理, end to end', () => {
  beforeAll(async () => {
    env = await e2e.startE2E();
    await api(CUSTOMER, 'member.me', {});
  }, 120_000);

  afterAll(async () => {
    await pages.closeAll();
    await env?.close();
  });

  it('a banner to a product, scheduled from now and moved first, leads the home page and opens the product', async () => {
    const page = await open(MANAGER, '/packages/manager/home-page');
    await page.locator('#banner-list').waitFor();
    await imagesLoaded(page, '#banner-list');
    await shot(page, '01-banners-390', '#page-manager-home-page');
    await page.locator('#banner-new').click();
    await page.locator('#banner-title input').fill('冬季修护季');
    await page.locator('#banner-subtitle input').fill('小绿瓶 会员专享');
    await page.locator('#banner-hue-350').click();
    await pickProduct(page, '#banner-link-product', '修护', SERUM);
    await e2e.waitForText(page, '#banner-link .m-editor__label', '链接：商品「青禾积雪草B5修护精华」');
    await page.locator('#banner-starts input').fill(shanghai(new Date()));
    await page.locator('#banner-ends input').fill(shanghai(new Date(Date.now() + 7 * 86_400_000)));
    await shot(page, '02-banner-editor-390', '#page-manager-home-page');
    await page.locator('#banner-save').click();
    await e2e.waitForToast(page, '已保存');

    const saved = (await api(MANAGER, 'manager.listBanners', {})).items.find((b) => b.title === '冬季修护季')!;
    expect(saved).toMatchObject({ link: { kind: 'product', id: SERUM }, state: 'live', art: { hue: 350 } });
    await page.locator('#split-back').click();
    await page.locator(`#banner-first-${saved.bannerId}`).click();
    await e2e.waitForToast(page, '已调整');
    expect((await api(MANAGER, 'manager.listBanners', {})).items[0]!.bannerId).toBe(saved.bannerId);

    const wide = await open(MANAGER, '/packages/manager/home-page', 1280);
    await wide.locator(`#banner-${saved.bannerId}`).click();
    await wide.locator('#banner-editor').waitFor();
    expect(await wide.locator('#banner-list').isVisible()).toBe(true);
    await imagesLoaded(wide, '#banner-split');
    await shot(wide, '03-banners-1280', '#page-manager-home-page');

    const home = await open(CUSTOMER, '/pages/home/index');
    await home.locator(`#home-banner-${saved.bannerId}`).first().waitFor();
    expect(await home.locator('.home-banner__slide').first().getAttribute('id')).toBe(`home-banner-${saved.bannerId}`);
    await shot(home, '04-customer-home-banner', '#page-home');
    await home.locator(`#home-banner-${saved.bannerId}`).first().click();
    await home.locator('#detail-title').waitFor();
    expect(await e2e.textOf(home, '#detail-title')).toBe('青禾积雪草B5修护精华');
  }, 180_000);

  it('a banner takes an uploaded picture instead of drawn art; home shows that picture', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'banner-e2e-')), 'banner.png');
    fs.writeFileSync(
      file,
      Buffer.from(await (await fetch(`${env!.baseUrl}/media/categories/c-serum.png`)).arrayBuffer()),
    );
    const [saved] = (await api(MANAGER, 'manager.listBanners', {})).items;
    const page = await open(MANAGER, '/packages/manager/home-page');
    await page.locator(`#banner-${saved!.bannerId}`).click();
    await page.locator('#banner-editor').waitFor();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#banner-upload').click()]);
    await chooser.setFiles([file]);
    await page.locator('#banner-picture img[src*="/media/catalog/"]').waitFor();
    await imagesLoaded(page, '#banner-editor');
    await shot(page, '02b-banner-uploaded-390', '#page-manager-home-page');
    await page.locator('#banner-save').click();
    await e2e.waitForToast(page, '已保存');
    const after = (await api(MANAGER, 'manager.listBanners', {})).items.find((b) => b.bannerId === saved!.bannerId)!;
    expect(after.image).toMatch(/^\/media\/catalog\/[0-9a-f]{24}\.png$/);
    expect(after.art).toBeNull();
    const home = await open(CUSTOMER, '/pages/home/index');
    await home.locator(`#home-banner-${saved!.bannerId} img[src*="${after.image}"]`).first().waitFor();
  }, 120_000);

  it('a section of two chosen products shows on home in the manager’s order', async () => {
    const page = await open(MANAGER, '/packages/manager/home-page');
    await page.locator('.nut-tabs-titles-item', { hasText: '版块' }).click();
    await page.locator('#section-new').click();
    await page.locator('#section-title input').fill('店长推荐');
    await pickProduct(page, '#section-pick', '防晒', SUNSCREEN);
    await pickProduct(page, '#section-pick', '修护', SERUM);
    await page.locator(`#section-chosen-${SERUM}`).waitFor();
    await shot(page, '05-section-editor-390', '#page-manager-home-page');
    await page.locator('#section-save').click();
    await e2e.waitForToast(page, '已保存');
    const section = (await api(MANAGER, 'manager.listHomeSections', {})).items.find((s) => s.title === '店长推荐')!;
    expect(section.products.map((p) => p.productId)).toEqual([SUNSCREEN, SERUM]);

    const wide = await open(MANAGER, '/packages/manager/home-page', 1280);
    await wide.locator('.nut-tabs-titles-item', { hasText: '版块' }).click();
    await wide.locator(`#section-${section.sectionId}`).click();
    await wide.locator('#section-editor').waitFor();
    await shot(wide, '06-sections-1280', '#page-manager-home-page');

    const home = await open(CUSTOMER, '/pages/home/index');
    const cards = home.locator(`#home-section-${section.sectionId} .product-card`);
    await cards.first().waitFor();
    expect(await cards.evaluateAll((els) => els.map((e) => e.id))).toEqual([
      `product-card-${SUNSCREEN}`,
      `product-card-${SERUM}`,
    ]);
    await home.locator(`#home-section-${section.sectionId}`).scrollIntoViewIfNeeded();
    await shot(home, '07-customer-home-section', '#page-home');
    const wideHome = await open(CUSTOMER, '/pages/home/index', 1280);
    await wideHome.locator(`#home-section-${section.sectionId}`).waitFor();
    await shot(wideHome, '08-customer-home-1280', '#page-home');
  }, 180_000);

  it('a new shop with hours is offered at checkout; a closed one is not', async () => {
    const page = await open(MANAGER, '/packages/manager/shops');
    await page.locator('#m-shop-QHJA').waitFor();
    await shot(page, '09-shops-390', '#page-manager-shops');
    await page.locator('#shop-new').click();
    await page.locator('#shop-name input').fill('青禾 陆家嘴店');
    await page.locator('#shop-address input').fill('上海市浦东新区世纪大道8号');
    await page.locator('#shop-hours input').fill('10:00-22:00');
    await page.locator('#shop-phone input').fill('021-58881234');
    await page.locator('#shop-latitude input').fill('31.2397');
    await page.locator('#shop-longitude input').fill('121.4998');
    await shot(page, '10-shop-editor-390', '#page-manager-shops');
    await page.locator('#shop-save').click();
    await e2e.waitForToast(page, '已保存');
    const created = (await api(MANAGER, 'manager.listShops', {})).items.find((s) => s.name === '青禾 陆家嘴店')!;
    expect(created).toMatchObject({ hours: '10:00-22:00', latitude: 31.2397, longitude: 121.4998, open: true });
    expect(created.code).toMatch(/^[0-9A-Za-z]{4,16}$/);

    await page.locator('#split-back').click();
    await page.locator('#m-shop-QHXH').click();
    await page.locator('#shop-open .nut-switch').click();
    await e2e.waitForToast(page, '已暂停营业');
    expect((await api(MANAGER, 'manager.listShops', {})).items.find((s) => s.code === 'QHXH')?.open).toBe(false);

    const wide = await open(MANAGER, '/packages/manager/shops', 1280);
    await wide.locator('#m-shop-QHXH').click();
    await wide.locator('#shop-editor').waitFor();
    await shot(wide, '11-shops-1280', '#page-manager-shops');

    const buyer = await open(CUSTOMER, `/packages/goods/detail?id=${VOUCHER}`);
    await buyer.locator('#btn-buy-now').click();
    await buyer.locator('#sku-confirm').click();
    await buyer.locator('#pickup-shops').waitFor();
    await buyer.locator(`#pickup-shop-${created.shopId}`).waitFor();
    expect(await e2e.textOf(buyer, `#pickup-shop-${created.shopId}`)).toContain('10:00-22:00');
    expect(await buyer.locator('#pickup-shop-shop-xuhui').count()).toBe(0);
    await shot(buyer, '12-checkout-pickup-shops', '#page-checkout');

    // The closed shop's poster says it is closed.
    const scanner = await open(`e2e-scan-${RUN}`, `/packages/shop/welcome?scene=${encodeURIComponent('s=QHXH')}`);
    await scanner.locator('#welcome-error').waitFor();
    expect(await e2e.textOf(scanner, '#welcome-error')).toContain('该门店已暂停营业');
  }, 180_000);
});
