/**
 * H5 end to end, repurchase nudges: a member buys the 30-day mask and grants the nudge template;
 * the dev clock moves past the cycle to 14:00 Shanghai; nudgeTimer and outboxWorker run; the
 * manager's 消息记录 shows the nudge to that member and 数据看板 shows the charts with data (拼团成团率
 * from a filled team and one that groupbuyTimer failed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_NUDGE_SETTINGS } from '../../cloudfunctions/core/nudge/domain/settings';
import * as e2e from './support';

const CUSTOMER = `e2e-nudge-${Date.now().toString(36)}`;
const missing = e2e.missingPrerequisites('nudge');
let env: e2e.E2E | undefined;
let page: Page;

const act = (fn: string, action: string, data: unknown, who: string, idempotencyKey?: string) =>
  e2e.act(env!.baseUrl, fn, action, data, who, idempotencyKey);

/** A paid order of `skuId` for `who`, through the dev pay callback. */
async function buy(who: string, skuId: string) {
  await payFor(await act('order', 'create', { items: [{ skuId, qty: 1 }], delivery: { type: 'pickup' } }, who));
}

async function payFor(order: { orderNo: string; payableFen: number }) {
  const paid = await dev('pay-callback', {
    returnCode: 'SUCCESS',
    resultCode: 'SUCCESS',
    outTradeNo: order.orderNo,
    transactionId: `4200${Date.now()}${Math.floor(Math.random() * 1e6)}`,
    totalFee: order.payableFen,
  });
  expect(paid).toMatchObject({ errcode: 0 });
}

/** A paid group-buy seat (default: the seeded 洁面乳 2人团), opening a team or joining `teamId`; answers the team. */
async function groupBuy(
  who: string,
  teamId?: string,
  campaign = { campaignId: 'gb-demo-cleanser-2', skuId: 'sku-amino-acid-cleanser-1' },
): Promise<string> {
  const groupBuy = { campaignId: campaign.campaignId, ...(teamId ? { teamId } : {}) };
  const order = await act(
    'order',
    'create',
    { items: [{ skuId: campaign.skuId, qty: 1 }], delivery: { type: 'pickup' }, groupBuy },
    who,
  );
  await payFor(order);
  return (await act('order', 'get', { orderId: order.orderId }, who)).groupBuy.teamId;
}

const dev = (route: string, body: unknown = {}) => e2e.devRoute(env!.baseUrl, route, body);

/** 14:00 Asia/Shanghai, 31 calendar days after `from`: past a 30-day cycle and outside the quiet hours. */
function afterCycle(from: Date): Date {
  const shanghaiDay = new Date(from.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return new Date(new Date(`${shanghaiDay}T14:00:00+08:00`).getTime() + 31 * 86_400_000);
}

describe.skipIf(missing.length > 0)('H5 repurchase nudges, end to end', () => {
  beforeAll(async () => {
    env = await e2e.startE2E();
    ({ page } = await e2e.signedInPage(env.browser, 'demo-manager'));
  }, 120_000);

  afterAll(async () => {
    if (env) await dev('clock', { now: null }).catch(() => undefined);
    await env?.close();
  });

  it('a 30-day buyer with consent is nudged once; 消息记录 and 数据看板 show it', async () => {
    const me = await act('member', 'me', {}, CUSTOMER);
    await buy(CUSTOMER, 'sku-hyaluronic-sheet-mask-1');
    // A few other buyers, so the segments and monthly rates have more than one member.
    for (const [i, skus] of [
      ['sku-rice-ferment-essence-1'],
      ['sku-green-tea-balancing-toner-1', 'sku-rice-ferment-essence-1'],
      ['sku-cica-b5-repair-serum-1'],
    ].entries()) {
      for (const sku of skus) await buy(`${CUSTOMER}-other-${i}`, sku);
    }
    const granted = await act(
      'member',
      'grantSubscriptions',
      { accepted: [DEFAULT_NUDGE_SETTINGS.templateId] },
      CUSTOMER,
    );
    expect(granted.quotas).toEqual([{ templateId: DEFAULT_NUDGE_SETTINGS.templateId, remaining: 1 }]);

    await dev('clock', { now: afterCycle(new Date()).toISOString() });
    const run = await dev('run-timer/nudgeTimer');
    expect(run).toMatchObject({ ok: true, data: { ran: true } });
    expect(run.data.result.queued).toBeGreaterThanOrEqual(1);
    expect(await dev('run-timer/outboxWorker')).toMatchObject({ ok: true, data: { ran: true } });
    // 拼团成团率 (teams finished in the last 30 days of the clock): one team of 2 fills; another is
    // left alone and fails when groupbuyTimer runs past its 24 h window.
    const team = await groupBuy(`${CUSTOMER}-gb-0`);
    await groupBuy(`${CUSTOMER}-gb-1`, team);
    await groupBuy(`${CUSTOMER}-gb-2`);
    // 精华水 3人团 allows virtual groups: a lone seat succeeds at expiry, shown apart from the rate.
    await groupBuy(`${CUSTOMER}-gb-3`, undefined, {
      campaignId: 'gb-demo-essence-3',
      skuId: 'sku-hyaluronic-essence-water-1',
    });
    // Two days later the member buys again: the nudge counts as converted.
    await dev('clock', { now: new Date(afterCycle(new Date()).getTime() + 2 * 86_400_000).toISOString() });
    expect(await dev('run-timer/groupbuyTimer')).toMatchObject({
      ok: true,
      data: { ran: true, result: { failed: 1, virtual: 1 } },
    });
    await buy(CUSTOMER, 'sku-hyaluronic-sheet-mask-1');

    await page.goto(`${env!.baseUrl}/#/packages/manager/messages`);
    await page.locator('#message-list').waitFor();
    const card = page.locator('.message', { hasText: me.nickname }).first();
    await card.waitFor();
    const text = (await card.innerText()).replace(/\s+/g, '');
    expect(text).toContain('复购提醒');
    expect(text).toContain('已发送');
    expect(text).toContain('玻尿酸补水面膜');
    expect(text).toContain('已转化');
    await e2e.settledScreenshot(page, 'nudge-01-messages.png', '#page-manager-messages');

    await page.goto(`${env!.baseUrl}/#/packages/manager/dashboard`);
    await page.locator('#dashboard-charts').waitFor();
    for (const code of [
      'rfm_segments',
      'repurchase_rate',
      'referral_funnel',
      'nudge_conversion',
      'groupbuy_success',
      'member_tags',
    ])
      await page.locator(`#chart-${code}`).waitFor();
    const conversion = (await page.locator('#chart-nudge_conversion').innerText()).replace(/\s+/g, '');
    expect(conversion).toMatch(/复购提醒[^/]*[1-9]\d*\/[1-9]/);
    await e2e.settledScreenshot(page, 'nudge-02-dashboard.png', '#page-manager-dashboard');
    // Taro H5 scrolls inside its page container: bring the last chart into view for the second shot.
    await page.locator('#chart-member_tags').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${e2e.ARTIFACTS}/nudge-03-dashboard-bottom.png` });
    const groupbuy = (await page.locator('#chart-groupbuy_success').innerText()).replace(/\s+/g, '');
    expect(groupbuy).toContain('洁面乳2人团1/1成团率50%');
    expect(groupbuy).toContain('精华水3人团0/0虚拟成团1');
    await page.locator('#chart-groupbuy_success').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${e2e.ARTIFACTS}/nudge-04-dashboard-groupbuy.png` });
  }, 180_000);
});
