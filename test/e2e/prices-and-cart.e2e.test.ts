/**
 * H5 end to end, prices said once and kept, and the customer basics around them:
 * - a stale route cannot buy the wrong product: open A, buy it, open B by its link, 立即购买 -> checkout lists B;
 * - cards say 起 for a product with several prices and show a member's price, the product page the member
 *   price over the struck list price and the shipping rule;
 * - a sold-out product: 已售罄 buttons, 到货提醒, the manager restocks, the member is told; the manager's
 *   list says 已售罄;
 * - the cart: ticks and 全选, the server's total of the ticked lines, 再买¥X包邮, 结算 takes only the ticked
 *   lines, and the cart follows the account to another device;
 * - search: 热搜, history (clearable), sort tabs.
 * Screenshots at 390 px go to artifacts/prices-and-cart-NN-name.png.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import type { ActionInput, ActionName, ActionOutput } from '../../cloudfunctions/core/contract';
import { runOutboxWorker } from '../../cloudfunctions/core/outbox/outbox-worker';
import '../../cloudfunctions/core/subscribers';
import * as e2e from './support';
import { displayed, textOf, waitForText, waitForToast } from './support';

const RUN = Date.now().toString(36);
const BUYER = `e2e-stale-${RUN}`;
const SILVER = `e2e-silver-${RUN}`;
const FAN = `e2e-restock-${RUN}`;
const MANAGER = 'demo-manager';
const TEMPLATE = 'tmpl-restock-e2e';
/** ¥89 and ¥129: a card says ¥89.00起. */
const CLEANSER = { id: 'p-amino-acid-cleanser', cheap: 'sku-amino-acid-cleanser-1', dear: 'sku-amino-acid-cleanser-2' };
/** Every SKU sold out in the demo store. */
const SOLD_OUT = { id: 'p-osmanthus-limited-gift-set', sku: 'sku-osmanthus-limited-gift-set-1' };
const A = { id: 'p-green-tea-balancing-toner', title: '绿茶平衡爽肤水' };
const B = { id: 'p-sunscreen-stick', title: '清透防晒棒SPF50+' };
const ADDRESS = {
  name: '林晓',
  phone: '13800138000',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  detail: '文三路 90 号 2 幢 301',
};
const missing = e2e.missingPrerequisites('prices and cart');

let env: e2e.E2E | undefined;

const api = <N extends ActionName>(name: N, data: ActionInput<N>, openid: string): Promise<ActionOutput<N>> =>
  e2e.callApi(env!.baseUrl, openid, name, data);
const page390 = (openid: string) => e2e.signedInPage(env!.browser, openid, 390);
const shot = (page: Page, name: string, root: string) =>
  e2e.settledScreenshot(page, `prices-and-cart-${name}.png`, root);
const open = (page: Page, hash: string) => page.goto(`${env!.baseUrl}/#${hash}`);

async function setTier(openid: string, tier: string): Promise<void> {
  await api('member.me', {}, openid);
  await env!.db!.kysely.updateTable('members').set({ tier_code: tier }).where('openid', '=', openid).execute();
}

