/**
 * H5 end to end, a coupon kind added on the server only: the manager's 新建优惠券 form offers 每满减
 * with the fields its rule declares (每满, 减, 最多减 optional), creates one, the list and the claim
 * center show the rule's words. The H5 build knows no coupon kind; the form and texts come from the
 * server. Skips with a message when Chromium or the H5 build is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as e2e from './support';

const CUSTOMER = `e2e-every-${Date.now().toString(36)}`;
const TITLE = '店庆每满100减10';
const missing = e2e.missingPrerequisites('every-full-reduction');

let env: e2e.E2E | undefined;
const pages = e2e.pageOpener(() => env!);

const shot = (page: Page, name: string, root: string) =>
  e2e.settledScreenshot(page, `every-full-reduction-${name}.png`, root);

describe.skipIf(missing.length > 0)('H5 每满减, a kind from the registry alone', () => {
  beforeAll(async () => {
    env = await e2e.startE2E();
  }, 120_000);

  afterAll(async () => {
    await pages.closeAll();
    await env?.close();
  });

  it("the manager's form renders 每满减's fields, creates it, and the customer's ticket reads 每满100 · 最高减50", async () => {
    const page = await pages.open('demo-manager', '/packages/manager/coupons');
    await page.locator('#m-template-list').waitFor();
    await page.locator('#m-tpl-new').click();
    await page.locator('#m-template-form .nut-radio', { hasText: '每满减' }).click();
    await page.locator('#m-tpl-every').waitFor();
    expect(await page.locator('#m-template-form .form-row__label').allInnerTexts()).toEqual([
      '名称',
      '每满（元）',
      '减（元）',
      '最多减（元）',
      '有效天数',
      '发放总量',
      '每人限领',
    ]);
    expect(await page.locator('#m-tpl-cap input').getAttribute('placeholder')).toBe('选填');
    await page.locator('#m-tpl-title input').fill(TITLE);
    await page.locator('#m-tpl-every input').fill('100');
    await page.locator('#m-tpl-amount input').fill('10');
    await page.locator('#m-tpl-cap input').fill('50');
    await shot(page, '01-form', '#page-manager-coupons');
    await page.locator('#m-tpl-submit').click();
    const row = page.locator('#m-template-list .m-item', { hasText: TITLE });
    await row.waitFor();
    expect(await row.innerText()).toContain('每满100减10，最多减50 · 全场通用 · 领取后7天内有效');
    await row.scrollIntoViewIfNeeded();
    await shot(page, '02-list', '#page-manager-coupons');

    const templates = await e2e.callApi(env!.baseUrl, 'demo-manager', 'manager.listCouponTemplates', {});
    const templateId = templates.items.find((t) => t.title === TITLE)!.templateId;
    const customer = await pages.open(CUSTOMER, '/packages/member/claim');
    const ticket = customer.locator(`#claim-ticket-${templateId}`);
    await ticket.waitFor();
    await ticket.scrollIntoViewIfNeeded();
    expect(await ticket.innerText()).toMatch(/¥\s*10[\s\S]*每满100 · 最高减50[\s\S]*每满减[\s\S]*店庆每满100减10/);
    await shot(customer, '03-claim-center', '#page-coupon-claim');
  }, 90_000);
});
