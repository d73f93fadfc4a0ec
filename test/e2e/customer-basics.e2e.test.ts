/**
 * H5 end to end, the basics every WeChat mall has, walked as a customer at 390 px: copy the order
 * number, 再来一单 (unavailable goods left out and said so), 仅退款 / 退货退款 on the refund form, a
 * detail header that follows the refund record (退款审核中, then back after 撤销申请; 退款中 with the
 * return address once the store agreed), the server's own words when a withdrawal comes too late,
 * 去使用 on a category coupon opening that category, a self-invite landing that offers sharing, share
 * links a friend's browser can open, and a title bar with a back button on H5 pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import * as e2e from './support';

const stamp = Date.now().toString(36);
const CUSTOMER = `e2e-basics-${stamp}`;
const MANAGER = 'demo-manager';
const missing = e2e.missingPrerequisites('customer basics');

let env: e2e.E2E | undefined;
const contexts: BrowserContext[] = [];
const shot = (page: Page, name: string, root: string) =>
  e2e.settledScreenshot(page, `customer-basics-${name}.png`, root);

/** A 390 px phone signed in as the customer, clipboard allowed, at `hash`. */
async function phone(hash: string): Promise<Page> {
  const { context, page } = await e2e.signedInPage(env!.browser, CUSTOMER, 390);
  contexts.push(context);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${env!.baseUrl}/#${hash}`);
  return page;
}

/** The customer's address-book entry for express orders (saved on first use). */
async function addressId(): Promise<string> {
  const { baseUrl } = env!;
  const book = await e2e.callApi(baseUrl, CUSTOMER, 'member.address.list', {});
  if (book.items[0]) return book.items[0].addressId;
  await e2e.saveAddress(baseUrl, CUSTOMER, {
    name: '王小禾',
    phone: '13800138000',
    province: '上海市',
    city: '上海市',
    district: '静安区',
    detail: '南京西路 1 号',
  });
  return (await e2e.callApi(baseUrl, CUSTOMER, 'member.address.list', {})).items[0]!.addressId;
}

/** A paid express order of one piece of `skuId` for the customer. */
async function paidOrder(skuId: string, qty = 1): Promise<{ orderId: string; orderNo: string }> {
  const { baseUrl } = env!;
  const order = await e2e.act(
    baseUrl,
    'order',
    'create',
    { items: [{ skuId, qty }], delivery: { type: 'express', addressId: await addressId() } },
    CUSTOMER,
  );
  const paid = await e2e.devRoute(baseUrl, 'pay-callback', {
    returnCode: 'SUCCESS',
    resultCode: 'SUCCESS',
    outTradeNo: order.orderNo,
    transactionId: `4200cb${Date.now()}${Math.floor(Math.random() * 1000)}`,
    totalFee: order.payableFen,
  });
  expect(paid).toEqual({ errcode: 0, errmsg: 'ok' });
  return order;
}

