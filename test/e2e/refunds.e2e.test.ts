/**
 * H5 end to end, 售后审核 as the manager uses it when WeChat Pay refuses a refund: the refund shows
 * under 失败 with WeChat's reason and a 重试退款 button; the retry goes back to WeChat Pay with the
 * same refund number and ends 退款成功. Screenshots of the failed card and of the finished one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as e2e from './support';

const stamp = Date.now().toString(36);
const CUSTOMER = `e2e-refund-${stamp}`;
const MANAGER = 'demo-manager';
const missing = e2e.missingPrerequisites('refunds');

let env: e2e.E2E | undefined;
const shot = (page: Page, name: string) => e2e.settledScreenshot(page, `refunds-${name}.png`, '#page-manager-refunds');

describe.skipIf(missing.length > 0 || !!process.env.E2E_BASE_URL)(
  'H5 售后审核: a refund WeChat Pay refused, retried',
  () => {
    beforeAll(async () => {
      env = await e2e.startE2E();
    }, 120_000);

    afterAll(async () => {
      await env?.close();
    });

    it('shows the failed refund with its reason under 失败, and 重试退款 takes it to 退款成功', async () => {
      const { baseUrl, platform } = env!;
      const { skuId } = await e2e.shippableProduct(baseUrl, CUSTOMER);
      const order = await e2e.act(
        baseUrl,
        'order',
        'create',
        { items: [{ skuId, qty: 1 }], delivery: { type: 'pickup' } },
        CUSTOMER,
        `e2e-${stamp}-create`,
      );
      const paid = await e2e.devRoute(baseUrl, 'pay-callback', {
        returnCode: 'SUCCESS',
        resultCode: 'SUCCESS',
        outTradeNo: order.orderNo,
        transactionId: `4200rf${Date.now()}`,
        totalFee: order.payableFen,
      });
      expect(paid).toEqual({ errcode: 0, errmsg: 'ok' });
      // WeChat Pay refuses the store's refund (the local simulator answers as a refusal would).
      platform!.refundMode = 'reject';
      const refund = await e2e.act(
        baseUrl,
        'manager',
        'refundOrder',
        { orderId: order.orderId, reason: '商品破损' },
        MANAGER,
        `e2e-${stamp}-refund`,
      );
      await e2e.devRoute(baseUrl, 'run-timer/outboxWorker');
      platform!.refundMode = 'succeed';

      const { page, context } = await e2e.signedInPage(env!.browser, MANAGER);
      await page.goto(`${baseUrl}/#/packages/manager/refunds`);
      await page.locator('#page-manager-refunds').waitFor();
      await page.locator('#page-manager-refunds').getByText('失败', { exact: true }).click();
      const card = page.locator(`#m-refund-${refund.refundId}`);
      await card.waitFor();
      expect(await card.innerText()).toContain('失败原因：local simulator: refund refused');
      await shot(page, '01-failed');

      await page.locator(`#m-retry-${refund.refundId}`).click();
      await page.locator('.taro__modal .taro-model__confirm').click();
      await e2e.waitForToast(page, '已重新提交');
      await e2e.devRoute(baseUrl, 'run-timer/outboxWorker');
      await platform!.pay.settle();
      const sent = platform!.pay.refunds.filter((r) => r.outTradeNo === order.orderNo);
      expect(new Set(sent.map((r) => r.outRefundNo)).size).toBe(1);

      await page.locator('#page-manager-refunds').getByText('已完成', { exact: true }).click();
      await e2e.waitForText(page, `#m-refund-${refund.refundId} .m-order__status`, '退款成功');
      await shot(page, '02-succeeded');
      await context.close();
    });
  },
);
