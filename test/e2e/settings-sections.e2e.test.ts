/**
 * H5 end to end, 店铺设置's typed sections: the manager renames a tier, switches the referral reward to
 * a coupon picked from the store's templates, and sets a nudge trigger's arg in its own field (no
 * JSON); 操作日志 says each change in words; the invite page states the store's refund window.
 * Screenshots at 390 and 1280 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as e2e from './support';

const MANAGER = 'demo-manager';
const INVITER = `e2e-sections-${Date.now().toString(36)}`;
const missing = e2e.missingPrerequisites('settings sections');

let env: e2e.E2E | undefined;
const pages = e2e.pageOpener(() => env!, 390);
const open = pages.open;

const shot = (page: Page, name: string, root: string) =>
  e2e.settledScreenshot(page, `settings-sections-${name}.png`, root);

async function openSection(page: Page, code: string) {
  await page.locator(`#settings-section-${code}`).click();
  await page.locator(`#settings-form-${code}`).waitFor();
}

async function saveOpen(page: Page) {
  await page.locator('#settings-save').click();
  await e2e.waitForToast(page, '已保存');
}

async function valueOf(code: string, key: string) {
  const view = await e2e.callApi(env!.baseUrl, MANAGER, 'manager.getSettings', {});
  return view.sections.find((s) => s.code === code)!.fields.find((f) => f.key === key)!.value;
}

describe.skipIf(missing.length > 0)('H5 store settings: tiers, referral and nudge sections', () => {
  beforeAll(async () => {
    env = await e2e.startE2E();
    await e2e.callApi(env.baseUrl, INVITER, 'member.me', {});
  }, 120_000);

  afterAll(async () => {
    await pages.closeAll();
    await env?.close();
  });

  it('renames a tier, rewards invites with a picked coupon, sets a nudge arg; the audit log says each', async () => {
    const page = await open(MANAGER, '/packages/manager/settings');
    await openSection(page, 'tiers');
    await page.locator('#setting-silver-name input').fill('白银会员');
    await shot(page, '01-tiers-390', '#page-manager-settings');
    await saveOpen(page);
    expect(await valueOf('tiers', 'silver.name')).toBe('白银会员');

    await page.locator('#split-back').click();
    await openSection(page, 'referral');
    await page.locator('#setting-rewardKind-coupon').click();
    await page.locator('#setting-rewardTemplateId-ct-full-199-30').click();
    await shot(page, '02-referral-390', '#page-manager-settings');
    await saveOpen(page);
    expect([await valueOf('referral', 'rewardKind'), await valueOf('referral', 'rewardTemplateId')]).toEqual([
      'coupon',
      'ct-full-199-30',
    ]);

    await page.locator('#split-back').click();
    await openSection(page, 'nudge');
    expect(await page.locator('#settings-form-nudge').innerText()).not.toContain('JSON');
    await page.locator('#setting-repurchase_due-windowDays input').fill('5');
    await saveOpen(page);
    const row = await env!
      .db!.kysely.selectFrom('nudge_settings')
      .select('trigger_args')
      .where('store_id', '=', 'demo')
      .executeTakeFirstOrThrow();
    expect(row.trigger_args).toMatchObject({ repurchase_due: { windowDays: 5, enabled: true } });

    const wide = await open(MANAGER, '/packages/manager/settings', 1280);
    await openSection(wide, 'nudge');
    await shot(wide, '03-nudge-1280', '#page-manager-settings');
    await openSection(wide, 'referral');
    await shot(wide, '04-referral-1280', '#page-manager-settings');

    const audit = await open(MANAGER, '/packages/manager/audit');
    await audit.locator('#m-audit-actions >> text=修改店铺设置').click();
    await audit.waitForFunction(() => document.querySelectorAll('#m-audit-list .m-audit__changes').length === 3);
    const changes = await audit.locator('#m-audit-list .m-audit__changes').allInnerTexts();
    expect(changes).toEqual([
      '复购提醒 补发窗口 3 → 5',
      expect.stringContaining('邀请人奖励方式 积分 → 优惠券'),
      '第 2 级 名称 银卡会员 → 白银会员',
    ]);
    await shot(audit, '05-audit-390', '#page-manager-audit');
  }, 240_000);

  it('the invite rules state the store’s refund window', async () => {
    const page = await open(MANAGER, '/packages/manager/settings');
    await openSection(page, 'orderRules');
    await page.locator('#setting-refundWindowDays input').fill('3');
    await saveOpen(page);
    const invite = await open(INVITER, '/packages/invite/index');
    await invite.waitForFunction(() =>
      document.querySelector('#invite-rules')?.textContent?.includes('确认收货后 3 天'),
    );
    await invite.locator('#invite-rules').scrollIntoViewIfNeeded();
    await shot(invite, '06-invite-rules-390', '#page-invite');
  }, 120_000);
});