describe.skipIf(missing.length > 0 || !!process.env.E2E_BASE_URL)('H5 customer basics', () => {
  beforeAll(async () => {
    env = await e2e.startE2E();
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
    await env?.close();
  });

  it('order detail: copy the order number; the refund form asks 仅退款 or 退货退款 as the order allows', async () => {
    const { skuId } = await e2e.shippableProduct(env!.baseUrl, CUSTOMER);
    const order = await paidOrder(skuId);
    const page = await phone(`/packages/order/detail?orderId=${order.orderId}`);
    await page.locator('#detail-copy-order-no').click();
    await e2e.waitForToast(page, '订单编号已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(order.orderNo);
    await page.locator('#detail-actions').waitFor();
    expect(await page.locator(`#btn-reorder-${order.orderId}`).isVisible()).toBe(true);
    await shot(page, '01-order-detail', '#page-order-detail');

    // Not shipped yet: only 仅退款, and the form says why.
    await page.locator(`#btn-refund-${order.orderId}`).click();
    await page.locator('#page-refund #refund-type').waitFor();
    expect(await page.locator('#refund-type-return_refund').count()).toBe(0);
    expect(await e2e.textOf(page, '#refund-type-hint')).toContain('商品尚未发出，无需退货');

    // Shipped: both kinds; 退货退款 first.
    await e2e.act(
      env!.baseUrl,
      'manager',
      'shipOrder',
      { orderId: order.orderId, carrier: '顺丰', trackingNo: `SF${Date.now()}` },
      MANAGER,
    );
    await page.reload();
    await page.locator('#page-refund #refund-type-return_refund').waitFor();
    expect(await page.locator('#refund-type-return_refund').getAttribute('class')).toContain('is-active');
    await page.locator('#refund-type-refund_only').click();
    expect(await e2e.textOf(page, '#refund-type-hint')).toContain('无需寄回商品');
    await page.locator('#refund-type-return_refund').click();
    await shot(page, '02-refund-form-kind', '#page-refund');
  });

  it('the header follows the refund: 退款审核中, 撤销申请 restores the order; 退款中 with the return address; a late withdrawal shows the server’s words', async () => {
    const { baseUrl } = env!;
    const { skuId } = await e2e.shippableProduct(baseUrl, CUSTOMER);
    const order = await paidOrder(skuId);
    await e2e.act(
      baseUrl,
      'manager',
      'shipOrder',
      { orderId: order.orderId, carrier: '顺丰', trackingNo: `SF${Date.now()}` },
      MANAGER,
    );
    await e2e.act(
      baseUrl,
      'order',
      'requestRefund',
      { orderId: order.orderId, reason: '质量问题', refundType: 'return_refund' },
      CUSTOMER,
    );
    const page = await phone(`/packages/order/detail?orderId=${order.orderId}`);
    await e2e.waitForText(page, '#detail-status', '退款审核中');
    const view = await e2e.callApi(baseUrl, CUSTOMER, 'order.get', { orderId: order.orderId });
    const first = view.refunds[0]!.refundId;
    expect(await e2e.textOf(page, `#refund-${first}`)).toContain('退货退款');
    await shot(page, '03-detail-refund-requested', '#page-order-detail');

    await page.locator(`#btn-cancel-refund-${first}`).click();
    await page.locator('.taro__modal .taro-model__confirm').click();
    await e2e.waitForToast(page, '已撤销申请');
    await e2e.waitForText(page, '#detail-status', '待收货');
    expect(await e2e.textOf(page, `#refund-${first}`)).toContain('已撤销');

    // A second request, approved while the page still offers 撤销申请: the tap gets the server's refusal.
    const second = await e2e.act(
      baseUrl,
      'order',
      'requestRefund',
      { orderId: order.orderId, reason: '质量问题', refundType: 'return_refund' },
      CUSTOMER,
    );
    await page.reload();
    await page.locator(`#btn-cancel-refund-${second.refundId}`).waitFor();
    await e2e.act(baseUrl, 'manager', 'approveRefund', { refundId: second.refundId }, MANAGER);
    await page.locator(`#btn-cancel-refund-${second.refundId}`).click();
    await page.locator('.taro__modal .taro-model__confirm').click();
    await e2e.waitForToast(page, '售后申请已处理，无法撤销');
    await page.reload();
    await e2e.waitForText(page, '#detail-status', '退款中');
    expect(await e2e.textOf(page, `#refund-return-${second.refundId}`)).toContain('寄回地址：');
    await page.locator(`#refund-return-${second.refundId}`).scrollIntoViewIfNeeded();
    await shot(page, '04-detail-refunding-return', '#page-order-detail');
  });

  it('再来一单 fills the cart with what is still on sale and says what it left out', async () => {
    const { baseUrl, db } = env!;
    const { items } = await e2e.callApi(baseUrl, CUSTOMER, 'catalog.listProducts', { limit: 50 });
    const skus: string[] = [];
    for (const summary of items) {
      const product = await e2e.callApi(baseUrl, CUSTOMER, 'catalog.getProduct', { productId: summary.id });
      const sku = product.skus.find((s) => s.stock > 5);
      if (product.fulfilment.includes('express') && sku) skus.push(sku.id);
      if (skus.length === 2) break;
    }
    const [kept, gone] = skus as [string, string];
    const order = await e2e.act(
      baseUrl,
      'order',
      'create',
      {
        items: [
          { skuId: kept, qty: 2 },
          { skuId: gone, qty: 1 },
        ],
        delivery: { type: 'express', addressId: await addressId() },
      },
      CUSTOMER,
    );
    await e2e.act(baseUrl, 'order', 'cancel', { orderId: order.orderId }, CUSTOMER);
    await db!.kysely.updateTable('skus').set({ stock: 0 }).where('id', '=', gone).execute();

    // The cart follows the account: read it on the server, before and after.
    const qtyOf = async (skuId: string) =>
      (await e2e.callApi(baseUrl, CUSTOMER, 'catalog.cart.list', {})).lines.find((l) => l.skuId === skuId)?.qty ?? 0;
    const before = { kept: await qtyOf(kept), gone: await qtyOf(gone) };
    const page = await phone(`/packages/order/detail?orderId=${order.orderId}`);
    await page.locator(`#btn-reorder-${order.orderId}`).click();
    await e2e.waitForToast(page, '1 件商品已下架或售罄，未加入');
    await page.locator('#page-cart').waitFor();
    await expect.poll(() => qtyOf(kept), { timeout: e2e.STEP_TIMEOUT }).toBe(before.kept + 2);
    expect(await qtyOf(gone)).toBe(before.gone);
    await shot(page, '05-reorder-cart', '#page-cart');
  });

  it('去使用 on a category coupon opens that category’s list', async () => {
    const { baseUrl } = env!;
    const { couponId } = await e2e.act(baseUrl, 'member', 'claimCoupon', { templateId: 'ct-serum-15-off' }, CUSTOMER);
    const page = await phone('/packages/member/coupons');
    await page.locator(`#coupon-use-${couponId}`).click();
    await page.locator('#page-list').waitFor();
    expect(decodeURIComponent(page.url())).toContain('/packages/goods/list?categoryId=c-serum');
    const serums = await e2e.callApi(baseUrl, CUSTOMER, 'catalog.listProducts', { categoryId: 'c-serum' });
    await page.locator('#page-list').getByText(serums.items[0]!.title).first().waitFor();
    await shot(page, '06-coupon-use-category', '#page-list');
  });

  it('opening one’s own invite says so and offers sharing; the copied invite link is absolute', async () => {
    const { baseUrl } = env!;
    const me = await e2e.callApi(baseUrl, CUSTOMER, 'member.me', {});
    const page = await phone(`/packages/invite/landing?inv=${me.inviteCode}`);
    await e2e.waitForText(page, '#landing-title', '这是你自己的邀请');
    expect(await page.locator('#landing-share').isVisible()).toBe(true);
    expect(await e2e.textOf(page, '#page-invite-landing')).not.toContain('用券下单');
    await shot(page, '07-invite-self', '#page-invite-landing');

    await page.locator('#landing-share').click();
    await page.locator('#page-invite #invite-code').waitFor();
    expect(await e2e.textOf(page, '#invite-share-path')).toBe(
      `${baseUrl}/#/packages/invite/landing?inv=${me.inviteCode}`,
    );
    await page.locator('#invite-share').click();
    await e2e.waitForToast(page, '邀请链接已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${baseUrl}/#/packages/invite/landing?inv=${me.inviteCode}`,
    );
  });

  it('H5 pages have a title bar with the page title, and a back button when there is history', async () => {
    const page = await phone('/pages/me/index');
    await page.locator('#page-me').waitFor();
    const bar = page.locator('#taro-navigation-bar');
    await bar.waitFor();
    expect(await bar.getAttribute('class')).toContain('taro-navigation-bar-show');
    await page.locator('.menu-invite').click();
    await page.locator('#page-invite').waitFor();
    await page.waitForFunction(
      () => document.querySelector('#taro-navigation-bar .taro-navigation-bar-title')?.textContent === '邀请有礼',
    );
    const back = page.locator('#taro-navigation-bar .taro-navigation-bar-back');
    expect(await back.isVisible()).toBe(true);
    await shot(page, '08-title-bar-back', '#page-invite');
    await back.click();
    await page.locator('#page-me').waitFor({ state: 'visible' });
  });
});
