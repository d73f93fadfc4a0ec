/**
 * H5 end to end, a coupon's life: 领券中心 -> 立即领取 (已领取) -> cart -> checkout -> 优惠券 picker ->
 * 提交订单 -> 模拟支付 -> the order shows the coupon discount, and 我的优惠券 lists it under 已使用.
 * Runs the real gateway (in-memory database, seeded demo templates) serving the H5 build, and drives
 * Debian's Chromium. Skips with a message when Chromium or the H5 build is missing.
 */
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import type { ActionInput, ActionName, ActionOutput } from '../../cloudfunctions/core/contract';
import * as e2e from './support';
import { displayed, textOf, waitForText } from './support';

const CUSTOMER = `e2e-coupon-${Date.now().toString(36)}`;
const TEMPLATE = 'ct-new-member-20'; // seeded: 新人礼 无门槛立减 ¥20
const SKU = 'sku-amino-acid-cleanser-1';
const PRODUCT = 'p-amino-acid-cleanser';
const missing = e2e.missingPrerequisites('coupon');

let env: e2e.E2E | undefined;

const api = <N extends ActionName>(name: N, data: ActionInput<N>): Promise<ActionOutput<N>> => e2e.callApi(env!.baseUrl, CUSTOMER, name, data);

const shot = (page: Page, name: string, root: string) => e2e.settledScreenshot(page, `coupon-${name}.png`, root);

describe.skipIf(missing.length > 0)('H5 coupon, end to end', () => {
  beforeAll(async () => {
    env = await e2e.startE2E();
  }, 120_000);

  afterAll(async () => {
    await env?.close();
  });

  it('claims a coupon, spends it at checkout, pays, and the order shows the discount', async () => {
    const { page } = await e2e.signedInPage(env!.browser, CUSTOMER);

    // 领券中心: claim the ¥20 new-member coupon.
    await page.goto(`${env!.baseUrl}/#/packages/member/claim`);
    await page.locator(`#claim-${TEMPLATE}`).waitFor();
    await shot(page, '01-claim-center', '#page-coupon-claim');
    await page.locator(`#claim-${TEMPLATE}`).click();
    await page.locator(`#claimed-${TEMPLATE}`).waitFor();
    await shot(page, '02-claimed', '#page-coupon-claim');
    const [coupon] = (await api('member.coupons', { status: 'usable' })).items;
    expect(coupon).toMatchObject({ templateId: TEMPLATE, status: 'usable', amountFen: 2000 });

    // Cart -> 结算.
    await page.goto(`${env!.baseUrl}/#/packages/goods/detail?id=${PRODUCT}`);
    await page.locator('#btn-add-cart').click();
    await page.locator('#sku-confirm').click();
    await page.locator('#sku-picker').waitFor({ state: 'hidden' });
    await page.locator('#detail-go-cart').click();
    await page.locator(`#cart-line-${SKU}`).waitFor();
    await page.waitForFunction(() => !(document.querySelector('#cart-checkout') as HTMLButtonElement | null)?.disabled);
    await page.locator('#cart-checkout').click();

    // Checkout: pickup, then the coupon from the picker.
    await page.locator('#page-checkout #checkout-lines').waitFor();
    await page.locator('#delivery-pickup').click();
    await waitForText(page, '#checkout-coupon-value', '1张可用');
    await page.locator('#checkout-coupon').click();
    await page.locator(`#pick-${coupon!.couponId}`).waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(e2e.ARTIFACTS, 'coupon-03-picker.png') });
    await page.locator(`#pick-${coupon!.couponId}`).click();
    const quote = await api('order.quote', { items: [{ skuId: SKU, qty: 1 }], couponId: coupon!.couponId, deliveryType: 'pickup' });
    expect(quote.couponDiscountFen).toBe(2000);
    await waitForText(page, '#checkout-payable', displayed(quote.payableFen));
    await waitForText(page, '#checkout-coupon-value', '-¥20.00');
    await shot(page, '04-checkout', '#page-checkout');
    await page.locator('#checkout-submit').click();

    // 模拟支付 -> the order.
    await page.locator('#page-pay #pay-confirm').waitFor();
    await waitForText(page, '#pay-amount', displayed(quote.payableFen));
    await page.locator('#pay-confirm').click();
    await waitForText(page, '#result-title', '支付成功');
    await page.locator('#result-view-order').click();
    await page.locator('#page-order-detail #detail-amounts').waitFor();
    const orderId = new URL(page.url().replace('#/', '')).searchParams.get('orderId') ?? '';
    const paid = await api('order.get', { orderId });
    expect(paid).toMatchObject({ status: 'paid', couponDiscountFen: 2000, payableFen: quote.payableFen });
    await waitForText(page, '#detail-amounts #amount-coupon', '优惠券-¥20.00');
    expect(await textOf(page, '#detail-amounts #amount-payable')).toBe(displayed(paid.payableFen));
    await shot(page, '05-order-detail', '#page-order-detail');

    // 我的优惠券: 已使用.
    await page.goto(`${env!.baseUrl}/#/packages/member/coupons`);
    await page.locator('#page-my-coupons').waitFor();
    await page.locator('.coupons-page__tabs .nut-tabs-titles-item').nth(1).click();
    await page.locator(`#coupon-${coupon!.couponId}`).waitFor();
    await shot(page, '06-my-coupons-used', '#page-my-coupons');
    expect((await api('member.coupons', { status: 'used' })).items.map((c) => c.couponId)).toEqual([coupon!.couponId]);
  }, 180_000);
});
