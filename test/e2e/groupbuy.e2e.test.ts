/**
 * H5 end to end, group-buy: A opens a team of 2 from 拼团 and pays; B opens the shared team
 * path, joins and pays; both orders show 拼团成功. Another team is left alone (the manager's refund of it
 * is answered 拼团进行中 while it is open), the dev clock passes its
 * window, groupbuyTimer fails it and the refund goes out: its member's order shows 已退款. The manager
 * sees the campaigns and creates one through the form. Screenshots of every group-buy page.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import * as e2e from './support';
import { waitForText } from './support';

const RUN = Date.now().toString(36);
const A = `e2e-gb-a-${RUN}`;
const B = `e2e-gb-b-${RUN}`;
const C = `e2e-gb-c-${RUN}`;
const CAMPAIGN = 'gb-demo-cleanser-2'; // seeded: 洁面乳 2人团 ¥59
const SKU = 'sku-amino-acid-cleanser-1';
const missing = e2e.missingPrerequisites('group-buy');

let env: e2e.E2E | undefined;

async function post(route: string, body: unknown, who?: string) {
  const res = await fetch(`${env!.baseUrl}/api/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(who ? { 'X-Dev-Openid': who } : {}) },
    body: JSON.stringify(body),
  });
  return (await res.json()) as any;
}

/** Taro H5 keeps earlier pages of the stack in the DOM: a page opened twice (B's team page) is the last match. */
async function waitForLastText(page: Page, selector: string, expected: string) {
  await page.waitForFunction(
    ([sel, want]) => {
      const all = document.querySelectorAll<HTMLElement>(sel);
      return all[all.length - 1]?.innerText.replace(/\s+/g, '') === want;
    },
    [selector, expected] as const,
    { timeout: e2e.STEP_TIMEOUT },
  );
}

const shot = (page: Page, name: string, root: string) => e2e.settledScreenshot(page, `groupbuy-${name}.png`, root);

/** From the campaign or team page's button through the ordinary checkout and the 模拟支付 screen. */
async function checkoutAndPay(page: Page, shotPrefix: string) {
  await page.locator('#page-checkout #checkout-lines').waitFor();
  await page.locator('#checkout-groupbuy').waitFor();
  await page.locator('#delivery-pickup').click();
  await waitForText(page, '#checkout-payable', e2e.displayed(5900));
  await shot(page, `${shotPrefix}-checkout`, '#page-checkout');
  await page.locator('#checkout-submit').click();
  await page.locator('#page-pay #pay-confirm').waitFor();
  await page.locator('#pay-confirm').click();
  await waitForText(page, '#result-title', '支付成功');
  await page.locator('#result-view-team').click();
  await page.locator('#page-groupbuy-team #team-status').last().waitFor();
}

