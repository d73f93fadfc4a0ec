/**
 * H5 end to end, from the counter into the membership: a brand-new visitor opens the page
 * an advisor's code opens (scene a=DEMOSTAFF), becomes 小禾's customer and receives the welcome gift;
 * buys through cart, checkout and the dev pay button; 我的 shows advisor 小禾 and the store info. Then
 * 小禾's own code page and the manager's 门店与导购码. Every new page is screenshotted.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import type { ActionInput, ActionName, ActionOutput } from '../../cloudfunctions/core/contract';
import * as e2e from './support';

const stamp = Date.now().toString(36);
const VISITOR = `e2e-visitor-${stamp}`;
const missing = e2e.missingPrerequisites('store-welcome');

let env: e2e.E2E | undefined;

const api = <N extends ActionName>(name: N, data: ActionInput<N>): Promise<ActionOutput<N>> =>
  e2e.callApi(env!.baseUrl, VISITOR, name, data);
const shot = (page: Page, name: string, root: string) => e2e.settledScreenshot(page, `store-welcome-${name}.png`, root);

describe.skipIf(missing.length > 0)('H5 store and advisor codes, end to end', () => {
  beforeAll(async () => {
    env = await e2e.startE2E();
  }, 120_000);

  afterAll(async () => {
    await env?.close();
  });

  it('a new visitor scans 小禾 code, gets the gift, buys and pays; 我的 shows advisor 小禾', async () => {
    const { page, context } = await e2e.signedInPage(env!.browser, VISITOR);
    // Exactly what the local advisor code encodes (localMiniCodeTarget): the page with ?scene=a%3DDEMOSTAFF.
    await page.goto(`${env!.baseUrl}/#/packages/shop/welcome?scene=${encodeURIComponent('a=DEMOSTAFF')}`);
    await page.locator('#welcome-gift').waitFor();
    expect(await page.locator('#page-shop-welcome').getAttribute('data-gift')).toBe('issued');
    expect(await e2e.textOf(page, '#welcome-shop')).toBe('青禾静安嘉里中心店');
    expect(await e2e.textOf(page, '#welcome-advisor')).toContain('小禾');
    expect(await e2e.textOf(page, '#welcome-gift')).toContain('到店礼无门槛20元');
    await shot(page, '01-welcome', '#page-shop-welcome');

    // Scanning again (a new visit): the gift is shown as already received, not given twice.
    await page.reload();
    await page.locator('#welcome-gift').waitFor();
    expect(await page.locator('#page-shop-welcome').getAttribute('data-gift')).toBe('already_received');
    await shot(page, '02-welcome-again', '#page-shop-welcome');
    const held = await api('member.coupons', { status: 'usable' });
    expect(held.items.filter((c) => c.title === '到店礼 无门槛20元')).toHaveLength(1);

    // 去逛逛 -> the home tab; then a product -> cart -> checkout -> the dev pay button.
    await page.locator('#welcome-shop-now').click();
    await page.locator('#page-home').waitFor();
    const { product, skuId } = await e2e.shippableProduct(env!.baseUrl, VISITOR);
    await e2e.addToCart(page, env!.baseUrl, product, skuId);
    await page.locator('#cart-checkout').click();
    await page.locator('#page-checkout #checkout-lines').waitFor();
    await page.locator('#delivery-express').click();
    const address = {
      name: '林晓',
      phone: '13800138000',
      province: '上海市',
      city: '上海市',
      district: '静安区',
      detail: '南京西路 1515 号',
    };
    // The address book lives on the server: the default address (added here) is what checkout ships to.
    await e2e.saveAddress(env!.baseUrl, VISITOR, address);
    await page.reload();
    await page.locator('#page-checkout #delivery-express').click();
    await page.locator('#page-checkout #delivery-address').waitFor();
    await page.locator('#checkout-submit').click();
    await page.locator('#page-pay #pay-confirm').waitFor();
    await page.locator('#pay-confirm').click();
    await e2e.waitForText(page, '#result-title', '支付成功');
    const orders = await api('order.list', {});
    expect(orders.items[0]).toMatchObject({ status: 'paid' });

    // 我的: the advisor card, and from it the store's info.
    await page.goto(`${env!.baseUrl}/#/pages/me/index`);
    await page.locator('#me-advisor').waitFor();
    expect(await e2e.textOf(page, '#me-advisor')).toContain('小禾');
    await shot(page, '03-me-advisor', '#page-me');
    await page.locator('#me-advisor').click();
    await e2e.waitForText(page, '#shop-info-name', '青禾静安嘉里中心店');
    await shot(page, '04-shop-info', '#page-shop-info');
    // H5 has no WeChat map sheet: the address is copied instead, and the page says so.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.locator('#shop-info-map').click();
    await e2e.waitForToast(page, '地址已复制');
    await context.close();
  }, 180_000);

  it('小禾 opens 我的导购码 from the counter; the manager sees every shop and advisor code', async () => {
    const staff = await e2e.signedInPage(env!.browser, 'demo-staff');
    await staff.page.goto(`${env!.baseUrl}/#/packages/staff/counter`);
    await staff.page.locator('#counter-my-code').waitFor();
    await shot(staff.page, '05a-counter-link', '#page-staff-counter');
    await staff.page.locator('#counter-my-code').click();
    await e2e.waitForText(staff.page, '#my-code-text', 'DEMOSTAFF');
    await staff.page.locator('#my-code-qr img').waitFor();
    await shot(staff.page, '05-staff-my-code', '#page-staff-my-code');
    await staff.context.close();

    const manager = await e2e.signedInPage(env!.browser, 'demo-manager');
    await manager.page.goto(`${env!.baseUrl}/#/packages/manager/home`);
    await manager.page.locator('.m-home-shops').click();
    await manager.page.locator('#m-shop-QHJA').waitFor();
    expect(await e2e.textOf(manager.page, '#m-shop-QHJA')).toContain('导购码DEMOSTAFF');
    expect(await e2e.textOf(manager.page, '#m-shop-QHXH')).toContain('门店码QHXH');
    await shot(manager.page, '06-manager-shops', '#page-manager-shops');
    await manager.context.close();
  }, 90_000);

  it('a code that points at no shop shows a clear error', async () => {
    const c = await e2e.signedInPage(env!.browser, `e2e-lost-${stamp}`);
    await c.page.goto(`${env!.baseUrl}/#/packages/shop/welcome?scene=${encodeURIComponent('s=NOSUCH')}`);
    await c.page.locator('#welcome-error').waitFor();
    expect(await e2e.textOf(c.page, '#welcome-error')).toContain('门店不存在或已停业');
    await shot(c.page, '07-welcome-error', '#welcome-error');
    await c.context.close();
  }, 60_000);
});
