/**
 * H5 end to end, the advisor half of a member bound to demo-staff (小禾) buys; demo-staff
 * opens 我的顾客 from the counter, sees the member, opens them and issues an advisor coupon within
 * the month's budget; the manager's 数据看板 shows the per-advisor charts with 小禾's revenue, and
 * 导购管理 shows the budget spent. The member arrives the real way: they open the page 小禾's code
 * opens (scene a=DEMOSTAFF), which binds them and gives the gift, and order.create stamps the order
 * with 小禾. Only the older regular (an order 40 days back) is written through the database handle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeAttributedOrder, makeCustomer } from '../integration/advisor/advisor-factory';
import { inShanghai } from '../../cloudfunctions/core/shared/time';
import * as e2e from './support';

const MEMBER = `e2e-advisor-${Date.now().toString(36)}`;
const NICKNAME = '导购顾客E2E';
const missing = e2e.missingPrerequisites('advisor');

let env: e2e.E2E | undefined;
const pages = e2e.pageOpener(() => env!);
const open = pages.open;

const shot = (page: Page, name: string, root: string) => e2e.settledScreenshot(page, `advisor-${name}.png`, root);
const act = (fn: string, action: string, data: unknown, who: string) => e2e.act(env!.baseUrl, fn, action, data, who);

describe.skipIf(missing.length > 0)('H5 advisor workspace, end to end', () => {
  let memberId = '';
  let payableFen = 0;
  let regular = '';

  beforeAll(async () => {
    env = await e2e.startE2E();
    if (!env.db) throw new Error('the advisor e2e needs the gateway it starts (its database handle), not E2E_BASE_URL');
    const me = await act('member', 'updateProfile', { nickname: NICKNAME }, MEMBER);
    memberId = me.memberId;
    // A new visitor scans 小禾's code: the welcome page binds them to 小禾 and gives the gift.
    const visitor = await open(MEMBER, `/packages/shop/welcome?scene=${encodeURIComponent('a=DEMOSTAFF')}`);
    await visitor.locator('#welcome-gift').waitFor();
    expect(await visitor.locator('#page-shop-welcome').getAttribute('data-gift')).toBe('issued');
    const order = await act(
      'order',
      'create',
      { items: [{ skuId: 'sku-hyaluronic-sheet-mask-1', qty: 1 }], delivery: { type: 'pickup' } },
      MEMBER,
    );
    payableFen = order.payableFen;
    await e2e.devRoute(env.baseUrl, 'pay-callback', {
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      outTradeNo: order.orderNo,
      transactionId: `4200${Date.now()}`,
      totalFee: order.payableFen,
    });
    // A regular of 小禾's: birthday this month, bought the 30-day mask 40 days ago and not since (待复购).
    const old = await makeCustomer(env.db, 'demo-staff', {
      nickname: '老顾客',
      birthday: `1992-${inShanghai(new Date()).format('MM')}-15`,
      points: 320,
      origin: false,
    });
    await makeAttributedOrder(env.db, {
      openid: old.openid,
      advisorOpenid: 'demo-staff',
      paidDaysAgo: 40,
      now: new Date(),
    });
    regular = old.memberId;
  }, 120_000);

  afterAll(async () => {
    await pages.closeAll();
    await env?.close();
  });

  it('demo-staff opens 我的顾客 from the counter, sees the customer and issues a coupon within budget', async () => {
    const staff = await open('demo-staff', '/packages/staff/counter');
    await staff.locator('#staff-my-customers').click();
    await staff.locator(`#customer-${memberId}`).waitFor();
    expect(await e2e.textOf(staff, `#customer-${memberId}`)).toContain(NICKNAME);
    await staff.locator(`#customer-${regular}`).waitFor();
    await shot(staff, '01-customers', '#page-staff-customers');
    await staff.locator('#filter-due').click();
    await staff.locator(`#customer-${memberId}`).waitFor({ state: 'detached' });
    expect(await e2e.textOf(staff, '#customer-list')).toContain('老顾客');
    await shot(staff, '02-customers-due', '#page-staff-customers');
    await staff.locator('#filter-tier-black').click();
    await staff.locator('#customers-empty').waitFor();
    await shot(staff, '02-customers-empty', '#page-staff-customers');
    await staff.locator('#filter-all').click();

    await staff.locator(`#customer-${memberId}`).click();
    await staff.locator('#issue-coupon').waitFor();
    await e2e.waitForText(staff, '#budget-left', '本月剩余额度¥300.00/¥300.00');
    expect(await e2e.textOf(staff, '#customer-orders')).toContain('玻尿酸补水面膜');
    await shot(staff, '03-customer', '#page-staff-customer');
    await staff.locator('#template-ct-advisor-10').click();
    await staff.locator('#issue-submit').click();
    await e2e.waitForToast(staff, '已发放');
    await e2e.waitForText(staff, '#budget-left', '本月剩余额度¥290.00/¥300.00');
    await shot(staff, '04-issued', '#page-staff-customer');

    const coupons = await e2e.callApi(env!.baseUrl, MEMBER, 'member.coupons', {});
    expect(coupons.items.map((c) => c.templateId)).toContain('ct-advisor-10');
  });

  it('the manager sees 小禾 in the per-advisor charts and the spend in 导购管理', async () => {
    const manager = await open('demo-manager', '/packages/manager/dashboard');
    await manager.locator('#chart-advisor_revenue').waitFor();
    const revenue = await e2e.textOf(manager, '#chart-advisor_revenue');
    expect(revenue).toContain('小禾');
    expect(revenue).toContain(`¥${(payableFen / 100).toFixed(2)}`);
    expect(await e2e.textOf(manager, '#chart-advisor_new_members')).toContain('小禾');
    await manager.locator('#chart-advisor_revenue').scrollIntoViewIfNeeded();
    await manager.waitForTimeout(300);
    await manager.screenshot({ path: `${e2e.ARTIFACTS}/advisor-05-dashboard.png` });

    await manager.goto(`${env!.baseUrl}/#/packages/manager/advisors`);
    await manager.locator('#advisor-demo-staff').waitFor();
    expect(await e2e.textOf(manager, '#advisor-demo-staff')).toContain('本月发券¥10.00/额度¥300.00');
    await shot(manager, '06-advisors', '#page-manager-advisors');
    await manager.locator('.nut-tabs-titles-item', { hasText: '顾客' }).click();
    await manager.locator(`#shop-customer-${memberId}`).waitFor();
    await shot(manager, '07-advisor-customers', '#page-manager-advisors');
    await manager.locator('.nut-tabs-titles-item', { hasText: '导购可发券' }).click();
    await manager.locator('#advisor-template-ct-advisor-10').waitFor();
    await shot(manager, '08-advisor-templates', '#page-manager-advisors');
  });
});
