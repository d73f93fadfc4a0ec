/**
 * H5 end to end at 390 px, the operators' journeys: a customer (and staff) meeting one 没有权限
 * screen on manager pages; 管理后台's summary opening its lists; order search; 主动退款 by line with
 * the server's amount; 售后审核 cards naming the goods and opening the order; one staff name on 员工,
 * the counter and 操作日志; 操作日志 filtered; the 拼团 form's product picker; counter coupons with
 * their face value and expiry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as e2e from './support';

const RUN = Date.now().toString(36);
const CUSTOMER = `e2e-ops-${RUN}`;
const MANAGER = 'demo-manager';
const STAFF = 'demo-staff';
const missing = e2e.missingPrerequisites('operators');

let env: e2e.E2E | undefined;
const pages = e2e.pageOpener(() => env!, 390);
const open = pages.open;

const shot = (page: Page, name: string, root: string) => e2e.settledScreenshot(page, `operators-${name}.png`, root);

/** A paid order of `customer` through the real create and payment callback. */
async function paidOrder(customer: string, items: Array<{ skuId: string; qty: number }>) {
  const created = await e2e.act(env!.baseUrl, 'order', 'create', { items, delivery: { type: 'pickup' } }, customer);
  const paid = await e2e.devRoute(env!.baseUrl, 'pay-callback', {
    returnCode: 'SUCCESS',
    resultCode: 'SUCCESS',
    outTradeNo: created.orderNo,
    transactionId: `4200ops${RUN}${Math.random().toString(36).slice(2, 8)}`,
    totalFee: created.payableFen,
  });
  expect(paid).toMatchObject({ errcode: 0 });
  return created as { orderId: string; orderNo: string; payableFen: number };
}

