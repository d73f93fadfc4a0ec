/**
 * H5 end to end, invite a friend: member A opens 邀请有礼 from 我的, copies the share path and draws
 * the poster; member B opens the path, is bound and holds the gift coupon; B buys and pays (dev pay
 * callback), the order is collected, the dev clock moves past the refund window and the timers run;
 * A's 我的邀请 shows 已奖励 and A's points rose by the reward.
 */
import fs from 'node:fs';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import * as e2e from './support';

const stamp = Date.now().toString(36);
const INVITER = `e2e-inviter-${stamp}`;
const FRIEND = `e2e-friend-${stamp}`;
const missing = e2e.missingPrerequisites('referral');

let env: e2e.E2E | undefined;

const act = (fn: string, action: string, data: unknown, who: string, idempotencyKey?: string) =>
  e2e.act(env!.baseUrl, fn, action, data, who, idempotencyKey);

const dev = (route: string, body: unknown = {}) => e2e.devRoute(env!.baseUrl, route, body);

const shot = (page: Page, name: string, root: string) => e2e.settledScreenshot(page, `referral-${name}.png`, root);

describe.skipIf(missing.length > 0)('H5 invite a friend, end to end', () => {
  beforeAll(async () => {
    env = await e2e.startE2E();
  }, 120_000);

  afterAll(async () => {
    if (env) await dev('clock', { now: null }).catch(() => undefined);
    await env?.close();
  });

  it('A shares, B is bound with the gift, B buys and the order settles: A sees 已奖励 and more points', async () => {
    // A: 我的 -> 邀请有礼, the card with the share path, the poster.
    const a = await e2e.signedInPage(env!.browser, INVITER);
    await a.page.goto(`${env!.baseUrl}/#/pages/me/index`);
    await a.page.locator('.menu-invite').click();
    await a.page.locator('#page-invite #invite-code').waitFor();
    const pointsBefore = (await act('member', 'me', {}, INVITER)).points as number;
    const shareLink = await e2e.textOf(a.page, '#invite-share-path');
    const code = await e2e.textOf(a.page, '#invite-code');
    // An absolute link a friend's browser opens (this page's own address: no public base URL in the build).
    expect(shareLink).toBe(`${env!.baseUrl}/#/packages/invite/landing?inv=${code}`);
    await a.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await a.page.locator('#invite-share').click();
    await shot(a.page, '01-invite', '#page-invite');
    await a.page.locator('#invite-poster-open').click();
    await a.page.locator('#invite-poster-image img').waitFor();
    const poster = (await a.page.locator('#invite-poster-image img').getAttribute('src')) ?? '';
    expect(poster).toMatch(/^data:image\/png;base64,/);
    fs.writeFileSync(`${e2e.ARTIFACTS}/referral-02b-poster-image.png`, Buffer.from(poster.split(',')[1]!, 'base64'));
    await a.page.waitForTimeout(400);
    await a.page.screenshot({ path: `${e2e.ARTIFACTS}/referral-02-poster.png` });

    // A's 我的邀请 before anyone accepted: the empty state.
    await a.page.goto(`${env!.baseUrl}/#/packages/invite/mine`);
    await a.page.locator('#invite-empty').waitFor();
    await shot(a.page, '03-mine-empty', '#page-invite-mine');

    // B opens the shared link as it was copied: bound, the gift coupon shown and held.
    const b = await e2e.signedInPage(env!.browser, FRIEND);
    await b.page.goto(shareLink);
    await b.page.locator('#landing-gift').waitFor();
    expect(await b.page.locator('#page-invite-landing').getAttribute('data-outcome')).toBe('bound');
    await shot(b.page, '04-landing', '#page-invite-landing');
    const coupons = (await act('member', 'coupons', { status: 'usable' }, FRIEND)).items as Array<{
      couponId: string;
      title: string;
    }>;
    const gift = coupons.find((c) => c.title === '好友专享 无门槛15元');
    expect(gift).toBeDefined();

    // A second open of the same link by B: still bound to A, told so, no second gift.
    const again = await e2e.signedInPage(env!.browser, FRIEND);
    await again.page.goto(shareLink);
    await e2e.waitForText(again.page, '#landing-message', '你已接受过该好友的邀请');
    await shot(again.page, '05-landing-again', '#page-invite-landing');
    await again.context.close();

    // A's 我的邀请: 已绑定.
    await a.page.reload();
    await e2e.waitForText(a.page, '.invite-mine__tag', '已绑定');

    // B buys with the gift coupon and pays (dev pay callback); the store hands it over at the counter.
    const order = await act(
      'order',
      'create',
      {
        items: [{ skuId: 'sku-amino-acid-cleanser-1', qty: 1 }],
        couponId: gift!.couponId,
        delivery: { type: 'pickup' },
      },
      FRIEND,
      `e2e-${stamp}-order`,
    );
    expect(
      await dev('pay-callback', {
        returnCode: 'SUCCESS',
        resultCode: 'SUCCESS',
        outTradeNo: order.orderNo,
        transactionId: `4200${Date.now()}`,
        totalFee: order.payableFen,
      }),
    ).toMatchObject({ errcode: 0 });
    const ready = await act(
      'manager',
      'readyForPickup',
      { orderId: order.orderId },
      'demo-manager',
      `e2e-${stamp}-ready`,
    );
    await act('manager', 'verifyPickup', { pickupCode: ready.pickupCode }, 'demo-manager', `e2e-${stamp}-verify`);
    await a.page.reload();
    await e2e.waitForText(a.page, '.invite-mine__tag', '已下单');
    await shot(a.page, '06-mine-ordered', '#page-invite-mine');

    // Eight days on the refund window has closed: settle, deliver order.settled.
    try {
      await dev('clock', { now: new Date(Date.now() + 8 * 86_400_000).toISOString() });
      expect(await dev('run-timer/orderTimer')).toMatchObject({ ok: true, data: { ran: true } });
      expect(await dev('run-timer/outboxWorker')).toMatchObject({ ok: true, data: { ran: true } });
      await a.page.reload();
      await e2e.waitForText(a.page, '.invite-mine__tag', '已奖励');
      await shot(a.page, '07-mine-rewarded', '#page-invite-mine');
      const me = await act('member', 'me', {}, INVITER);
      expect(me.points).toBe(pointsBefore + 500);
      await a.page.goto(`${env!.baseUrl}/#/pages/me/index`);
      await e2e.waitForText(a.page, '#me-points', String(pointsBefore + 500));
      await shot(a.page, '08-me-points', '#page-me');
      // The manager's 邀请转化漏斗 counts this pair at every stage, rewarded included.
      const m = await e2e.signedInPage(env!.browser, 'demo-manager');
      await m.page.goto(`${env!.baseUrl}/#/packages/manager/dashboard`);
      await m.page.locator('#chart-referral_funnel').waitFor();
      const funnel = (await m.page.locator('#chart-referral_funnel').innerText()).replace(/\s+/g, '');
      expect(funnel).toMatch(/发放奖励[1-9]/);
      await m.page.locator('#chart-referral_funnel').scrollIntoViewIfNeeded();
      await m.page.screenshot({ path: `${e2e.ARTIFACTS}/referral-10-dashboard-funnel.png` });
      await m.context.close();
    } finally {
      await dev('clock', { now: null });
    }
  }, 180_000);

  it('a scanned poster opens the landing with a URI-encoded scene and binds too', async () => {
    const code = (await act('referral', 'myInviteCard', {}, INVITER)).inviteCode as string;
    const scanner = `e2e-scanner-${stamp}`;
    const c = await e2e.signedInPage(env!.browser, scanner);
    // Exactly what the local poster code encodes (localMiniCodeTarget): the page with ?scene=i%3DCODE.
    await c.page.goto(`${env!.baseUrl}/#/packages/invite/landing?scene=${encodeURIComponent(`i=${code}`)}`);
    await c.page.locator('#landing-gift').waitFor();
    expect(await c.page.locator('#page-invite-landing').getAttribute('data-outcome')).toBe('bound');
    await c.context.close();
  }, 60_000);

  it('a broken invite link shows a clear error and binds nothing', async () => {
    const c = await e2e.signedInPage(env!.browser, `e2e-broken-${stamp}`);
    await c.page.goto(`${env!.baseUrl}/#/packages/invite/landing?inv=ZZZZZZ`);
    await c.page.locator('#landing-error').waitFor();
    expect(await e2e.textOf(c.page, '#landing-error')).toContain('邀请人不存在');
    await shot(c.page, '09-landing-error', '#landing-error');
  }, 60_000);
});