describe.skipIf(missing.length > 0 || !!process.env.E2E_BASE_URL)(
  'H5 prices, cart and search, end to end',
  { timeout: 180_000 },
  () => {
    beforeAll(async () => {
      process.env.RESTOCK_TEMPLATE_ID = TEMPLATE;
      env = await e2e.startE2E();
    }, 120_000);

    afterAll(async () => {
      delete process.env.RESTOCK_TEMPLATE_ID;
      await env?.close();
    });

    it('after buying A, opening B by its link shows B, and 立即购买 buys B', async () => {
      await e2e.saveAddress(env!.baseUrl, BUYER, ADDRESS);
      const { page } = await page390(BUYER);
      await open(page, `/packages/goods/detail?id=${A.id}`);
      await waitForText(page, '#detail-title', A.title);
      await page.locator('#btn-buy-now').click();
      await page.locator('#sku-confirm').click();
      await page.locator('#page-checkout #checkout-lines').waitFor();
      await page.locator('#delivery-express').click();
      await page.locator('#page-checkout #delivery-address').waitFor();
      await page.waitForFunction(
        () => !(document.querySelector('#checkout-submit') as HTMLButtonElement | null)?.disabled,
      );
      await page.locator('#checkout-submit').click();
      await page.locator('#page-pay #pay-order-no').waitFor();
      await page.locator('#pay-confirm').click();
      await page.locator('#page-result #result-title:has-text("支付成功")').waitFor({ timeout: 60_000 });

      // The shared link of another product, opened in the same tab (the app is already running).
      await open(page, `/packages/goods/detail?id=${B.id}`);
      await waitForText(page, '#detail-title', B.title);
      await shot(page, '01-detail-after-purchase', '#page-detail');
      await page.locator('#btn-buy-now').click();
      await page.locator('#sku-confirm').click();
      await page.locator('#page-checkout #checkout-lines').waitFor();
      const lines = await textOf(page, '#page-checkout #checkout-lines');
      expect(lines).toContain(B.title);
      expect(lines).not.toContain(A.title);
    });

    it('cards say 起 and the member price; the product page shows it over the list price, with the shipping rule', async () => {
      await setTier(SILVER, 'silver');
      const { page } = await page390(SILVER);
      const card = (await api('catalog.listProducts', { limit: 50 }, SILVER)).items.find((p) => p.id === CLEANSER.id)!;
      expect(card.priceFrom).toBe(true);
      expect(card.memberPriceFen).not.toBeNull();
      await open(page, '/packages/goods/list?categoryId=c-cleanser');
      const row = page.locator(`#product-row-${CLEANSER.id}`);
      await row.waitFor();
      expect(await row.locator('.price-line__from').innerText()).toBe('起');
      expect((await row.locator('.price-line__now').innerText()).replace(/\s+/g, '')).toBe(
        displayed(card.memberPriceFen!),
      );
      expect((await row.locator('.price-line__was').innerText()).replace(/\s+/g, '')).toBe(displayed(card.priceFen));
      await open(page, '/pages/home/index');
      await page.locator('#page-home .product-grid').waitFor();
      await shot(page, '02-home-cards-member', '#page-home');

      const detail = await api('catalog.getProduct', { productId: CLEANSER.id }, SILVER);
      const first = detail.skus[0]!;
      await open(page, `/packages/goods/detail?id=${CLEANSER.id}`);
      await waitForText(page, '#detail-title', detail.title.replace(/\s+/g, ''));
      expect((await page.locator('#detail-price .price-line__now').innerText()).replace(/\s+/g, '')).toBe(
        displayed(first.memberPriceFen!),
      );
      expect((await page.locator('#detail-price .price-line__was').innerText()).replace(/\s+/g, '')).toBe(
        displayed(first.priceFen),
      );
      await waitForText(page, '#detail-shipping', `运费${detail.shippingRule}`.replace(/\s+/g, ''));
      await shot(page, '03-detail-member-price', '#page-detail');
    });

    it('a sold-out product offers 到货提醒, the manager restocks and the member is told once', async () => {
      const { page } = await page390(FAN);
      await open(page, `/packages/goods/detail?id=${SOLD_OUT.id}`);
      await page.locator('#detail-title').waitFor();
      await waitForText(page, '#btn-buy-now', '已售罄');
      // NutUI marks a disabled button with its class and ignores taps on it.
      const disabled = (sel: string) =>
        page.evaluate((q) => document.querySelector(q)?.classList.contains('nut-button-disabled'), sel);
      expect(await disabled('#btn-buy-now')).toBe(true);
      expect(await disabled('#btn-add-cart')).toBe(true);
      await page.locator('#btn-restock').click();
      await waitForToast(page, '到货后通知你');
      await waitForText(page, '#btn-restock', '已订阅到货提醒');
      await shot(page, '04-detail-sold-out', '#page-detail');
      // On weapp the tap asks for the template; here the member's acceptance is reported as the weapp would.
      await e2e.act(env!.baseUrl, 'member', 'grantSubscriptions', { accepted: [TEMPLATE] }, FAN);

      const manager = await page390(MANAGER);
      await open(manager.page, '/packages/manager/products');
      await manager.page.locator('#page-manager-products .m-item').first().waitFor();
      const status = manager.page.locator(`#m-status-${SOLD_OUT.id}`);
      // 20 products a page: scroll to the bottom until the next page brings it.
      for (let i = 0; i < 10 && (await status.count()) === 0; i++) {
        await manager.page.mouse.wheel(0, 4000);
        await manager.page.waitForTimeout(500);
      }
      await waitForText(manager.page, `#m-status-${SOLD_OUT.id}`, '已售罄');
      await status.evaluate((el) => el.closest('.m-item')?.scrollIntoView({ block: 'center' }));
      await shot(manager.page, '05-manager-sold-out', '#page-manager-products');
      await e2e.act(env!.baseUrl, 'manager', 'updateSku', { skuId: SOLD_OUT.sku, stock: { from: 0, to: 6 } }, MANAGER);
      await manager.context.close();

      await runOutboxWorker({
        db: env!.db!,
        platform: env!.platform!,
        identity: { openid: null, source: 'none' },
        storeId: 'demo',
        now: new Date(),
        requestId: 'e2e-restock',
        clientIp: null,
      });
      const told = env!.platform!.messages.sent.filter((m) => m.templateId === TEMPLATE);
      expect(told).toHaveLength(1);
      expect(told[0]!.page).toBe(`packages/goods/detail?id=${SOLD_OUT.id}`);
      await page.reload();
      await waitForText(page, '#btn-buy-now', '立即购买');
    });

    it('the cart ticks lines, totals the ticked ones, says 再买¥X包邮, and follows the account', async () => {
      const { page, context } = await page390(SILVER);
      await open(page, '/pages/cart/index');
      // Put two lines in through the product page (device one).
      await open(page, `/packages/goods/detail?id=${CLEANSER.id}`);
      await page.locator('#detail-title').waitFor();
      await page.locator('#btn-add-cart').click();
      await page.locator('#sku-confirm').click();
      await page.locator('#sku-picker').waitFor({ state: 'hidden' });
      await open(page, '/packages/goods/detail?id=p-purslane-soothing-mist');
      await waitForText(page, '#detail-title', '马齿苋舒缓喷雾');
      await page.locator('#btn-add-cart').click();
      await page.locator('#sku-confirm').click();
      await page.locator('#sku-picker').waitFor({ state: 'hidden' });
      await page.locator('#detail-go-cart').click();
      await page.locator('#cart-line-sku-purslane-soothing-mist-1').waitFor();

      let server = await api('catalog.cart.list', {}, SILVER);
      expect(server.lines.map((l) => l.skuId).sort()).toEqual([CLEANSER.cheap, 'sku-purslane-soothing-mist-1'].sort());
      await waitForText(page, '#cart-total', displayed(server.selectedTotalFen));
      await waitForText(page, '#cart-checkout', `结算(${server.selectedCount})`);

      // Untick the cleanser: the total is the mist's alone, below silver's ¥69 free-shipping line.
      await page.locator(`#cart-check-${CLEANSER.cheap}`).click();
      await page.waitForFunction(
        (want) => document.querySelector('#cart-checkout')?.textContent?.replace(/\s+/g, '') === want,
        '结算(1)',
      );
      server = await api('catalog.cart.list', {}, SILVER);
      expect(server.allSelected).toBe(false);
      await waitForText(page, '#cart-total', displayed(server.selectedTotalFen));
      await waitForText(page, '#cart-shipping', server.shipping.text.replace(/\s+/g, ''));
      // No address yet and no freight template: the store's flat fee, and how far silver's line is.
      expect(server.shipping.text).toMatch(/^运费 ¥10，再买¥[\d.]+包邮$/);
      await shot(page, '06-cart-partly-ticked', '#page-cart');

      // 全选 ticks both again.
      await page.locator('#cart-select-all').click();
      await page.waitForFunction(
        (want) => document.querySelector('#cart-checkout')?.textContent?.replace(/\s+/g, '') === want,
        '结算(2)',
      );
      server = await api('catalog.cart.list', {}, SILVER);
      expect(server.allSelected).toBe(true);
      await waitForText(page, '#cart-total', displayed(server.selectedTotalFen));
      await waitForText(page, '#cart-shipping', server.shipping.text);
      await shot(page, '07-cart-all-ticked', '#page-cart');

      // Another device of the same account sees the same cart.
      const other = await page390(SILVER);
      await open(other.page, '/pages/cart/index');
      await other.page.locator(`#cart-line-${CLEANSER.cheap}`).waitFor();
      await other.page.locator('#cart-line-sku-purslane-soothing-mist-1').waitFor();
      await other.context.close();

      // Untick the mist: 结算 takes only the cleanser.
      await page.locator('#cart-check-sku-purslane-soothing-mist-1').click();
      await page.waitForFunction(
        (want) => document.querySelector('#cart-checkout')?.textContent?.replace(/\s+/g, '') === want,
        '结算(1)',
      );
      await page.locator('#cart-checkout').click();
      await page.locator('#page-checkout #checkout-lines').waitFor();
      const lines = await textOf(page, '#page-checkout #checkout-lines');
      expect(lines).toContain('氨基酸');
      expect(lines).not.toContain('马齿苋');
      await context.close();
    });

    it('search: 热搜 from the server, a clearable history, and sort tabs the server orders by', async () => {
      const { page } = await page390(SILVER);
      const hints = await api('catalog.searchHints', {}, SILVER);
      expect(hints.hot.length).toBeGreaterThan(0);
      await open(page, '/packages/goods/list');
      await page.locator('#search-hot').waitFor();
      expect(await page.locator('#search-hot .search-chip').count()).toBe(hints.hot.length);
      expect(await page.locator('#search-history').count()).toBe(0);

      await page.locator('#page-list .nut-searchbar input').fill('精华');
      await page.locator('#page-list .nut-searchbar input').press('Enter');
      await page.locator('#list-feed .product-row').first().waitFor();
      await open(page, '/packages/goods/list');
      await page.locator('#search-history').waitFor();
      expect(await textOf(page, '#search-history')).toContain('精华');

      // 价格: cheapest first, then, tapped again, dearest first.
      await page.locator('#sort-price').click();
      const asc = (await api('catalog.listProducts', { sort: 'price_asc', limit: 10 }, SILVER)).items;
      await page.locator(`#list-feed .product-row >> nth=0`).waitFor();
      await page.waitForFunction(
        (id) => document.querySelector('#list-feed .product-row')?.id === `product-row-${id}`,
        asc[0]!.id,
      );
      await shot(page, '08-search-history-hot-sort', '#page-list');
      await page.locator('#sort-price').click();
      const desc = (await api('catalog.listProducts', { sort: 'price_desc', limit: 10 }, SILVER)).items;
      await page.waitForFunction(
        (id) => document.querySelector('#list-feed .product-row')?.id === `product-row-${id}`,
        desc[0]!.id,
      );
      await page.locator('#sort-new').click();
      const newest = (await api('catalog.listProducts', { sort: 'new', limit: 10 }, SILVER)).items;
      await page.waitForFunction(
        (id) => document.querySelector('#list-feed .product-row')?.id === `product-row-${id}`,
        newest[0]!.id,
      );

      await page.locator('#search-history-clear').click();
      await page.locator('.taro__modal .taro-model__confirm').click();
      await page.locator('#search-history').waitFor({ state: 'detached' });
    });
  },
);
