/**
 * H5 end to end, an order's whole life: cart -> 结算 -> checkout (express, the default address of the book) -> 提交订单
 * -> 模拟支付 -> result -> detail 待发货; a manager (second browser context, dev openid demo-manager)
 * ships it from 管理后台; the customer sees 待收货, confirms receipt and sees 已完成.
 * Runs the real gateway (in-memory database) serving the H5 build, and drives Debian's Chromium.
 * Skips with a message when Chromium or the H5 build is missing. E2E_BASE_URL runs against an
 * already running gateway instead (e.g. `npm start`).
 */
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import type { ActionInput, ActionName, ActionOutput } from '../../cloudfunctions/core/contract';
import * as e2e from './support';
import { displayed, textOf, waitForText } from './support';

const CUSTOMER = `e2e-order-${Date.now().toString(36)}`;
const MANAGER = 'demo-manager';
const missing = e2e.missingPrerequisites('order');

let env: e2e.E2E | undefined;

const api = <N extends ActionName>(name: N, data: ActionInput<N>, openid = CUSTOMER): Promise<ActionOutput<N>> =>
  e2e.callApi(env!.baseUrl, openid, name, data);
const signedInPage = (openid: string) => e2e.signedInPage(env!.browser, openid);

const shot = (page: Page, name: string, root: string) => e2e.settledScreenshot(page, `order-${name}.png`, root);

/** Taro H5's showModal: press its confirm button. */
async function confirmModal(page: Page): Promise<void> {
  await page.locator('.taro__modal .taro-model__confirm').click();
}

/** A product that can be shipped and has a SKU in stock. */
const shippableProduct = () => e2e.shippableProduct(env!.baseUrl, CUSTOMER);

