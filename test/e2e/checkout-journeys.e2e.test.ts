/**
 * H5 end to end, checkout journeys without dead ends: a pickup-only product bought through 立即购买
 * at a chosen store (the order detail names it, with hours, phone and map); a cart mixing express-only
 * and pickup-only goods says which line blocks which mode and removes it in place; 积分抵扣 and
 * 预计得积分 quoted by the server; the best coupon preselected, 不使用 honoured and shown as 未使用
 * afterwards; the counter previews a pickup (goods, customer, store) before handing it over; staff list
 * their own shop's pickups and mark one prepared.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import type { ActionInput, ActionName, ActionOutput } from '../../cloudfunctions/core/contract';
import * as e2e from './support';
import { displayed, textOf, waitForText } from './support';

const CUSTOMER = `e2e-journey-${Date.now().toString(36)}`;
const VOUCHER = { productId: 'p-in-store-facial-voucher', skuId: 'sku-in-store-facial-voucher-1' };
const LOTION = { productId: 'p-oat-body-lotion', skuId: 'sku-oat-body-lotion-1' };
const missing = e2e.missingPrerequisites('checkout-journeys');

let env: e2e.E2E | undefined;
const pages = e2e.pageOpener(() => env!);
const api = <N extends ActionName>(name: N, data: ActionInput<N>, openid = CUSTOMER): Promise<ActionOutput<N>> =>
  e2e.callApi(env!.baseUrl, openid, name, data);
const shot = (page: Page, name: string, root: string) =>
  e2e.settledScreenshot(page, `checkout-journeys-${name}.png`, root);

/** Opens a product and buys its default SKU now (立即购买 -> 确定): checkout opens with exactly it. */
async function buyNow(page: Page, productId: string): Promise<void> {
  await page.goto(`${env!.baseUrl}/#/packages/goods/detail?id=${encodeURIComponent(productId)}`);
  await page.locator('#btn-buy-now').click();
  await page.locator('#sku-confirm').click();
  await page.locator('#page-checkout').waitFor();
}

/** 提交订单 -> 模拟支付 -> the order's detail page; answers the order id. */
async function submitAndPay(page: Page): Promise<string> {
  await page.locator('#checkout-submit').click();
  await page.locator('#page-pay #pay-confirm').click();
  await waitForText(page, '#result-title', '支付成功');
  await page.locator('#result-view-order').click();
  await page.locator('#page-order-detail').waitFor();
  return new URL(page.url().replace('#/', '')).searchParams.get('orderId') ?? '';
}

let pickupOrderId = '';

