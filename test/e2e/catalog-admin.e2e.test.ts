/**
 * H5 end to end, running the store from 管理后台: the manager creates a product with two specs (2 × 2
 * SKUs), two uploaded pictures and a 运费模板 in the editor; it shows in 分类 and in search; a customer
 * buys one SKU with express shipping priced by the template for their province; the manager ships it
 * by a CSV import (批量发货) and the customer sees the tracking timeline; then the manager changes that
 * SKU's price in the editor and the customer's order still shows what was paid. Categories: create,
 * move up, hide (gone from 分类). Screenshots at 390 px and 1280 px.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as e2e from './support';

const RUN = Date.now().toString(36);
const CUSTOMER = `e2e-catalog-${RUN}`;
const MANAGER = 'demo-manager';
const TITLE = `后台新品${RUN}`;
const missing = e2e.missingPrerequisites('catalog-admin');

let env: e2e.E2E | undefined;
const pages = e2e.pageOpener(() => env!, 390);
const open = pages.open;
let pictures: string[] = [];
let productId = '';
let templateId = '';

const shot = (page: Page, name: string, root: string) => e2e.settledScreenshot(page, `catalog-admin-${name}.png`, root);
const fill = (page: Page, id: string, value: string) =>
  page.locator(`#${id} input, #${id} textarea, input#${id}, textarea#${id}`).first().fill(value);

/** Picks `files` in the picker the click on `selector` opens (Taro H5's chooseImage is a file input). */
async function choose(page: Page, selector: string, files: string[]) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator(selector).click()]);
  await chooser.setFiles(files);
}

/** A new product heads the list (the store's order puts new listings first). */
async function scrollToProduct(page: Page) {
  await page.locator('#m-product-list .m-item').first().waitFor();
  expect(await page.locator('#m-product-list .m-item').first().getAttribute('id')).toBe(`m-product-${productId}`);
}