describe.skipIf(missing.length > 0)('H5 operators: 管理后台 and the counter as people use them', () => {
  beforeAll(async () => {
    env = await e2e.startE2E();
    await e2e.callApi(env.baseUrl, CUSTOMER, 'member.me', {});
  }, 120_000);

  afterAll(async () => {
    await pages.closeAll();
    await env?.close();
  });

  it('a customer opening manager and staff pages, and staff opening a manager page, meet one 没有权限 screen', async () => {
    for (const [who, hash] of [
      [CUSTOMER, '/packages/manager/orders'],
      [CUSTOMER, '/packages/manager/home'],
      [CUSTOMER, '/packages/staff/counter'],
      [STAFF, '/packages/manager/audit'],
    ] as const) {
      const page = await open(who, hash);
      await page.locator('#page-no-permission').waitFor();
      expect(await e2e.textOf(page, '#page-no-permission')).toContain('没有权限');
      expect(await page.locator('text=加载失败').count()).toBe(0);
      if (hash === '/packages/manager/orders') await shot(page, '01-no-permission', '#page-no-permission');
    }
  }, 120_000);

  it('管理后台 opens with today’s figures, each queue opening its list; orders are found by number, phone or nickname', async () => {
    const order = await paidOrder(CUSTOMER, [{ skuId: 'sku-amino-acid-cleanser-1', qty: 1 }]);
    const summary = await e2e.callApi(env!.baseUrl, MANAGER, 'manager.summary', {});
    expect(summary.orderCount).toBeGreaterThan(0);
    const page = await open(MANAGER, '/packages/manager/home');
    await e2e.waitForText(page, '#m-summary-sales', `¥${(summary.salesFen / 100).toFixed(2)}今日销售额`);
    await e2e.waitForText(page, '#m-summary-orders', `${summary.orderCount}订单数`);
    await e2e.waitForText(page, '#m-summary-to-ship', `${summary.toShip}待发货›`);
    await e2e.waitForText(page, '#m-summary-refunds', `${summary.refundsToReview}待审核›`);
    await e2e.waitForText(page, '#m-summary-to-pick-up', `${summary.toPickUp}待自提›`);
    await shot(page, '02-manager-summary', '#page-manager-home');
    await page.locator('#m-summary-to-ship').click();
    await page.locator(`#m-order-list >> text=${order.orderNo}`).waitFor();

    await page.locator('.m-page__search input').fill(order.orderNo);
    await page.locator('.m-page__search input').press('Enter');
    await page.locator('#m-order-searching').waitFor();
    await page.waitForFunction((no) => {
      const list = document.querySelector('#m-order-list');
      return !!list && list.querySelectorAll('.m-order').length === 1 && (list as HTMLElement).innerText.includes(no);
    }, order.orderNo);
    await shot(page, '03-order-search', '#page-manager-orders');
  }, 120_000);

  it('主动退款 lets the manager choose lines and shows the amount the server then refunds', async () => {
    const order = await paidOrder(CUSTOMER, [
      { skuId: 'sku-amino-acid-cleanser-1', qty: 1 },
      { skuId: 'sku-vitamin-c-brightening-serum-1', qty: 1 },
    ]);
    const whole = await e2e.callApi(env!.baseUrl, MANAGER, 'manager.quoteRefund', { orderId: order.orderId });
    const [first] = whole.lines;
    const one = await e2e.callApi(env!.baseUrl, MANAGER, 'manager.quoteRefund', {
      orderId: order.orderId,
      lineIds: [first!.lineId],
    });
    const page = await open(MANAGER, `/packages/manager/orders?q=${order.orderNo}`);
    await page.locator(`#m-refund-${order.orderId}`).click();
    await e2e.waitForText(page, '#m-refund-amount', `退款金额¥${(whole.amountFen / 100).toFixed(2)}`);
    // Untick the second line: the server's amount for the first alone.
    await page.locator('#m-refund-lines .m-refund-line').nth(1).click();
    await e2e.waitForText(page, '#m-refund-amount', `退款金额¥${(one.amountFen / 100).toFixed(2)}`);
    await page.locator('#m-refund-reason textarea').fill('第二件缺货，先退第一件');
    await shot(page, '04-manager-refund-amount', '#page-manager-orders');
    await page.locator('#m-refund-submit').click();
    await e2e.waitForToast(page, '已提交退款');
    const after = await e2e.callApi(env!.baseUrl, CUSTOMER, 'order.get', { orderId: order.orderId });
    expect(after.refunds).toMatchObject([{ amountFen: one.amountFen, lineIds: [first!.lineId] }]);
  }, 120_000);

  it('售后审核 cards name the goods and the amount, and open the order', async () => {
    const order = await paidOrder(CUSTOMER, [{ skuId: 'sku-vitamin-c-brightening-serum-1', qty: 2 }]);
    const asked = await e2e.act(
      env!.baseUrl,
      'order',
      'requestRefund',
      { orderId: order.orderId, reason: '买多了' },
      CUSTOMER,
    );
    const page = await open(MANAGER, '/packages/manager/refunds');
    const card = `#m-refund-${asked.refundId}`;
    await page.locator(card).waitFor();
    const text = await e2e.textOf(page, card);
    expect(text).toContain('维C');
    expect(text).toContain('×2');
    expect(text).toContain(order.orderNo);
    await shot(page, '05-refund-review-card', '#page-manager-refunds');
    await page.locator(`#m-refund-open-${asked.refundId}`).click();
    await page.locator('#m-order-searching').waitFor();
    await page.locator(`#m-order-list >> text=${order.orderNo}`).waitFor();
  }, 120_000);

  it('one staff name: set on 员工, shown on the counter and in 操作日志, which filters by kind and person', async () => {
    const page = await open(MANAGER, '/packages/manager/staff');
    await page.locator('#m-staff-list').waitFor();
    // The seed names demo-staff 小禾 for advisor screens; 员工 now shows that name, and renames it.
    await page.locator('#m-staff-list >> text=小禾').waitFor();
    const staffRow = page.locator('#m-staff-list .m-item', { hasText: '店员' }).first();
    await staffRow.locator('.m-staff-name').click();
    await page.locator('#m-staff-name-input input').fill('禾禾');
    await page.locator('#m-staff-name-submit').click();
    await e2e.waitForToast(page, '已保存');
    await page.locator('#m-staff-list >> text=禾禾').waitFor();
    await shot(page, '06-staff-names', '#page-manager-staff');

    // demo-staff acts once (a scan), so 操作日志 has them to filter by.
    const walkIn = `${CUSTOMER}-w`;
    await e2e.callApi(env!.baseUrl, walkIn, 'member.me', {});
    const { code } = await e2e.callApi(env!.baseUrl, walkIn, 'member.memberCode', {});
    await e2e.act(env!.baseUrl, 'staff', 'scanMemberCode', { code }, STAFF);
    const counter = await open(STAFF, '/packages/staff/counter');
    await page.waitForTimeout(100);
    await counter.locator('.counter__role >> text=禾禾').waitFor();

    const audit = await open(MANAGER, '/packages/manager/audit');
    await audit.locator('#m-audit-actions').waitFor();
    await audit.locator('#m-audit-actions >> text=设置员工名称').click();
    await audit.waitForFunction(() => {
      const rows = [...document.querySelectorAll<HTMLElement>('#m-audit-list .m-audit__action')];
      return rows.length > 0 && rows.every((r) => r.innerText === '设置员工名称');
    });
    await audit.locator('#m-audit-actions >> text=全部操作').click();
    await audit.locator('#m-audit-people >> text=禾禾').click();
    await audit.waitForFunction(() => {
      const rows = [...document.querySelectorAll<HTMLElement>('#m-audit-list .m-audit__who')];
      return rows.length > 0 && rows.every((r) => r.innerText.includes('禾禾'));
    });
    await audit.locator('#m-audit-people >> text=全部人员').click();
    await audit.locator('#m-audit-actions >> text=发起退款').click();
    await audit.locator('#m-audit-list .m-audit__order').first().waitFor();
    expect(await e2e.textOf(audit, '#m-audit-list .m-audit__order')).toMatch(/^订单\d+/);
    await shot(audit, '07-audit-filtered', '#page-manager-audit');

    // Staff can name themselves on 我的导购码; the manager's 员工 shows the same name.
    const mine = await open(STAFF, '/packages/staff/my-code');
    await mine.locator('#my-code-rename').click();
    await mine.locator('#m-staff-name-input input').fill('阿禾');
    await mine.locator('#m-staff-name-submit').click();
    await e2e.waitForText(mine, '#my-code-name', '阿禾');
    await shot(mine, '07b-staff-names-themself', '#page-staff-my-code');
    const staffList = await e2e.callApi(env!.baseUrl, MANAGER, 'manager.listStaff', {});
    expect(staffList.staff.find((x) => x.openid === STAFF)?.displayName).toBe('阿禾');
  }, 120_000);

  it('the 拼团 form opens below the title bar and picks the product and its spec from the catalog', async () => {
    const page = await open(MANAGER, '/packages/manager/campaigns');
    await page.locator('#campaign-new').click();
    await page.locator('#campaign-form').waitFor();
    // The sheet's heading shows below H5's title bar, not under it.
    await page.waitForTimeout(400);
    const [bar, sheet] = await page.evaluate(() =>
      ['.taro-navigation-bar-show', '.nut-popup-bottom'].map((s) =>
        document.querySelector(s)!.getBoundingClientRect().toJSON(),
      ),
    );
    expect(sheet.top).toBeGreaterThanOrEqual(bar.bottom);
    await page.locator('.sku-picker .nut-searchbar input').fill('卸妆');
    await page.locator('.sku-picker .nut-searchbar input').press('Enter');
    await page.locator('#campaign-sku-sku-rice-bran-cleansing-oil-2').click();
    await page.waitForFunction(() => {
      const t = (document.querySelector('#campaign-sku-picked') as HTMLElement | null)?.innerText ?? '';
      return t.includes('米糠温和卸妆油') && t.includes('300ml') && t.includes('¥229.00');
    });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${e2e.ARTIFACTS}/operators-08-campaign-picker.png` });
  }, 120_000);

  it('the counter lists the member’s coupons with face value, terms, scope and expiry', async () => {
    const claimable = await e2e.callApi(env!.baseUrl, CUSTOMER, 'coupon.listClaimable', {});
    for (const t of claimable.items.filter((c) => c.canClaim).slice(0, 3))
      await e2e.act(env!.baseUrl, 'member', 'claimCoupon', { templateId: t.templateId }, CUSTOMER);
    const held = await e2e.callApi(env!.baseUrl, CUSTOMER, 'member.coupons', { status: 'usable' });
    expect(held.items.length).toBeGreaterThan(0);
    const { code } = await e2e.callApi(env!.baseUrl, CUSTOMER, 'member.memberCode', {});
    const counter = await open(STAFF, '/packages/staff/counter');
    await counter.locator('#staff-code-input input').fill(code);
    await counter.locator('#staff-code-submit').click();
    await counter.locator('#staff-member .counter-coupon').first().waitFor();
    const first = held.items[0]!;
    const face = first.description.unit === '¥' ? `¥${first.description.figure}` : `${first.description.figure}折`;
    const panel = await e2e.textOf(counter, '#staff-member');
    expect(panel).toContain(face);
    expect(panel).toContain(first.description.text.replace(/\s+/g, ''));
    expect(panel).toContain('到期');
    await shot(counter, '09-counter-coupons', '#page-staff-counter');
  }, 120_000);
});
