/**
 * H5 end to end, freight templates: the manager builds a 运费模板 in its page (390 px and 1280 px,
 * list beside the editor), puts the cleanser under it; a customer's checkout charges the template's fee
 * for their address's province, an undeliverable province is said before submit (no fee in payable),
 * the cart prices shipping for the default address, and the 拼团 page says what shipping adds to its
 * group price.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as e2e from './support';

const RUN = Date.now().toString(36);
const CUSTOMER = `e2e-freight-${RUN}`;
const MANAGER = 'demo-manager';
const SKU = 'sku-amino-acid-cleanser-1'; // ¥89: below the entry tier's ¥99 free-shipping threshold
const NAME = `江浙沪优惠-${RUN.slice(-4)}`;
const missing = e2e.missingPrerequisites('freight');

let env: e2e.E2E | undefined;
const pages = e2e.pageOpener(() => env!, 390);
const open = pages.open;

const shot = (page: Page, name: string, root: string) => e2e.settledScreenshot(page, `freight-${name}.png`, root);

/** Picks provinces in a chips field's popup. */
async function pick(page: Page, field: string, provinces: string[]) {
  await page.locator(`#${field}-edit`).click();
  for (const p of provinces) await page.locator(`#${field}-picker`).getByText(p, { exact: true }).click();
  await page.locator(`#${field}-done`).click();
  await page.locator(`#${field}-picker`).waitFor({ state: 'hidden' });
}