describe.skipIf(missing.length > 0)('H5 checkout journeys, end to end', () => {
  beforeAll(async () => {
    env = await e2e.startE2E();
  }, 120_000);

  afterAll(async () => {
    await pages.closeAll();
    await env?.close();
  });

  it('a pickup-only product is bought at a chosen store; the detail names it; no coupon says 未使用', async () => {
    const page = await pages.open(CUSTOMER, '/pages/index/index');
    await buyNow(page, VOUCHER.productId);
    // Only 门店自提 is offered, already chosen, with the brand's two stores (none is the member's yet).
    await page.locator('#pickup-shops').waitFor();
    expect(await page.locator('#delivery-express').count()).toBe(0);
    expect(await page.locator('#delivery-pickup.is-active').count()).toBe(1);
    await page.locator('#pickup-shop-shop-jingan.is-selected').waitFor();
    expect(await textOf(page, '#pickup-shop-shop-xuhui')).toContain('徐汇美罗城店');
    // Refusing the position (headless has none) keeps the default order and says so.
    await page.locator('#pickup-locate').click();
    await e2e.waitForToast(page, '未获得位置');
    await page.locator('#pickup-shop-shop-xuhui').click();
    await page.locator('#pickup-shop-shop-xuhui.is-selected').waitFor();
    await page.locator('#checkout-remark-input textarea').fill('周六下午到店');
    await shot(page, '01-checkout-pickup-stores', '#page-checkout');

    // 不使用优惠券: the quote keeps no coupon, the row says so.
    await page.locator('#checkout-coupon').click();
    await page.locator('#pick-none').click();
    const quote = await api('order.quote', { items: [{ skuId: VOUCHER.skuId, qty: 1 }], noCoupon: true });
    await waitForText(page, '#checkout-payable', displayed(quote.payableFen));
    expect(await textOf(page, '#checkout-coupon-value')).not.toContain('暂无可用');

    pickupOrderId = await submitAndPay(page);
    const order = await api('order.get', { orderId: pickupOrderId });
    expect(order.pickupShop?.shopId).toBe('shop-xuhui');
    expect(order.remark).toBe('周六下午到店');
    await page.locator('#detail-pickup-store').waitFor();
    const store = await textOf(page, '#detail-pickup-store');
    for (const part of ['青禾徐汇美罗城店', '10:00-21:30', '02164261234', '查看地图']) expect(store).toContain(part);
    expect(await textOf(page, '#detail-remark')).toContain('周六下午到店');
    expect(await textOf(page, '#detail-amounts #amount-coupon')).toBe('优惠券未使用');
    await shot(page, '02-detail-pickup-store', '#page-order-detail');
  }, 180_000);

  it('a cart mixing express-only and pickup-only goods names the blocking lines and removes one in place', async () => {
    const page = await pages.open(`${CUSTOMER}-mixed`, '/pages/index/index');
    for (const p of [LOTION, VOUCHER]) {
      const product = await api('catalog.getProduct', { productId: p.productId });
      await e2e.addToCart(page, env!.baseUrl, product, p.skuId);
    }
    await page.locator('#cart-checkout').click();
    await page.locator('#delivery-conflict').waitFor();
    expect(await textOf(page, '#conflict-express')).toContain('门店面部护理体验券');
    expect(await textOf(page, '#conflict-pickup')).toContain('燕麦舒缓身体乳');
    await shot(page, '03-checkout-mixed-conflict', '#page-checkout');

    await page.locator(`#conflict-remove-${VOUCHER.skuId}`).click();
    await page.locator('#page-checkout #checkout-lines').waitFor();
    await page.locator('#delivery-express.is-active').waitFor();
    expect(await page.locator(`#checkout-lines #order-line-${VOUCHER.skuId}`).count()).toBe(0);
    expect(await page.locator(`#checkout-lines #order-line-${LOTION.skuId}`).count()).toBe(1);
    await shot(page, '04-checkout-express', '#page-checkout');
  }, 180_000);

  it('the best coupon is preselected; 积分抵扣 shows the usable points, applies them; 预计得积分 is the server’s', async () => {
    const who = `${CUSTOMER}-points`;
    // 2,014 points from a receipt at the counter (base tier: one point per yuan).
    const { code } = await api('member.memberCode', {}, who);
    await e2e.act(
      env!.baseUrl,
      'staff',
      'awardPoints',
      { code, amountFen: 201_400, receiptNo: `E2E-P-${Date.now()}` },
      'demo-staff',
    );
    for (const t of (await api('coupon.listClaimable', {}, who)).items) {
      await e2e.act(env!.baseUrl, 'member', 'claimCoupon', { templateId: t.templateId }, who).catch(() => undefined);
    }
    const { product, skuId } = await e2e.shippableProduct(env!.baseUrl, who);
    const items = [{ skuId, qty: 1 }];
    const best = await api('order.quote', { items }, who);
    expect(best.couponId).not.toBeNull();
    expect(best.points.balance).toBe(2014);

    const page = await pages.open(who, '/pages/index/index');
    await buyNow(page, product.id);
    await page.locator('#checkout-points').waitFor();
    await waitForText(page, '#checkout-coupon-value', `-¥${displayed(best.couponDiscountFen).slice(1)}`);
    await waitForText(
      page,
      '#checkout-points-text',
      `可用${best.points.usable}积分抵${displayed(best.points.valueFen)}`,
    );
    await waitForText(page, '#checkout-earn', `本单预计得${best.pointsToEarn}积分（订单完成后到账）`);
    expect(await textOf(page, '#page-checkout')).not.toContain('暂无可用');
    await shot(page, '05-checkout-best-coupon', '#page-checkout');

    await page.locator('#checkout-points-switch').click();
    const on = await api('order.quote', { items, couponId: best.couponId!, pointsToUse: best.points.balance }, who);
    expect(on.pointsUsed).toBe(best.points.usable);
    await waitForText(page, '#checkout-payable', displayed(on.payableFen));
    await waitForText(page, '#checkout-points-text', `已用${on.pointsUsed}积分抵${displayed(on.pointsDiscountFen)}`);
    await shot(page, '06-checkout-points-on', '#page-checkout');
  }, 180_000);

  it('the counter previews a pickup (goods, customer, store) before handing it over; the result fits the card', async () => {
    expect(pickupOrderId).not.toBe('');
    await e2e.act(env!.baseUrl, 'manager', 'readyForPickup', { orderId: pickupOrderId }, 'demo-manager');
    const order = await api('order.get', { orderId: pickupOrderId });
    const staff = await pages.open('demo-staff', '/packages/staff/counter');
    await staff.locator('#m-verify-input input').fill(order.pickupCode!);
    await staff.locator('#m-verify-submit').click();
    await staff.locator('#m-verify-preview').waitFor();
    const preview = await textOf(staff, '#m-verify-preview');
    for (const part of ['门店面部护理体验券', 'x1', '青禾徐汇美罗城店', order.orderNo]) expect(preview).toContain(part);
    // demo-staff serves 静安: a pickup booked at 徐汇 is flagged, not refused.
    await staff.locator('#m-verify-other-shop').waitFor();
    await shot(staff, '07-verify-preview', '#page-staff-counter');
    expect((await api('order.get', { orderId: pickupOrderId })).status).toBe('ready_for_pickup');

    await staff.locator('#m-verify-confirm').click();
    await waitForText(staff, '#m-verify-done', `已核销订单号${order.orderNo}`);
    expect((await api('order.get', { orderId: pickupOrderId })).status).toBe('completed');
    await shot(staff, '08-verify-done', '#page-staff-counter');
  }, 120_000);

  it("staff see their own shop's pickups: prepare one, it moves to 待提货 without its code; another shop's is not listed", async () => {
    const atShop = async (shopId: string) => {
      const created = await e2e.act(
        env!.baseUrl,
        'order',
        'create',
        { items: [{ skuId: VOUCHER.skuId, qty: 1 }], delivery: { type: 'pickup', shopId } },
        CUSTOMER,
      );
      const paid = await e2e.devRoute(env!.baseUrl, 'pay-callback', {
        returnCode: 'SUCCESS',
        resultCode: 'SUCCESS',
        outTradeNo: created.orderNo,
        transactionId: `4200pk${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
        totalFee: created.payableFen,
      });
      expect(paid).toMatchObject({ errcode: 0 });
      return created as { orderId: string; orderNo: string };
    };
    const mine = await atShop('shop-jingan');
    const theirs = await atShop('shop-xuhui');
    const staff = await pages.open('demo-staff', '/packages/staff/counter');
    await staff.locator('#staff-pickups').click();
    await staff.locator('#page-staff-pickups').waitFor();
    await waitForText(staff, '#pickups-shop', '青禾静安嘉里中心店');
    await staff.locator(`#pickup-${mine.orderId}`).waitFor();
    expect(await staff.locator(`#pickup-${theirs.orderId}`).count()).toBe(0);
    const listed = await textOf(staff, `#pickup-${mine.orderId}`);
    for (const part of ['门店面部护理体验券', '×1', mine.orderNo]) expect(listed).toContain(part);
    await shot(staff, '09-shop-pickups', '#page-staff-pickups');

    await staff.locator(`#pickup-ready-${mine.orderId}`).click();
    await staff.locator(`#pickup-${mine.orderId}`).waitFor({ state: 'detached' });
    const ready = await api('order.get', { orderId: mine.orderId });
    expect(ready.status).toBe('ready_for_pickup');
    await staff.locator('#page-staff-pickups .nut-tabs-titles-item', { hasText: '待提货' }).click();
    await staff.locator(`#pickup-${mine.orderId}`).waitFor();
    const card = await textOf(staff, `#pickup-${mine.orderId}`);
    expect(card).toContain('顾客到店出示提货码后，在工作台核销');
    expect(card).not.toContain(ready.pickupCode!);
    await shot(staff, '10-shop-pickups-ready', '#page-staff-pickups');
  }, 120_000);
});
