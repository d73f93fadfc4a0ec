/**
 * H5 end to end, the staff counter and the manager's tools, with two browser contexts: a member
 * shows 会员码; demo-staff pastes the code, awards points for ¥88.00 -> the member's 积分明细 shows
 * the entry; pasting the same code again is refused; the code's digits, typed, work the same. Then the manager's pages, each screenshotted,
 * and a new member joining the store by a one-time invite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as e2e from './support';

const MEMBER = `e2e-counter-${Date.now().toString(36)}`;
const missing = e2e.missingPrerequisites('staff');

let env: e2e.E2E | undefined;
const pages = e2e.pageOpener(() => env!);
const open = pages.open;

const shot = (page: Page, name: string, root: string) => e2e.settledScreenshot(page, `staff-${name}.png`, root);

const toast = e2e.waitForToast;

async function pasteCode(page: Page, code: string): Promise<void> {
  await page.locator('#staff-code-input input').fill(code);
  await page.locator('#staff-code-submit').click();
}

describe.skipIf(missing.length > 0)('H5 staff counter and manager tools, end to end', () => {
  beforeAll(async () => {
    env = await e2e.startE2E();
  }, 120_000);

  afterAll(async () => {
    await pages.closeAll();
    await env?.close();
  });

  it('member shows 会员码; demo-staff pastes it and awards ¥88.00; 积分明细 shows +88; a replay is refused', async () => {
    const member = await open(MEMBER, '/packages/member/code');
    const me = await e2e.callApi(env!.baseUrl, MEMBER, 'member.me', {});
    await member.locator('#member-code-qr img[src^="data:image/gif"]').waitFor();
    const code = await member.locator('#member-code-qr').getAttribute('data-code');
    expect(code).toBeTruthy();

    const staff = await open('demo-staff', '/pages/me/index');
    await staff.locator('.me__counter').click();
    await staff.locator('#staff-code-input').waitFor();
    await shot(staff, '01-counter', '#page-staff-counter');
    await pasteCode(staff, code!);
    await e2e.waitForText(staff, '#staff-member-nickname', me.nickname.replace(/\s+/g, ''));
    expect(await e2e.textOf(staff, '#staff-member-points')).toBe(String(me.points));
    await shot(staff, '02-member-panel', '#page-staff-counter');

    const receiptNo = `E2E-${Date.now().toString(36)}`;
    await staff.locator('#staff-amount input').fill('88.00');
    await staff.locator('#staff-receipt input').fill(receiptNo);
    await e2e.waitForText(staff, '#staff-amount-preview', '实收¥88.00');
    await staff.locator('#staff-award-submit').click();
    await e2e.waitForText(staff, '#staff-awarded', `小票${receiptNo}：+88积分`);
    await e2e.waitForText(staff, '#staff-member-points', String(me.points + 88));
    await shot(staff, '03-awarded', '#page-staff-counter');

    await member.goto(`${env!.baseUrl}/#/packages/member/points`);
    await e2e.waitForText(member, '#points-balance', String(me.points + 88));
    const first = member.locator('#points-list .points__row').first();
    expect((await first.innerText()).replace(/\s+/g, '')).toContain('+88');
    await shot(member, '04-member-points', '#page-points');

    // The same code pasted again: refused, and nothing more is credited.
    await pasteCode(staff, code!);
    await toast(staff, '会员码已使用');
    // Taken while the toast shows (settledScreenshot waits for toasts to fade).
    await staff.screenshot({ path: `${e2e.ARTIFACTS}/staff-05-replay-refused.png` });
    expect((await e2e.callApi(env!.baseUrl, MEMBER, 'member.me', {})).points).toBe(me.points + 88);
  }, 120_000);

  it('the 会员码 shows its code as digits; staff type them (spaces and all) and award points', async () => {
    const member = await open(`${MEMBER}-digits`, '/packages/member/code');
    await member.locator('#member-code-qr img[src^="data:image/gif"]').waitFor();
    const shown = (await member.locator('#member-code-digits').innerText()).trim();
    expect(shown).toMatch(/^\d{4} \d{4} \d{4} \d{2}$/);
    await shot(member, '04b-member-code-digits', '#page-member-code');

    const staff = await open('demo-staff', '/packages/staff/counter');
    await pasteCode(staff, shown);
    await staff.locator('#staff-member-nickname').waitFor();
    const receiptNo = `E2E-D-${Date.now().toString(36)}`;
    await staff.locator('#staff-amount input').fill('12.00');
    await staff.locator('#staff-receipt input').fill(receiptNo);
    await staff.locator('#staff-award-submit').click();
    await e2e.waitForText(staff, '#staff-awarded', `小票${receiptNo}：+12积分`);
    await shot(staff, '04c-typed-digits-awarded', '#page-staff-counter');
  }, 120_000);

  it('a wrong 提货码 at the counter shows the server’s own message for it', async () => {
    const staff = await open('demo-staff', '/packages/staff/counter');
    await staff.locator('#m-verify-input input').fill('000000');
    await staff.locator('#m-verify-submit').click();
    // The service's words for this refusal, not a generic text for its code (NOT_FOUND).
    await toast(staff, '提货码无效或已核销');
    await staff.screenshot({ path: `${e2e.ARTIFACTS}/staff-05b-wrong-pickup-code.png` });
  }, 60_000);

  it('a customer who is not staff is turned away from the counter by the server', async () => {
    const page = await open(`e2e-not-staff-${Date.now().toString(36)}`, '/packages/staff/counter');
    await page.locator('#page-no-permission').waitFor();
    expect(await e2e.textOf(page, '#page-no-permission')).toContain('仅限门店员工使用');
    await shot(page, '06-denied', '#page-no-permission');
  }, 60_000);

  it('manager tools: home, products, coupons, staff invite, audit log; a new member joins by the invite', async () => {
    const page = await open('demo-manager', '/pages/me/index');
    await page.locator('.me__manager').click();
    await page.locator('.m-home-products').waitFor();
    await shot(page, '07-manager-home', '#page-manager-home');

    await page.locator('.m-home-products').click();
    await page.locator('#m-product-list .m-sku-edit').first().waitFor();
    await shot(page, '08-products', '#page-manager-products');
    await page.locator('#m-product-list .m-sku-edit').first().click();
    await page.locator('#m-sku-stock input').fill('77');
    await shot(page, '09-sku-edit', '#page-manager-products');
    await page.locator('#m-sku-save').click();
    await page.waitForFunction(() =>
      (document.querySelector('#m-product-list') as HTMLElement | null)?.innerText.includes('库存 77'),
    );

    await page.goto(`${env!.baseUrl}/#/packages/manager/coupons`);
    await page.locator('#m-template-list').waitFor();
    await shot(page, '10-coupons', '#page-manager-coupons');
    await page.locator('#m-tpl-new').click();
    await page.locator('#m-tpl-title input').fill('店庆满100减20');
    await page.locator('#m-tpl-threshold input').fill('100');
    await page.locator('#m-tpl-amount input').fill('20');
    await shot(page, '11-coupon-form', '#page-manager-coupons');
    await page.locator('#m-tpl-submit').click();
    await page.waitForFunction(() =>
      (document.querySelector('#m-template-list') as HTMLElement | null)?.innerText.includes('店庆满100减20'),
    );

    await page.goto(`${env!.baseUrl}/#/packages/manager/staff`);
    await page.locator('#m-staff-list').waitFor();
    await page.locator('#m-invite-staff').click();
    const absolute = (await page.locator('#m-invite-link').innerText()).trim();
    // Absolute, so the newcomer's browser opens it; the hash is the bind page's path.
    expect(absolute.startsWith(`${env!.baseUrl}/#/packages/staff/bind?token=`)).toBe(true);
    const link = absolute.slice(absolute.indexOf('#') + 1);
    expect(link).toMatch(/^\/packages\/staff\/bind\?token=[A-Za-z0-9_-]{24}$/);
    await shot(page, '12-staff-invite', '#page-manager-staff');

    const newcomer = `e2e-newcomer-${Date.now().toString(36)}`;
    const invited = await open(newcomer, link);
    await invited.locator('#staff-bind-accept').click();
    await invited.locator('#staff-bind-go').waitFor();
    await shot(invited, '13-bind-done', '#page-staff-bind');
    await invited.locator('#staff-bind-go').click();
    await invited.locator('#page-staff-counter').waitFor();

    // The invite named the first shop (the default); 分配门店 moves the newcomer to 徐汇.
    const nickname = (await e2e.callApi(env!.baseUrl, newcomer, 'member.me', {})).nickname;
    await page.goto(`${env!.baseUrl}/#/packages/manager/staff`);
    const rowShows = (shop: string) =>
      page.waitForFunction(
        ([n, s]) =>
          [...document.querySelectorAll('#m-staff-list .m-item')].some(
            (e) => (e as HTMLElement).innerText.includes(n) && (e as HTMLElement).innerText.includes(s),
          ),
        [nickname, shop] as const,
        { timeout: e2e.STEP_TIMEOUT },
      );
    await rowShows('青禾 静安嘉里中心店');
    await page.locator('#m-staff-list .m-item', { hasText: nickname }).first().locator('.m-staff-shop').click();
    await page.locator('.nut-actionsheet-list', { hasText: '青禾 徐汇美罗城店' }).waitFor();
    await shot(page, '13b-staff-shop-sheet', '#page-manager-staff');
    await page.locator('.nut-actionsheet-item', { hasText: '青禾 徐汇美罗城店' }).click();
    await toast(page, '已分配到 青禾 徐汇美罗城店');
    await rowShows('青禾 徐汇美罗城店');
    await shot(page, '13c-staff-shop-moved', '#page-manager-staff');

    // Someone invited to no shop: both manager pages say their advisor code cannot serve yet.
    const unplaced = `e2e-unplaced-${Date.now().toString(36)}`;
    const noShop = await e2e.act(env!.baseUrl, 'manager', 'createStaffInvite', { role: 'staff' }, 'demo-manager');
    await e2e.act(env!.baseUrl, 'staff', 'bind', { inviteToken: noShop.token }, unplaced);
    await page.reload();
    await page.locator('#m-staff-list .m-staff__no-shop').waitFor();
    await shot(page, '13d-staff-unplaced', '#page-manager-staff');
    await page.goto(`${env!.baseUrl}/#/packages/manager/advisors`);
    await e2e.waitForText(page, '#advisors-unplaced', '1位员工未分配门店，导购码暂不可用去分配');
    await shot(page, '13e-advisors-unplaced', '#page-manager-advisors');

    await page.goto(`${env!.baseUrl}/#/packages/manager/audit`);
    await page.locator('#m-audit-list').waitFor();
    const log = (await page.locator('#m-audit-list').innerText()).replace(/\s+/g, '');
    for (const action of ['消费积分', '扫会员码', '邀请员工', '加入门店', '新建优惠券', '修改价格库存', '分配门店'])
      expect(log).toContain(action);
    await shot(page, '14-audit', '#page-manager-audit');
  }, 180_000);
});