describe.skipIf(missing.length > 0)('H5 freight: 运费模板 from the manager page to the customer checkout', () => {
  let templateId = '';

  beforeAll(async () => {
    env = await e2e.startE2E();
    await e2e.callApi(env.baseUrl, CUSTOMER, 'member.me', {});
  }, 120_000);

  afterAll(async () => {
    await pages.closeAll();
    await env?.close();
  });

  it('the manager creates a template in the page: default rule, a region, provinces not delivered to', async () => {
    const page = await open(MANAGER, '/packages/manager/home');
    await page.locator('.m-home-freight').click();
    await page.locator('#page-manager-freight #m-freight-new').click();
    await page.locator('#m-freight-name input').fill(NAME);
    await page.locator('#m-freight-default-first-fee input').fill('12');
    await page.locator('#m-freight-default-add-fee input').fill('3');
    await page.locator('#m-freight-add-region').click();
    await pick(page, 'm-freight-region-0-provinces', ['上海市', '江苏省', '浙江省']);
    await page.locator('#m-freight-region-0-rule-first-fee input').fill('6');
    await page.locator('#m-freight-region-0-rule-add-fee input').fill('2');
    await page.locator('#m-freight-region-0-rule-free-over input').fill('199');
    await pick(page, 'm-freight-undeliverable', ['西藏自治区', '新疆维吾尔自治区']);
    // A province already in a region cannot be picked for another place.
    await page.locator('#m-freight-undeliverable-edit').click();
    const taken = page.locator('#m-freight-undeliverable-picker').getByText('浙江省', { exact: true });
    expect(await taken.getAttribute('class')).toContain('m-freight__chip--off');
    await page.locator('#m-freight-undeliverable-done').click();
    await shot(page, '01-editor-390', '#page-manager-freight');
    await page.locator('#m-freight-save').click();
    await e2e.waitForToast(page, '已保存');

    const list = await e2e.callApi(env!.baseUrl, MANAGER, 'manager.listFreightTemplates', {});
    const saved = list.templates.find((t) => t.name === NAME)!;
    expect(saved.summary).toBe('按件 · 默认 首1件¥12，续1件¥3 · 1个地区 · 2省不配送');
    templateId = saved.id;
    await page.locator('#split-back').click();
    await e2e.waitForText(page, `#m-freight-item-${templateId}`, `${NAME}${saved.summary.replace(/\s+/g, '')}`);
  }, 120_000);

  it('at 1280 px the list stands beside the editor', async () => {
    const page = await open(MANAGER, '/packages/manager/freight', 1280);
    await page.locator(`#m-freight-item-${templateId}`).click();
    await page.locator('#m-freight-editor').waitFor();
    const [list, editor] = [
      await page.locator('#m-freight-list').boundingBox(),
      await page.locator('#m-freight-editor').boundingBox(),
    ];
    expect(editor!.x).toBeGreaterThan(list!.x + list!.width - 1);
    expect(await page.locator('#m-freight-name input').inputValue()).toBe(NAME);
    await shot(page, '02-split-1280', '#page-manager-freight');
  }, 60_000);

  it('a customer is charged the template fee for their province, and told before submit where it cannot go', async () => {
    const { product_id } = await env!
      .db!.kysely.selectFrom('skus')
      .select('product_id')
      .where('id', '=', SKU)
      .executeTakeFirstOrThrow();
    await e2e.callApi(
      env!.baseUrl,
      MANAGER,
      'manager.setProductFreight',
      { productId: product_id, freightTemplateId: templateId },
      `e2e-pf-${RUN}`,
    );
    await e2e.saveAddress(env!.baseUrl, CUSTOMER, {
      name: '林晓',
      phone: '13800138000',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      detail: '文三路 90 号',
    });
    const page = await open(CUSTOMER, `/packages/goods/detail?id=${product_id}`);
    await e2e.waitForText(page, '#detail-shipping', '运费按地区计运费，¥6起，满¥99包邮（2省不配送）');
    await page.evaluate((sku) => {
      localStorage.setItem(
        'checkout.items',
        JSON.stringify({ data: { items: [{ skuId: sku, qty: 1 }], source: 'buy' } }),
      );
    }, SKU);
    await page.goto(`${env!.baseUrl}/#/packages/order/checkout`);
    await page.reload();
    await page.locator('#delivery-express').click();
    await e2e.waitForText(page, '#amount-shipping', '运费¥6.00');
    await shot(page, '03-checkout-zhejiang', '#page-checkout');

    // The default address moves to 西藏: checkout says so and will not submit.
    await e2e.saveAddress(env!.baseUrl, CUSTOMER, {
      name: '林晓',
      phone: '13800138000',
      province: '西藏自治区',
      city: '拉萨市',
      district: '城关区',
      detail: '北京中路 1 号',
    });
    const book = await e2e.callApi(env!.baseUrl, CUSTOMER, 'member.address.list', {});
    const tibet = book.items.find((a) => a.province === '西藏自治区')!;
    await e2e.callApi(
      env!.baseUrl,
      CUSTOMER,
      'member.address.setDefault',
      { addressId: tibet.addressId },
      `e2e-def-${RUN}`,
    );
    await page.reload();
    await page.locator('#delivery-express').click();
    await e2e.waitForText(
      page,
      '#checkout-undeliverable',
      '青禾氨基酸温和洁面乳不支持配送到西藏自治区，请更换收货地址或移除这些商品',
    );
    // NutUI marks a disabled button with its class and ignores taps on it.
    const submit = () =>
      page.evaluate(() => document.querySelector('#checkout-submit')?.classList.contains('nut-button-disabled'));
    await page.waitForFunction(() => !document.querySelector('#checkout-amounts')?.closest('.is-stale'));
    expect(await submit()).toBe(true);
    // No fee for a parcel that cannot be sent: the amounts say so and payable holds the goods only.
    await e2e.waitForText(page, '#amount-shipping', '运费无法配送');
    await shot(page, '04-checkout-undeliverable', '#page-checkout');
  }, 120_000);

  it('the cart prices shipping for the default address: the goods 西藏 refuses, then the fee and threshold for 浙江', async () => {
    await e2e.callApi(
      env!.baseUrl,
      CUSTOMER,
      'catalog.cart.set',
      { items: [{ skuId: SKU, qty: 1 }] },
      `e2e-cart-${RUN}`,
    );
    const page = await open(CUSTOMER, '/pages/cart/index');
    await e2e.waitForText(page, '#cart-shipping', '以下商品不配送到西藏：青禾氨基酸温和洁面乳');
    expect(await page.locator('#cart-shipping').getAttribute('class')).toContain('is-undeliverable');
    await shot(page, '05-cart-undeliverable', '#page-cart');

    const book = await e2e.callApi(env!.baseUrl, CUSTOMER, 'member.address.list', {});
    const zhejiang = book.items.find((a) => a.province === '浙江省')!;
    await e2e.callApi(
      env!.baseUrl,
      CUSTOMER,
      'member.address.setDefault',
      { addressId: zhejiang.addressId },
      `e2e-def-zj-${RUN}`,
    );
    await page.reload();
    // ¥89 under the template: 江浙沪 ¥6; the entry tier's ¥99 is nearer than the template's ¥199.
    await e2e.waitForText(page, '#cart-shipping', '运费¥6（浙江省），再买¥10包邮');
    await shot(page, '06-cart-zhejiang', '#page-cart');
  }, 120_000);

  it('the 拼团 page says what shipping adds to its group price', async () => {
    const page = await open(CUSTOMER, '/packages/groupbuy/campaign?campaignId=gb-demo-cleanser-2');
    await e2e.waitForText(page, '#gb-shipping', '快递按地区计运费，¥6起（2省不配送），门店自提免运费');
    await shot(page, '07-campaign-shipping', '#page-groupbuy-campaign');
  }, 60_000);
});
