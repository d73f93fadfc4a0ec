/**
 * H5 end to end, 店铺设置 and 客服: the manager changes the points earn rate and the refund window on
 * the settings page; an order placed before the change settles at the old rate and window, one placed
 * after at the new ones; 操作日志 lists both changes with their before and after; the 客服 entry shows
 * the configured phone on the product, order and after-sale pages; the manager sets the redeem rate
 * (积分抵现比例) and the customer's checkout and 积分明细 state it, with the server's 抵扣 figure.
 * Screenshots at 390 and 1280 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Address } from '../../cloudfunctions/core/contract';
import * as e2e from './support';

const RUN = Date.now().toString(36);
const BEFORE = `e2e-set-a-${RUN}`;
const AFTER = `e2e-set-b-${RUN}`;
const SPENDER = `e2e-set-c-${RUN}`;
const MANAGER = 'demo-manager';
const SKU = 'sku-amino-acid-cleanser-1';
const PHONE = '400-820-1234';
const ADDRESS: Address = {
  name: '林小禾',
  phone: '13800138000',
  province: '上海市',
  city: '上海市',
  district: '浦东新区',
  detail: '世纪大道 100 号',
};
const missing = e2e.missingPrerequisites('settings');

let env: e2e.E2E | undefined;
const pages = e2e.pageOpener(() => env!, 390);
const open = pages.open;

const shot = (page: Page, name: string, root: string) => e2e.settledScreenshot(page, `settings-${name}.png`, root);
/** Scrolls the 客服 entry to the middle of the screen (clear of the fixed bottom bars) for its screenshot. */
const centre = (page: Page) =>
  page.locator('#contact-service').evaluate((el) => el.scrollIntoView({ block: 'center' }));
const dev = (route: string, body: unknown = {}) => e2e.devRoute(env!.baseUrl, route, body);
const day = 86_400_000;

/** A paid express order through the real create and payment callback. */
async function paidOrder(customer: string) {
  const created = await e2e.act(
    env!.baseUrl,
    'order',
    'create',
    { items: [{ skuId: SKU, qty: 1 }], delivery: { type: 'express', address: ADDRESS } },
    customer,
  );
  const paid = await dev('pay-callback', {
    returnCode: 'SUCCESS',
    resultCode: 'SUCCESS',
    outTradeNo: created.orderNo,
    transactionId: `4200set${RUN}${Math.random().toString(36).slice(2, 8)}`,
    totalFee: created.payableFen,
  });
  expect(paid).toMatchObject({ errcode: 0 });
  return created as { orderId: string; orderNo: string; payableFen: number };
}

/** Sets one field of the open section's form and saves it. */
async function saveField(page: Page, section: string, key: string, value: string) {
  await page.locator(`#settings-section-${section}`).click();
  await page.locator(`#settings-form-${section}`).waitFor();
  await page.locator(`#setting-${key} input`).fill(value);
  await page.locator('#settings-save').click();
  await e2e.waitForToast(page, '已保存');
}

async function earned(orderId: string): Promise<number> {
  const row = await env!
    .db!.kysely.selectFrom('points_entries')
    .select('delta')
    .where('order_id', '=', orderId)
    .where('reason', '=', 'earn')
    .executeTakeFirst();
  return Number(row?.delta ?? -1);
}

async function status(orderId: string): Promise<string> {
  return (
    await env!.db!.kysely.selectFrom('orders').select('status').where('id', '=', orderId).executeTakeFirstOrThrow()
  ).status;
}

