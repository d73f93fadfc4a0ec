/**
 * H5 end to end, the member's own pages: 我的 (member card, menu, upgrade celebration), 会员码 (a QR
 * that changes when the gateway clock moves one 30-second step), 会员权益 (current tier highlighted),
 * 个人资料 (birthday set once, phone bound with a dev- code).
 * Runs the real gateway (in-memory database) serving the H5 build, and drives Debian's Chromium.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import type { ActionInput, ActionName, ActionOutput } from '../../cloudfunctions/core/contract';
import * as e2e from './support';

const waitForText = (selector: string, expected: string) =>
  e2e.waitForText(page, selector, expected.replace(/\s+/g, ''));
const textOf = (selector: string) => e2e.textOf(page, selector);

const CUSTOMER = `e2e-member-${Date.now().toString(36)}`;
const missing = e2e.missingPrerequisites('member');

let env: e2e.E2E | undefined;
let page: Page;

const api = <N extends ActionName>(name: N, data: ActionInput<N>): Promise<ActionOutput<N>> =>
  e2e.callApi(env!.baseUrl, CUSTOMER, name, data);

async function setClock(now: Date | null): Promise<void> {
  const res = await fetch(`${env!.baseUrl}/api/dev/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ now: now?.toISOString() ?? null }),
  });
  expect(res.status).toBe(200);
}

const shot = (name: string, root: string) => e2e.settledScreenshot(page, `member-${name}.png`, root);

const qrSrc = () => page.locator('#member-code-qr img').first().getAttribute('src');

describe.skipIf(missing.length > 0)('H5 member pages, end to end', () => {
  beforeAll(async () => {
    env = await e2e.startE2E();
    ({ page } = await e2e.signedInPage(env.browser, CUSTOMER));
  }, 120_000);

  afterAll(async () => {
    if (env) await setClock(null).catch(() => undefined);
    await env?.close();
  });

  it('我的 shows the member card with coupons and the member menu, and celebrates an upgrade once', async () => {
    const me = await api('member.me', {});
    if (env!.db) {
      await env!.db.kysely
        .insertInto('tier_changes')
        .values({
          member_id: me.memberId,
          from_code: 'normal',
          to_code: 'silver',
          reason: 'upgrade',
          created_at: new Date(),
          acknowledged_at: null,
        })
        .execute();
      await env!.db.kysely.updateTable('members').set({ tier_code: 'silver' }).where('id', '=', me.memberId).execute();
    }
    await page.goto(`${env!.baseUrl}/#/pages/me/index`);
    await waitForText('#me-nickname', me.nickname);
    expect(await textOf('#me-coupons')).toBe(String(me.couponCount));
    for (const id of [
      'menu-points',
      'menu-coupons',
      'menu-claim',
      'menu-benefits',
      'menu-member-code',
      'menu-profile',
    ]) {
      await page.locator(`.${id}`).waitFor();
    }
    if (env!.db) {
      await waitForText('#celebration-tier', '银卡会员');
      await shot('01-celebration', '#page-me');
      await page.locator('#celebration-ok').click();
      await page.locator('#celebration').waitFor({ state: 'detached' });
      expect((await api('member.me', {})).pendingCelebration).toBeNull();
    }
    await shot('02-me', '#page-me');
  }, 120_000);

  it('会员码 shows a QR that changes when the clock moves one 30-second step', async () => {
    await page.locator('.menu-member-code').click();
    await page.locator('#member-code-qr img[src^="data:image/gif"]').waitFor();
    const first = await qrSrc();
    const countdown = Number(await textOf('#member-code-countdown'));
    expect(countdown).toBeGreaterThan(0);
    expect(countdown).toBeLessThanOrEqual(30);
    await shot('03-code', '#page-member-code');

    await setClock(new Date(Date.now() + 30_000));
    await page.locator('#member-code-refresh').click();
    await page.waitForFunction(
      (before) => document.querySelector('#member-code-qr img')?.getAttribute('src') !== before,
      first,
    );
    expect(await qrSrc()).not.toBe(first);
    await setClock(null);
  }, 120_000);

  it('会员权益 compares the tiers and highlights the current one', async () => {
    const { tier } = await api('member.me', {});
    await page.goto(`${env!.baseUrl}/#/packages/member/benefits`);
    await waitForText('#benefits-current', tier.name);
    expect(await page.locator('#benefits-table [data-tier]').count()).toBe(4);
    expect(await page.locator(`#benefits-table [data-tier=${tier.code}].is-current`).count()).toBe(1);
    expect(await page.locator('#benefits-table [data-tier].is-current').count()).toBe(1);
    await shot('04-benefits', '#page-benefits');
  }, 60_000);

  it('个人资料 sets the birthday once and binds a phone with a dev- code', async () => {
    await page.goto(`${env!.baseUrl}/#/packages/member/profile`);
    await waitForText('#profile-birthday', '请选择（仅可设置一次）');
    await shot('05-profile-empty', '#page-profile');

    // Taro H5's date picker: open it, keep the default day, confirm, then confirm the "set once" modal.
    await page.locator('.profile__birthday-cell').click();
    await page.locator('.weui-picker__action').last().click();
    await page.locator('.taro__modal .taro-model__confirm').click();
    await waitForText('#profile-birthday', '1995-01-01');
    expect((await api('member.me', {})).birthday).toBe('1995-01-01');

    // Set once: a different birthday is refused by the server.
    const again = await fetch(`${env!.baseUrl}/api/fn/member`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Dev-Openid': CUSTOMER },
      body: JSON.stringify({
        action: 'updateProfile',
        data: { birthday: '1990-01-01' },
        idempotencyKey: `e2e-${Date.now()}`,
      }),
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('BIRTHDAY_ALREADY_SET');

    await page.locator('#profile-phone-code input').fill('dev-e2e');
    await page.locator('#profile-phone-bind').click();
    await page.waitForFunction(() =>
      /^138\*{4}\d{4}$/.test((document.querySelector('#profile-phone') as HTMLElement | null)?.innerText ?? ''),
    );
    await shot('06-profile-set', '#page-profile');
  }, 60_000);
});
