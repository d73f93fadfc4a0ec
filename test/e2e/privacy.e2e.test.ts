/**
 * H5 end to end, the privacy consent popup. H5 has no WeChat privacy API, so the popup opens there only
 * when the page URL carries `privacy=preview` (see src/components/PrivacyPopup); this suite looks at it
 * on 个人资料 and checks both answers: 拒绝 leaves the page saying what is disabled, 同意 clears it.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import * as e2e from './support';

const CUSTOMER = `e2e-privacy-${Date.now().toString(36)}`;
const missing = e2e.missingPrerequisites('privacy');

let env: e2e.E2E | undefined;
let page: Page;

const shot = (name: string) => e2e.settledScreenshot(page, `privacy-${name}.png`, '#page-profile');
const popupShown = () => page.locator('#privacy-popup').first().isVisible();

describe.skipIf(missing.length > 0)('H5 privacy popup, end to end', () => {
  beforeAll(async () => {
    env = await e2e.startE2E();
    ({ page } = await e2e.signedInPage(env.browser, CUSTOMER));
  }, 120_000);

  afterAll(async () => {
    await env?.close();
  });

  it('shows the guide and both answers; 拒绝 says what cannot be used', async () => {
    await page.goto(`${env!.baseUrl}/#/packages/member/profile?privacy=preview`);
    await page.locator('#privacy-popup').first().waitFor({ state: 'visible' });
    expect(await e2e.textOf(page, '#privacy-popup')).toContain('使用微信头像、昵称完善你的会员资料');
    expect(await e2e.textOf(page, '#privacy-contract')).toBe('《青禾会员商城隐私保护指引》');
    await shot('01-popup');

    await page.locator('#privacy-refuse').first().click();
    await page.locator('#profile-privacy-refused').waitFor();
    expect(await e2e.textOf(page, '#profile-privacy-refused')).toContain('昵称需要手动输入');
    await page.waitForFunction(() => !document.querySelector('#privacy-popup')?.checkVisibility());
    await shot('02-refused');
  });

  it('同意 closes the popup and clears the notice', async () => {
    await page.goto(`${env!.baseUrl}/#/packages/member/profile?privacy=preview&again=1`);
    await page.locator('#privacy-popup').first().waitFor({ state: 'visible' });
    await page.locator('#privacy-agree').first().click();
    await page.locator('#profile-privacy-refused').waitFor({ state: 'detached' });
    expect(await popupShown()).toBe(false);
  });
});
