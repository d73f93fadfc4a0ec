/**
 * H5 end to end, a coupon's life: 领券中心 -> 立即领取 (已领取) -> cart -> checkout -> 优惠券 picker ->
 * 提交订单 -> 模拟支付 -> the order shows the coupon discount, and 我的优惠券 lists it under 已使用.
 * Then the membership it feeds: the orders are collected, the dev clock moves past the refund window,
 * the timers settle them, and the points and the new tier appear on 我的 and in 积分明细.
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
let couponOrderId = '';

const act = (fn: string, action: string, data: unknown, who: string, idempotencyKey?: string) =>
  e2e.act(env!.baseUrl, fn, action, data, who, idempotencyKey);

const dev = (route: string, body: unknown = {}) => e2e.devRoute(env!.baseUrl, route, body);

const api = <N extends ActionName>(name: N, data: ActionInput<N>): Promise<ActionOutput<N>> =>
  e2e.callApi(env!.baseUrl, CUSTOMER, name, data);

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
    const coupon = (await api('member.coupons', { status: 'usable' })).items.find((c) => c.templateId === TEMPLATE);
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
    // The claimed coupon, plus any gift the store gives every new member.
    const usable = (
      await api('order.usableCoupons', { items: [{ skuId: SKU, qty: 1 }], deliveryType: 'pickup' })
    ).items.filter((c) => c.usable);
    expect(usable.map((c) => c.couponId)).toContain(coupon!.couponId);
    // The server preselects the best coupon; the customer may still pick another.
    const best = await api('order.quote', { items: [{ skuId: SKU, qty: 1 }], deliveryType: 'pickup' });
    await waitForText(page, '#checkout-coupon-value', `-${e2e.displayed(best.couponDiscountFen)}`);
    await page.locator('#checkout-coupon').click();
    await page.locator(`#pick-${coupon!.couponId}`).waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(e2e.ARTIFACTS, 'coupon-03-picker.png') });
    await page.locator(`#pick-${coupon!.couponId}`).click();
    const quote = await api('order.quote', {
      items: [{ skuId: SKU, qty: 1 }],
      couponId: coupon!.couponId,
      deliveryType: 'pickup',
    });
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
    couponOrderId = orderId;
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

  it('settles through the dev clock and timers: points and the new tier reach 我的 and 积分明细', async () => {
    expect(couponOrderId).not.toBe('');
    // A second, bigger order (paid through the dev pay callback) so that settlement lifts the member to 银卡.
    const big = await act(
      'order',
      'create',
      { items: [{ skuId: 'sku-retinol-night-serum-2', qty: 2 }], delivery: { type: 'pickup' } },
      CUSTOMER,
    );
    const paid = await dev('pay-callback', {
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      outTradeNo: big.orderNo,
      transactionId: `4200${Date.now()}`,
      totalFee: big.payableFen,
    });
    expect(paid).toMatchObject({ errcode: 0 });

    // The store prepares both pickups and the customer collects them at the counter.
    const payables: number[] = [];
    for (const orderId of [couponOrderId, big.orderId as string]) {
      const ready = await act('manager', 'readyForPickup', { orderId }, 'demo-manager');
      const done = await act('manager', 'verifyPickup', { pickupCode: ready.pickupCode }, 'demo-manager');
      expect(done.status).toBe('completed');
      payables.push(done.payableFen);
    }

    // Eight days on, the refund window has closed: settle, then deliver order.settled to points and tiers.
    try {
      await dev('clock', { now: new Date(Date.now() + 8 * 86_400_000).toISOString() });
      expect(await dev('run-timer/orderTimer')).toMatchObject({
        ok: true,
        data: { ran: true, result: { settled: 2 } },
      });
      expect(await dev('run-timer/outboxWorker')).toMatchObject({ ok: true, data: { ran: true } });
      const me = await api('member.me', {});
      const earned = payables.reduce((sum, fen) => sum + Math.floor(fen / 100), 0);
      expect(me.points).toBe(earned);
      expect(me.tier.name).toBe('银卡会员');

      // 我的: the upgrade is celebrated once, then the card shows the points and the tier.
      const { page } = await e2e.signedInPage(env!.browser, CUSTOMER);
      await page.goto(`${env!.baseUrl}/#/pages/me/index`);
      await waitForText(page, '#celebration-tier', '银卡会员');
      await shot(page, '07-celebration', '#page-me');
      await page.locator('#celebration-ok').click();
      await page.locator('#celebration').waitFor({ state: 'hidden' });
      await waitForText(page, '#me-points', String(earned));
      expect(await textOf(page, '#me-tier')).toContain('银卡会员');
      await shot(page, '08-me-after-settlement', '#page-me');

      // 积分明细: the balance and one credit per settled order.
      await page.goto(`${env!.baseUrl}/#/packages/member/points`);
      await waitForText(page, '#points-balance', String(earned));
      const history = await api('member.pointsHistory', {});
      expect(history.items.map((i) => i.delta).sort((a, b) => a - b)).toEqual(
        payables.map((fen) => Math.floor(fen / 100)).sort((a, b) => a - b),
      );
      await page.locator('#points-list').waitFor();
      await shot(page, '09-points-history', '#page-points');
    } finally {
      await dev('clock', { now: null });
    }
  }, 180_000);
});