describe.skipIf(missing.length > 0)('H5 order, end to end', () => {
  beforeAll(async () => {
    env = await e2e.startE2E();
  }, 120_000);

  afterAll(async () => {
    await env?.close();
  });

  it('checks out, pays, is shipped by the manager and confirmed by the customer', async () => {
    const { page } = await signedInPage(CUSTOMER);
    const { product, skuId } = await shippableProduct();

    // Cart -> 结算.
    await e2e.addToCart(page, env!.baseUrl, product, skuId);
    await shot(page, '01-cart', '#page-cart');
    await page.locator('#cart-checkout').click();

    // Checkout: express, to the default address of the member's book.
    await page.locator('#page-checkout #checkout-lines').waitFor();
    await page.locator('#delivery-express').click();
    const address = {
      name: '林晓',
      phone: '13800138000',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      detail: '文三路 90 号 2 幢 301',
    };
    // The address book lives on the server: the default address (added here) is what checkout ships to.
    await e2e.saveAddress(env!.baseUrl, CUSTOMER, address);
    await page.reload();
    await page.locator('#page-checkout #delivery-express').click();
    await page.locator('#page-checkout #delivery-address').waitFor();
    const quote = await api('order.quote', { items: [{ skuId, qty: 1 }], deliveryType: 'express' });
    await waitForText(page, '#checkout-payable', displayed(quote.payableFen));
    await shot(page, '02-checkout', '#page-checkout');
    await page.locator('#checkout-submit').click();

    // 模拟支付.
    await page.locator('#page-pay #pay-confirm').waitFor();
    await waitForText(page, '#pay-amount', displayed(quote.payableFen));
    await shot(page, '03-pay', '#page-pay');
    await page.locator('#pay-confirm').click();

    // Result, then the order: 待发货, and the payable the server reports.
    await waitForText(page, '#result-title', '支付成功');
    await shot(page, '04-result', '#page-result');
    await page.locator('#result-view-order').click();
    await waitForText(page, '#detail-status', '待发货');
    const orderId = new URL(page.url().replace('#/', '')).searchParams.get('orderId') ?? '';
    expect(orderId).not.toBe('');
    const paid = await api('order.get', { orderId });
    expect(paid.status).toBe('paid');
    expect(await textOf(page, '#detail-amounts #amount-payable')).toBe(displayed(paid.payableFen));
    expect(paid.payableFen).toBe(quote.payableFen);
    await shot(page, '05-detail-paid', '#page-order-detail');

    // The manager ships it from 管理后台.
    const manager = await signedInPage(MANAGER);
    await manager.page.goto(`${env!.baseUrl}/#/pages/me/index`);
    await manager.page.locator('.me__manager').click();
    await manager.page.locator('.m-home-orders').click();
    await manager.page.locator(`#m-ship-${orderId}`).waitFor();
    await shot(manager.page, '06-manager-orders', '#page-manager-orders');
    await manager.page.locator(`#m-ship-${orderId}`).click();
    await manager.page.locator('#ship-tracking input').fill('SF1234567890');
    await shot(manager.page, '07-manager-ship', '#page-manager-orders');
    await manager.page.locator('#ship-submit').click();
    await manager.page.locator(`#m-ship-${orderId}`).waitFor({ state: 'detached' });
    const shipped = await api('order.get', { orderId });
    expect(shipped.status).toBe('shipped');
    expect(shipped.shipping).toEqual({ carrier: '顺丰速运', trackingNo: 'SF1234567890' });
    // The demo store is not under 发货信息管理: nothing to confirm in WeChat.
    expect(shipped.wechatReceipt).toBeNull();
    await manager.context.close();

    // The customer: 待收货 -> 确认收货 -> 已完成.
    await page.reload();
    await waitForText(page, '#detail-status', '待收货');
    await waitForText(page, '#detail-shipping', '顺丰速运SF1234567890');
    await shot(page, '08-detail-shipped', '#page-order-detail');
    await page.locator(`#btn-confirm-${orderId}`).click();
    await confirmModal(page);
    await waitForText(page, '#detail-status', '已完成');
    expect((await api('order.get', { orderId })).status).toBe('completed');
    await shot(page, '09-detail-completed', '#page-order-detail');
  }, 180_000);

  // The gateway runs in this process, so its setting can be switched; not against an external gateway.
  it.skipIf(!!process.env.E2E_BASE_URL)(
    'under 发货信息管理 the H5 build still confirms receipt directly (WeChat’s component exists only on weapp)',
    async () => {
      const { baseUrl } = env!;
      const { skuId } = await shippableProduct();
      const stamp = Date.now().toString(36);
      const order = await e2e.act(
        baseUrl,
        'order',
        'create',
        {
          items: [{ skuId, qty: 1 }],
          delivery: {
            type: 'express',
            address: {
              name: '林晓',
              phone: '13800138000',
              province: '浙江省',
              city: '杭州市',
              district: '西湖区',
              detail: '文三路 1 号',
            },
          },
        },
        CUSTOMER,
        `e2e-${stamp}-create`,
      );
      const paid = await e2e.devRoute(baseUrl, 'pay-callback', {
        returnCode: 'SUCCESS',
        resultCode: 'SUCCESS',
        outTradeNo: order.orderNo,
        transactionId: `4200wr${Date.now()}`,
        totalFee: order.payableFen,
      });
      expect(paid).toEqual({ errcode: 0, errmsg: 'ok' });
      await e2e.act(
        baseUrl,
        'manager',
        'shipOrder',
        { orderId: order.orderId, carrier: '中通', trackingNo: 'ZT0001' },
        MANAGER,
        `e2e-${stamp}-ship`,
      );
      const saved = process.env.WX_TRADE_MANAGED;
      process.env.WX_TRADE_MANAGED = '1';
      try {
        const view = await api('order.get', { orderId: order.orderId });
        expect(view.wechatReceipt).toMatchObject({ transaction_id: expect.stringMatching(/^4200wr/) });
        const { page } = await signedInPage(CUSTOMER);
        await page.goto(`${baseUrl}/#/packages/order/detail?orderId=${encodeURIComponent(order.orderId)}`);
        await waitForText(page, '#detail-status', '待收货');
        await shot(page, '10-detail-shipped-trade-managed', '#page-order-detail');
        // WeChat holds the funds until the customer confirms in its component, which H5 cannot open:
        // the direct confirmation is refused with the server's words and the order keeps waiting.
        await page.locator(`#btn-confirm-${order.orderId}`).click();
        await confirmModal(page);
        await e2e.waitForToast(page, '请在微信的确认收货页中确认收货');
        expect((await api('order.get', { orderId: order.orderId })).status).toBe('shipped');
        await waitForText(page, '#detail-status', '待收货');
      } finally {
        if (saved === undefined) delete process.env.WX_TRADE_MANAGED;
        else process.env.WX_TRADE_MANAGED = saved;
      }
    },
    120_000,
  );
});