describe.skipIf(missing.length > 0)('H5 group-buy, end to end', () => {
  beforeAll(async () => {
    env = await e2e.startE2E();
  }, 120_000);

  afterAll(async () => {
    if (env) await post('dev/clock', { now: null });
    await env?.close();
  });

  it('A opens a team of 2, B joins through the shared team path: both orders show 拼团成功', async () => {
    const a = await e2e.signedInPage(env!.browser, A);
    await a.page.goto(`${env!.baseUrl}/#/pages/me/index`);
    await a.page.locator('.menu-groupbuy').click();
    await a.page.locator(`#campaign-${CAMPAIGN}`).waitFor();
    await shot(a.page, '01-list', '#page-groupbuy-list');
    await a.page.locator(`#campaign-${CAMPAIGN}`).click();
    await a.page.locator('#campaign-open-team').waitFor();
    await shot(a.page, '02-campaign', '#page-groupbuy-campaign');
    await a.page.locator('#campaign-open-team').click();
    await checkoutAndPay(a.page, '03-a');
    await waitForLastText(a.page, '#team-status', '拼团中，还差1人');
    await a.page.locator('#team-share').waitFor();
    await shot(a.page, '04-team-open', '#page-groupbuy-team');
    const teamPath = new URL(a.page.url().replace('#/', '')).pathname + new URL(a.page.url().replace('#/', '')).search;
    expect(teamPath).toMatch(/^\/packages\/groupbuy\/team\?teamId=t_/);

    // B opens the path A shared.
    const b = await e2e.signedInPage(env!.browser, B);
    await b.page.goto(`${env!.baseUrl}/#${teamPath}`);
    await b.page.locator('#team-join').waitFor();
    await shot(b.page, '05-team-shared', '#page-groupbuy-team');
    await b.page.locator('#team-join').click();
    await checkoutAndPay(b.page, '06-b');
    await waitForLastText(b.page, '#team-status', '拼团成功');
    await shot(b.page, '07-team-succeeded', '#page-groupbuy-team');

    for (const [who, page] of [
      [A, a.page],
      [B, b.page],
    ] as const) {
      const orders = await e2e.callApi(env!.baseUrl, who, 'order.list', {});
      const order = orders.items.find((o) => o.groupBuy?.campaignId === CAMPAIGN)!;
      expect(order).toMatchObject({ status: 'paid', payableFen: 5900, groupBuy: { teamStatus: 'succeeded' } });
      await page.goto(`${env!.baseUrl}/#/packages/order/detail?orderId=${order.orderId}`);
      await waitForText(page, '#detail-status', '拼团成功');
    }
    await shot(a.page, '08-order-succeeded', '#page-order-detail');
  }, 240_000);

  it('a team left alone fails when the dev clock passes its window: its member is refunded (已退款)', async () => {
    const created = await post(
      'fn/order',
      {
        action: 'create',
        idempotencyKey: `e2e-gb-${RUN}-c`,
        data: { items: [{ skuId: SKU, qty: 1 }], delivery: { type: 'pickup' }, groupBuy: { campaignId: CAMPAIGN } },
      },
      C,
    );
    expect(created.ok).toBe(true);
    const paid = await post('dev/pay-callback', {
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      outTradeNo: created.data.orderNo,
      transactionId: `4200gb${Date.now()}`,
      totalFee: created.data.payableFen,
    });
    expect(paid).toMatchObject({ errcode: 0 });
    const c = await e2e.signedInPage(env!.browser, C);
    await c.page.goto(`${env!.baseUrl}/#/packages/order/detail?orderId=${created.data.orderId}`);
    await waitForText(c.page, '#detail-status', '拼团中');
    await shot(c.page, '09-order-grouping', '#page-order-detail');

    // While the team is open the store cannot refund the seat: the manager's page says why.
    const m = await e2e.signedInPage(env!.browser, 'demo-manager');
    await m.page.goto(`${env!.baseUrl}/#/packages/manager/orders`);
    await m.page.locator('#page-manager-orders').getByText('全部', { exact: true }).click();
    await m.page.locator(`#m-refund-${created.data.orderId}`).click();
    await m.page.locator('#m-refund-form textarea').fill('顾客不想拼了');
    await m.page.locator('#m-refund-submit').click();
    await e2e.waitForToast(m.page, '拼团进行中，成团或失败后再退款');
    await m.page.screenshot({ path: `${e2e.ARTIFACTS}/groupbuy-09b-manager-refund-in-progress.png` });
    expect((await e2e.callApi(env!.baseUrl, C, 'order.get', { orderId: created.data.orderId })).status).toBe(
      'grouping',
    );

    await post('dev/clock', { now: new Date(Date.now() + 25 * 3_600_000).toISOString() });
    expect(await post('dev/run-timer/groupbuyTimer', {})).toMatchObject({ ok: true, data: { result: { failed: 1 } } });
    expect(await post('dev/run-timer/outboxWorker', {})).toMatchObject({ ok: true });
    await c.page.waitForTimeout(300);
    await c.page.reload();
    await waitForText(c.page, '#detail-status', '已退款');
    await shot(c.page, '10-order-refunded', '#page-order-detail');
    const order = await e2e.callApi(env!.baseUrl, C, 'order.get', { orderId: created.data.orderId });
    expect(order).toMatchObject({ status: 'refunded', groupBuy: { teamStatus: 'failed' } });
    expect(order.refunds).toMatchObject([{ status: 'succeeded', amountFen: 5900 }]);
    await post('dev/clock', { now: null });
  }, 120_000);

  it('the manager lists the campaigns and creates one through the form', async () => {
    const m = await e2e.signedInPage(env!.browser, 'demo-manager');
    await m.page.goto(`${env!.baseUrl}/#/packages/manager/campaigns`);
    await m.page.locator(`#manager-campaign-${CAMPAIGN}`).waitFor();
    await shot(m.page, '11-manager-campaigns', '#page-manager-campaigns');
    await m.page.locator('#campaign-new').click();
    await m.page.locator('#campaign-form').waitFor();
    // The product and spec come from the catalog picker, not a typed SKU id.
    await m.page.locator('.sku-picker .nut-searchbar input').fill('氨基酸');
    await m.page.locator('.sku-picker .nut-searchbar input').press('Enter');
    await m.page.locator('#campaign-sku-sku-amino-acid-cleanser-2').click();
    await m.page.waitForFunction(() =>
      (document.querySelector('#campaign-sku-picked') as HTMLElement | null)?.innerText.includes(
        '青禾氨基酸温和洁面乳',
      ),
    );
    const inputs = m.page.locator('#campaign-form .ship-form__row input');
    const values = ['洁面乳大瓶 3人团', '79.9', '3', '24', '50', '1', '7'];
    for (let i = 0; i < values.length; i++) await inputs.nth(i).fill(values[i]!);
    await m.page.waitForTimeout(400);
    await m.page.screenshot({ path: `${e2e.ARTIFACTS}/groupbuy-12-manager-form.png` });
    await m.page.locator('#campaign-submit').click();
    await m.page.locator('#campaign-form').waitFor({ state: 'hidden' });
    const list = await e2e.callApi(env!.baseUrl, 'demo-manager', 'manager.listCampaigns', {});
    const made = list.items.find((c) => c.title === '洁面乳大瓶 3人团');
    expect(made).toMatchObject({ groupPriceFen: 7990, teamSize: 3, stockCap: 50, status: 'active' });
    await m.page.locator(`#manager-campaign-${made!.campaignId}`).waitFor();
    await shot(m.page, '13-manager-created', '#page-manager-campaigns');
  }, 120_000);
});
