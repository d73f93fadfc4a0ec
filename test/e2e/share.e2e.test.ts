/**
 * H5 end to end, shares that are invitations: member A opens a product and taps 分享给好友; the card
 * shows the product's 5:4 PNG cover and a path carrying A's invite code. Friend B opens that path (the
 * product page, not the invite landing) and is bound to A with the gift coupon; friend C opens 首页
 * with A's code and is bound too.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import * as e2e from './support';

const stamp = Date.now().toString(36);
const SHARER = `e2e-sharer-${stamp}`;
const FRIEND = `e2e-share-friend-${stamp}`;
const HOME_FRIEND = `e2e-share-home-${stamp}`;
const missing = e2e.missingPrerequisites('share');

let env: e2e.E2E | undefined;
const contexts: BrowserContext[] = [];

/** A 390 px wide phone signed in as `openid`, at `hash`. */
async function phone(openid: string, hash: string): Promise<Page> {
  const context = await env!.browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
  });
  contexts.push(context);
  await context.addInitScript((id) => localStorage.setItem('session.devOpenid', JSON.stringify({ data: id })), openid);
  const page = await context.newPage();
  page.setDefaultTimeout(e2e.STEP_TIMEOUT);
  await page.goto(`${env!.baseUrl}/#${hash}`);
  return page;
}

async function invitesOf(openid: string): Promise<Array<{ nickname: string; status: string }>> {
  const { items } = await e2e.callApi(env!.baseUrl, openid, 'referral.myInvites', {});
  return items as Array<{ nickname: string; status: string }>;
}

async function waitForInvites(openid: string, count: number): Promise<void> {
  const until = Date.now() + e2e.STEP_TIMEOUT;
  while ((await invitesOf(openid)).length < count) {
    if (Date.now() > until) throw new Error(`${openid} never had ${count} invites`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe.skipIf(missing.length > 0)('H5 share cards carry the invite', () => {
  beforeAll(async () => {
    env = await e2e.startE2E();
  }, 120_000);
  afterAll(async () => {
    for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
    await env?.close();
  });

  it('a product share shows the 5:4 PNG cover and a path with the sharer code; opening it binds the friend', async () => {
    const product = (await e2e.callApi(env!.baseUrl, SHARER, 'catalog.home', {})).featured[0]!;
    const me = await e2e.callApi(env!.baseUrl, SHARER, 'member.me', {});
    const a = await phone(SHARER, `/packages/goods/detail?id=${product.id}`);
    await a.locator('#page-detail #detail-share').click();
    await a.locator('#share-preview').waitFor();
    const link = await e2e.textOf(a, '#share-preview-path');
    // The link to copy is absolute (a friend's browser opens it); its hash is the card's page path.
    expect(link).toBe(`${env!.baseUrl}/#/packages/goods/detail?id=${product.id}&inv=${me.inviteCode}`);
    const path = link.slice(link.indexOf('#') + 1);
    const cover = a.locator('#share-preview-cover img');
    await cover.waitFor();
    expect(await cover.getAttribute('src')).toBe(`/media/share/products/${product.id}.png`);
    await a.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('#share-preview-cover img');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    const size = await cover.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
    expect(size).toEqual([500, 400]);
    const png = Buffer.from(
      await (await fetch(`${env!.baseUrl}/media/share/products/${product.id}.png`)).arrayBuffer(),
    );
    fs.writeFileSync(`${e2e.ARTIFACTS}/share-01-cover-${product.id}.png`, png);
    await a.waitForTimeout(500);
    await a.screenshot({ path: `${e2e.ARTIFACTS}/share-02-product-card.png` });
    await a
      .locator('.nut-popup .nut-popup-title-right, .nut-popup-close-icon')
      .first()
      .click()
      .catch(() => undefined);

    // B opens exactly the shared path: the product page, bound to A with the gift coupon.
    const b = await phone(FRIEND, path);
    await b.locator('#page-detail').waitFor();
    await waitForInvites(SHARER, 1);
    const coupons = await e2e.callApi(env!.baseUrl, FRIEND, 'member.coupons', {});
    expect(coupons.items.some((c: { title: string }) => /好友专享/.test(c.title))).toBe(true);
    await b.waitForTimeout(400);
    await b.screenshot({ path: `${e2e.ARTIFACTS}/share-03-friend-opened.png` });

    // C opens 首页 with A's code (a 首页 chat card or 朋友圈 share): bound as well.
    const c = await phone(HOME_FRIEND, `/pages/home/index?inv=${me.inviteCode}`);
    await c.locator('#home-content').waitFor();
    await waitForInvites(SHARER, 2);
    expect((await invitesOf(SHARER)).map((i) => i.status)).toEqual(['bound', 'bound']);
  });
});