describe.skipIf(missing.length > 0)('H5 store settings and 客服', () => {
  beforeAll(async () => {
    env = await e2e.startE2E();
    for (const who of [BEFORE, AFTER]) await e2e.callApi(env.baseUrl, who, 'member.me', {});
  }, 120_000);

  afterAll(async () => {
    await pages.closeAll();
    if (env) await dev('clock', { now: null }).catch(() => undefined);
    await env?.close();
  });

  it('the manager changes the earn rate and the refund window; old orders keep the old rules, new ones get the new', async () => {
    const old = await paidOrder(BEFORE);

    const page = await open(MANAGER, '/packages/manager/settings');
    await page.locator('#settings-section-points').waitFor();
    await shot(page, '01-sections-390', '#page-manager-settings');
    await saveField(page, 'points', 'earnPointsPerYuan', '3');
    await page.locator('#settings-form-points').waitFor();
    await shot(page, '02-points-form-390', '#page-manager-settings');
    await page.locator('#split-back').click();
    await saveField(page, 'orderRules', 'refundWindowDays', '1');
    const view = await e2e.callApi(env!.baseUrl, MANAGER, 'manager.getSettings', {});
    const value = (code: string, key: string) =>
      view.sections.find((s) => s.code === code)!.fields.find((f) => f.key === key)!.value;
    expect([value('points', 'earnPointsPerYuan'), value('orderRules', 'refundWindowDays')]).toEqual([3, 1]);

    // A wrong value is refused with the field's range, and nothing is saved.
    await page.locator('#split-back').click();
    await page.locator('#settings-section-orderRules').click();
    await page.locator('#setting-autoConfirmDays input').fill('99');
    await page.locator('#settings-save').click();
    await e2e.waitForToast(page, '发货后自动确认收货须为 1～30 的整数');
    expect((await e2e.callApi(env!.baseUrl, MANAGER, 'manager.getSettings', {})).version).toBe(view.version);

    const wide = await open(MANAGER, '/packages/manager/settings', 1280);
    await wide.locator('#settings-section-orderRules').click();
    await wide.locator('#settings-form-orderRules').waitFor();
    expect(await wide.locator('#settings-section-points').isVisible()).toBe(true);
    await shot(wide, '03-order-rules-1280', '#page-manager-settings');

    const fresh = await paidOrder(AFTER);
    for (const o of [old, fresh]) {
      await e2e.act(
        env!.baseUrl,
        'manager',
        'shipOrder',
        { orderId: o.orderId, carrier: '顺丰', trackingNo: `SF${RUN}${o.orderNo.slice(-4)}` },
        MANAGER,
      );
    }
    const start = Date.now();
    // Day 7: both confirm themselves (auto-confirm unchanged). Day 8: the new order's 1-day window has
    // closed and it settles; the old one keeps its 7 days and settles on day 14.
    await dev('clock', { now: new Date(start + 7 * day + 60_000).toISOString() });
    await dev('run-timer/orderTimer');
    expect([await status(old.orderId), await status(fresh.orderId)]).toEqual(['completed', 'completed']);
    await dev('clock', { now: new Date(start + 8 * day + 120_000).toISOString() });
    await dev('run-timer/orderTimer');
    expect([await status(old.orderId), await status(fresh.orderId)]).toEqual(['completed', 'settled']);
    await dev('clock', { now: new Date(start + 14 * day + 180_000).toISOString() });
    await dev('run-timer/orderTimer');
    expect(await status(old.orderId)).toBe('settled');
    await dev('run-timer/outboxWorker');
    await dev('run-timer/outboxWorker');
    const yuan = Math.floor(old.payableFen / 100);
    expect(fresh.payableFen).toBe(old.payableFen);
    expect(await earned(old.orderId)).toBe(yuan);
    expect(await earned(fresh.orderId)).toBe(yuan * 3);
    await dev('clock', { now: null });

    // 操作日志: both changes, each with its field's before and after.
    const audit = await open(MANAGER, '/packages/manager/audit');
    await audit.locator('#m-audit-actions >> text=修改店铺设置').click();
    await audit.waitForFunction(() => {
      const rows = [...document.querySelectorAll<HTMLElement>('#m-audit-list .m-audit__changes')];
      return rows.length === 2;
    });
    const changes = await audit.locator('#m-audit-list .m-audit__changes').allInnerTexts();
    expect(changes).toEqual(['确认收货后可申请售后 7 → 1', '每消费 1 元得积分 1 → 3']);
    await shot(audit, '04-audit-390', '#page-manager-audit');
  }, 240_000);

  it('the manager sets 积分抵现比例 to 200; the customer’s checkout and 积分明细 state it, with the server’s 抵扣', async () => {
    // Points from a receipt at the counter, at whatever earn rate is in force.
    const { code } = await e2e.callApi(env!.baseUrl, SPENDER, 'member.memberCode', {});
    const { pointsAwarded } = await e2e.act(
      env!.baseUrl,
      'staff',
      'awardPoints',
      { code, amountFen: 100_000, receiptNo: `E2E-R-${RUN}` },
      'demo-staff',
    );
    expect(pointsAwarded).toBeGreaterThan(0);

    const page = await open(MANAGER, '/packages/manager/settings');
    await saveField(page, 'points', 'redeemPointsPerYuan', '200');
    await page.locator('#setting-redeemPointsPerYuan').waitFor();
    await shot(page, '09-redeem-rate-form-390', '#page-manager-settings');

    const items = [{ skuId: SKU, qty: 1 }];
    const quote = await e2e.callApi(env!.baseUrl, SPENDER, 'order.quote', { items });
    expect(quote.points.pointsPerYuan).toBe(200);
    expect(quote.points.usable).toBeGreaterThan(0);
    // Half the points' face value at 100 a yuan: the same points now pay half as much.
    expect(quote.points.valueFen).toBe(Math.floor((quote.points.usable * 100) / 200));

    const { product_id: productId } = await env!
      .db!.kysely.selectFrom('skus')
      .select('product_id')
      .where('id', '=', SKU)
      .executeTakeFirstOrThrow();
    const checkout = await open(SPENDER, `/packages/goods/detail?id=${productId}`);
    await checkout.locator('#btn-buy-now').click();
    await checkout.locator('#sku-confirm').click();
    await checkout.locator('#page-checkout #checkout-points').waitFor();
    await e2e.waitForText(checkout, '#checkout-points-rate', '200积分抵¥1');
    await e2e.waitForText(
      checkout,
      '#checkout-points-text',
      `可用${quote.points.usable}积分抵${e2e.displayed(quote.points.valueFen)}`,
    );
    await checkout.locator('#checkout-points').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot(checkout, '10-checkout-redeem-rate-390', '#page-checkout');

    const points = await open(SPENDER, '/packages/member/points');
    await e2e.waitForText(points, '#points-rules', '200积分可抵¥1，下单时最多抵扣订单金额的50%');
    await shot(points, '11-points-rules-390', '#page-points');
  }, 180_000);

  it('客服: the configured phone on 商品详情, 订单详情 and 售后 (H5), at phone and desktop width', async () => {
    const page = await open(MANAGER, '/packages/manager/settings');
    await saveField(page, 'contact', 'phone', PHONE);
    await shot(page, '05-contact-form-390', '#page-manager-settings');
    const order = await paidOrder(BEFORE);
    const { product_id: productId } = await env!
      .db!.kysely.selectFrom('skus')
      .select('product_id')
      .where('id', '=', SKU)
      .executeTakeFirstOrThrow();
    for (const width of [390, 1280]) {
      const product = await open(BEFORE, `/packages/goods/detail?id=${productId}`, width);
      await e2e.waitForText(product, '#contact-service-value', `${PHONE}›`);
      await centre(product);
      await shot(product, `06-product-contact-${width}`, '#page-detail');
      const detail = await open(BEFORE, `/packages/order/detail?orderId=${order.orderId}`, width);
      await e2e.waitForText(detail, '#contact-service-value', `${PHONE}›`);
      await centre(detail);
      await shot(detail, `07-order-contact-${width}`, '#page-order-detail');
      const refund = await open(BEFORE, `/packages/order/refund?orderId=${order.orderId}`, width);
      await e2e.waitForText(refund, '#contact-service-value', `${PHONE}›`);
      await centre(refund);
      await shot(refund, `08-refund-contact-${width}`, '#page-refund');
    }
  }, 180_000);
});