describe.skipIf(missing.length > 0)('H5 catalog admin: products and categories from 管理后台', () => {
  beforeAll(async () => {
    env = await e2e.startE2E();
    await e2e.callApi(env.baseUrl, CUSTOMER, 'member.me', {});
    // 江浙沪 ¥6, elsewhere ¥12 (the template's own page is walked in freight.e2e.test.ts).
    const template = await e2e.callApi(
      env.baseUrl,
      MANAGER,
      'manager.saveFreightTemplate',
      {
        name: `新品运费${RUN}`,
        chargeBy: 'count',
        regions: [
          {
            provinces: ['上海市', '江苏省', '浙江省'],
            firstUnit: 1,
            firstFeeFen: 600,
            additionalUnit: 1,
            additionalFeeFen: 200,
            freeOverFen: null,
          },
        ],
        defaultRule: { firstUnit: 1, firstFeeFen: 1_200, additionalUnit: 1, additionalFeeFen: 300, freeOverFen: null },
        undeliverable: [],
      },
      `e2e-freight-${RUN}`,
    );
    templateId = template.templateId;
    // Two real PNGs to upload: the store's own category icons.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-e2e-'));
    pictures = await Promise.all(
      ['c-cleanser', 'c-serum'].map(async (id, i) => {
        const bytes = Buffer.from(await (await fetch(`${env!.baseUrl}/media/categories/${id}.png`)).arrayBuffer());
        const file = path.join(dir, `pic-${i}.png`);
        fs.writeFileSync(file, bytes);
        return file;
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await pages.closeAll();
    await env?.close();
  });

  it('the manager creates a 2 × 2 product with pictures and a detail in the editor', async () => {
    const page = await open(MANAGER, '/packages/manager/products');
    await page.locator('#m-product-list .m-item').first().waitFor();
    await shot(page, '01-products-390', '#page-manager-products');
    await page.locator('#m-product-new').click();
    await page.locator('#product-editor').waitFor();
    await fill(page, 'pe-title', TITLE);
    await fill(page, 'pe-subtitle', '管理后台新建的商品');
    await page.locator('#pe-category-c-cleanser').click();
    await fill(page, 'pe-tags', '新品');
    await choose(page, '#pe-add-image', pictures);
    await page.locator('#pe-image-1').waitFor();
    for (const [i, name, values] of [
      [0, '容量', ['30ml', '50ml']],
      [1, '规格', ['清爽', '滋润']],
    ] as const) {
      await fill(page, 'pe-new-group', name);
      await page.locator('#pe-add-group').click();
      for (const v of values) {
        await fill(page, `pe-group-${i}-value`, v);
        await page.locator(`#pe-group-${i}-add`).click();
      }
    }
    await page.locator('#pe-sku-3').waitFor();
    // The first SKU stays below a new member's free-shipping threshold (¥99): the template prices it.
    for (const [i, price] of ['49', '109', '149', '159'].entries()) {
      await fill(page, `pe-sku-${i}-price`, price);
      await fill(page, `pe-sku-${i}-stock`, '20');
      await fill(page, `pe-sku-${i}-weight`, '150');
    }
    // The dearest SKU gets its own 会员价; the others follow the tier's percentage.
    await fill(page, 'pe-sku-3-memberPrice', '139');
    await page.locator('#pe-sku-3').scrollIntoViewIfNeeded();
    await shot(page, '02a-editor-skus-390', '#page-manager-products');
    await page.locator('#pe-add-text').click();
    await fill(page, 'pe-block-0-text', '清爽不黏腻，早晚可用。');
    await choose(page, '#pe-add-detail-image', [pictures[1]!]);
    await page.locator('#pe-block-1 img').waitFor();
    await page.locator(`#pe-freight-${templateId}`).click();
    await page.locator(`#pe-freight-${templateId}.pe-chip--on`).waitFor();
    await shot(page, '02-editor-390', '#page-manager-products');
    await page.locator('#pe-save').click();
    await e2e.waitForToast(page, '已保存');
    const found = await e2e.callApi(env!.baseUrl, MANAGER, 'manager.listProducts', { keyword: TITLE });
    expect(found.items).toHaveLength(1);
    productId = found.items[0]!.productId;
    const saved = await e2e.callApi(env!.baseUrl, MANAGER, 'manager.getProduct', { productId });
    expect(
      saved.skus.map((s) => [Object.values(s.specs).join('/'), s.priceFen, s.memberPriceFen, s.stock, s.weightGrams]),
    ).toEqual([
      ['30ml/清爽', 4900, null, 20, 150],
      ['30ml/滋润', 10900, null, 20, 150],
      ['50ml/清爽', 14900, null, 20, 150],
      ['50ml/滋润', 15900, 13900, 20, 150],
    ]);
    expect(saved).toMatchObject({
      categoryId: 'c-cleanser',
      status: 'on_sale',
      onShelfAt: null,
      offShelfAt: null,
      freightTemplateId: templateId,
    });
    expect(saved.imageIds).toHaveLength(2);
    expect(saved.imageIds.every((id) => /^\/media\/catalog\/[0-9a-f]{24}\.png$/.test(id))).toBe(true);
    expect(saved.detail.map((b) => b.type)).toEqual(['text', 'image']);

    const wide = await open(MANAGER, '/packages/manager/products', 1280);
    await scrollToProduct(wide);
    await wide.locator(`#m-product-${productId} .m-product-open`).click();
    await wide.locator('#product-editor').waitFor();
    await e2e.waitForText(wide, '#pe-skus .pe-section__title', '规格明细（4个SKU）');
    expect(await wide.locator('#m-product-list').isVisible()).toBe(true);
    await shot(wide, '03-products-editor-1280', '#page-manager-products');
  }, 180_000);

  it('the product shows in 分类 and in search, with its detail blocks', async () => {
    const inCategory = await e2e.callApi(env!.baseUrl, CUSTOMER, 'catalog.listProducts', { categoryId: 'c-cleanser' });
    expect(inCategory.items.map((p) => p.id)).toContain(productId);
    const page = await open(CUSTOMER, '/pages/category/index');
    await page.locator('#cat-c-cleanser').click();
    await page.locator('#category-feed .product-row').first().waitFor();
    await shot(page, '09-category-390', '#page-category');
    await page.locator(`#category-feed #product-row-${productId}`).waitFor();
    await page.goto(`${env!.baseUrl}/#/packages/goods/list?keyword=${encodeURIComponent(TITLE)}`);
    await page.locator(`#list-feed #product-row-${productId}`).waitFor();
    await page.locator(`#product-row-${productId}`).click();
    await page.locator('#detail-blocks').waitFor();
    expect(await e2e.textOf(page, '#detail-blocks')).toContain('清爽不黏腻，早晚可用。');
    expect(await page.locator('#detail-blocks img').count()).toBe(1);
    await page.locator('#detail-blocks').scrollIntoViewIfNeeded();
    await shot(page, '04-detail-blocks-390', '#page-detail');
  }, 120_000);

  it('a customer buys one SKU, shipping priced by the template; 批量发货 ships it, the customer tracks it; a price edit leaves the order as paid', async () => {
    const product = await e2e.callApi(env!.baseUrl, CUSTOMER, 'catalog.getProduct', { productId });
    const sku = product.skus[0]!;
    await e2e.saveAddress(env!.baseUrl, CUSTOMER, {
      name: '林晓',
      phone: '13800138000',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      detail: '文三路 90 号',
    });
    const page = await open(CUSTOMER, '/pages/me/index');
    await e2e.addToCart(page, env!.baseUrl, product, sku.id);
    await page.locator('#cart-checkout').click();
    await page.locator('#page-checkout #delivery-express').click();
    await page.locator('#page-checkout #delivery-address').waitFor();
    // 浙江省 under the product's template: ¥6, not the store's flat ¥10.
    await e2e.waitForText(page, '#amount-shipping', '运费¥6.00');
    await page.locator('#checkout-submit').click();
    await page.locator('#page-pay #pay-confirm').click();
    await e2e.waitForText(page, '#result-title', '支付成功');
    await page.locator('#result-view-order').click();
    await page.locator(`#order-line-${sku.id}`).waitFor();
    const lineBefore = await e2e.textOf(page, `#order-line-${sku.id}`);
    const orderId = new URL(page.url().replace('#/', '')).searchParams.get('orderId') ?? '';
    const placed = await e2e.callApi(env!.baseUrl, CUSTOMER, 'order.get', { orderId });
    expect(placed.lines[0]).toMatchObject({ skuId: sku.id, unitPriceFen: 4900, title: TITLE });
    expect(placed.shippingFen).toBe(600);
    expect(lineBefore).toContain(TITLE);

    // 批量发货: the manager pastes (order number, carrier, tracking number); the row reports 已发货.
    const trackingNo = `SF${RUN}`.toUpperCase().padEnd(12, '0');
    const shipments = await open(MANAGER, '/packages/manager/shipments');
    await shipments
      .locator('#page-manager-shipments textarea')
      .fill(`订单号,快递公司,运单号\n${placed.orderNo},顺丰,${trackingNo}\nQH000000000000,顺丰,${trackingNo}`);
    await shipments.locator('#m-shipments-submit').click();
    await shipments.locator('#m-shipment-results').waitFor();
    expect(await e2e.textOf(shipments, '#m-shipment-row-2')).toContain('已发货');
    // An order number the store does not have is refused on its own row, the good row still ships.
    expect(await e2e.textOf(shipments, '#m-shipment-row-3')).toContain('订单不存在');
    await shipments.locator('#m-shipment-row-3').scrollIntoViewIfNeeded();
    await shot(shipments, '05b-batch-ship-results-390', '#page-manager-shipments');
    await page.reload();
    await page.locator('#tracking-steps').waitFor();
    expect(await e2e.textOf(page, '#detail-tracking')).toContain(`顺丰速运${trackingNo}`);
    await shot(page, '05a-order-tracking-390', '#page-order-detail');
    const shipped = await e2e.callApi(env!.baseUrl, CUSTOMER, 'order.get', { orderId });
    expect(shipped.status).toBe('shipped');

    const manager = await open(MANAGER, '/packages/manager/products');
    await scrollToProduct(manager);
    await manager.locator(`#m-product-${productId} .m-product-open`).click();
    await manager.locator('#pe-sku-0').waitFor();
    await fill(manager, 'pe-sku-0-price', '59');
    await manager.locator('#pe-save').click();
    await e2e.waitForToast(manager, '已保存');
    const after = await e2e.callApi(env!.baseUrl, CUSTOMER, 'catalog.getProduct', { productId });
    expect(after.skus[0]!.priceFen).toBe(5900);

    await page.reload();
    await page.locator(`#order-line-${sku.id}`).waitFor();
    expect(await e2e.textOf(page, `#order-line-${sku.id}`)).toBe(lineBefore);
    expect(await e2e.callApi(env!.baseUrl, CUSTOMER, 'order.get', { orderId })).toEqual(shipped);
    await shot(page, '05-order-keeps-price-390', '#page-order-detail');
  }, 180_000);

  it('categories: create, move up, hide; a hidden category leaves 分类', async () => {
    const page = await open(MANAGER, '/packages/manager/categories');
    await page.locator('#m-category-list .m-item').first().waitFor();
    await shot(page, '06-categories-390', '#page-manager-categories');
    await page.locator('#m-category-new').click();
    await fill(page, 'm-category-name', `新类${RUN.slice(-3)}`);
    await page.locator('#m-category-icons img').first().click();
    await shot(page, '07-category-form-390', '#page-manager-categories');
    await page.locator('#m-category-save').click();
    await e2e.waitForToast(page, '已保存');
    const listed = async () => (await e2e.callApi(env!.baseUrl, MANAGER, 'manager.listCategories', {})).items;
    const made = (await listed()).find((c) => c.name === `新类${RUN.slice(-3)}`)!;
    expect(made).toBeDefined();
    expect((await listed()).at(-1)!.categoryId).toBe(made.categoryId);
    await page.locator('#split-back').click();
    await page.locator(`#m-category-${made.categoryId} .m-category-up`).click();
    await page.waitForFunction((id) => {
      const cards = [...document.querySelectorAll('#m-category-list .m-item')];
      return cards.length > 1 && cards[cards.length - 2]!.id === `m-category-${id}`;
    }, made.categoryId);
    const order = (await listed()).map((c) => c.categoryId);
    expect(order.indexOf(made.categoryId)).toBe(order.length - 2);
    await page.locator(`#m-category-${made.categoryId} .m-category-hide`).click();
    await page.locator(`#m-category-${made.categoryId} >> text=已隐藏`).waitFor();

    const wide = await open(MANAGER, '/packages/manager/categories', 1280);
    await wide.locator(`#m-category-${made.categoryId} .m-item__head`).click();
    await wide.locator('#m-category-form').waitFor();
    await shot(wide, '08-categories-1280', '#page-manager-categories');

    const shopper = await open(CUSTOMER, '/pages/category/index');
    await shopper.locator('#cat-c-cleanser').waitFor();
    expect(await shopper.locator(`#cat-${made.categoryId}`).count()).toBe(0);
    const home = await e2e.callApi(env!.baseUrl, CUSTOMER, 'catalog.home', {});
    expect(home.categories.map((c) => c.id)).not.toContain(made.categoryId);
  }, 180_000);
});
