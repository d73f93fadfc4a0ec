import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../cloudfunctions/core/db/db';
import {
  createCallbackFunction,
  createCloudFunction,
  createTimerFunction,
} from '../../../cloudfunctions/core/runtime/cloud-main';
import { FUNCTION_PERMISSIONS } from '../../../cloudfunctions/core/runtime/function-permissions';
import type { WxServerSdk } from '../../../cloudfunctions/core/platform/wechat/sdk';
import { openPgliteFromTemplate } from '../../support/databases';
import { createInput, MANAGER, newKey, newOpenid, orderRow, payEvent } from '../order/order-factory';

const ENV = { MEMBER_CODE_SECRET: 'cloud-member-code-secret-0123456789abcdef', WX_PAY_SUB_MCH_ID: '1900000109' };

/** wx-server-sdk at its boundary, for one function: records every WeChat API it is asked for, answers success. */
function recordingSdk(
  fn: string,
  openid: string | undefined,
  log: Map<string, Set<string>>,
  wechat: { source?: string; payment?: Record<string, unknown> } = {},
): WxServerSdk {
  const record = (api: string) => (log.get(fn) ?? log.set(fn, new Set()).get(fn)!).add(api);
  const ok = (api: string, answer: Record<string, unknown>) => async () => (record(api), answer);
  return {
    DYNAMIC_CURRENT_ENV: 'env',
    init: () => undefined,
    getWXContext: () => ({
      ...(openid ? { OPENID: openid } : {}),
      ...(wechat.source ? { SOURCE: wechat.source } : {}),
    }),
    cloudPay: {
      unifiedOrder: ok('cloudPay.unifiedOrder', {
        returnCode: 'SUCCESS',
        resultCode: 'SUCCESS',
        payment: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=x', signType: 'MD5', paySign: 's' },
      }),
      refund: ok('cloudPay.refund', { returnCode: 'SUCCESS', resultCode: 'SUCCESS' }),
      queryOrder: ok('cloudPay.queryOrder', {
        returnCode: 'SUCCESS',
        resultCode: 'SUCCESS',
        tradeState: 'SUCCESS',
        ...wechat.payment,
      }),
      queryRefund: ok('cloudPay.queryRefund', {
        returnCode: 'SUCCESS',
        resultCode: 'SUCCESS',
        refundStatus_0: 'PROCESSING',
      }),
    },
    openapi: {
      phonenumber: {
        getPhoneNumber: ok('phonenumber.getPhoneNumber', {
          errCode: 0,
          phoneInfo: { purePhoneNumber: '13800138000', countryCode: '86' },
        }),
      },
      subscribeMessage: { send: ok('subscribeMessage.send', { errCode: 0 }) },
      wxacode: {
        getUnlimited: ok('wxacode.getUnlimited', { errCode: 0, contentType: 'image/jpeg', buffer: Buffer.from([1]) }),
      },
      wxa: { sec: { order: { uploadShippingInfo: ok('wxa.sec.order.uploadShippingInfo', { errcode: 0 }) } } },
    },
  };
}

describe('each cloud function calls only the WeChat APIs its config.json declares', () => {
  let db: Db;
  const log = new Map<string, Set<string>>();
  const now = new Date();
  beforeAll(async () => {
    db = await openPgliteFromTemplate();
  });
  afterAll(async () => {
    await db.close();
  });
  const fn = (name: string, openid?: string) =>
    createCloudFunction(name, {
      sdk: () => recordingSdk(name, openid, log),
      db: async () => db,
      env: ENV,
      now: () => now,
    });

  it('walks bind phone, pay, ship, refund and the outbox worker through the deployed adapters', async () => {
    const customer = newOpenid();
    expect(
      await fn('member', customer)({ action: 'bindPhone', data: { code: 'c0de' }, idempotencyKey: newKey() }),
    ).toMatchObject({ ok: true });
    expect(await fn('referral', customer)({ action: 'myInviteCard', data: {} })).toMatchObject({ ok: true });
    const sku = await db.kysely.selectFrom('skus').select('id').where('stock', '>', 100).executeTakeFirstOrThrow();
    const created = (await fn(
      'order',
      customer,
    )({ action: 'create', data: createInput([{ skuId: sku.id, qty: 1 }]), idempotencyKey: newKey() })) as any;
    expect(created.ok).toBe(true);
    expect(await fn('order', customer)({ action: 'pay', data: { orderId: created.data.orderId } })).toMatchObject({
      ok: true,
    });
    // WeChat Pay invokes the callback, and answers its query with the same transaction.
    const event = payEvent(created.data);
    const payment = { outTradeNo: event.outTradeNo, transactionId: event.transactionId, totalFee: event.totalFee };
    const paid = createCallbackFunction('payCallback', {
      sdk: () => recordingSdk('payCallback', undefined, log, { source: 'wx_paycallback', payment }),
      db: async () => db,
      env: ENV,
      now: () => now,
    });
    expect(await paid(event)).toMatchObject({ errcode: 0 });
    const manager = fn('manager', MANAGER);
    expect(
      await manager({
        action: 'shipOrder',
        data: { orderId: created.data.orderId, carrier: '顺丰速运', trackingNo: 'SF1234567890' },
        idempotencyKey: newKey(),
      }),
    ).toMatchObject({ ok: true });
    expect(
      await manager({ action: 'createStaffInvite', data: { role: 'staff' }, idempotencyKey: newKey() }),
    ).toMatchObject({ ok: true });
    expect(
      await manager({
        action: 'refundOrder',
        data: { orderId: created.data.orderId, reason: '质量问题' },
        idempotencyKey: newKey(),
      }),
    ).toMatchObject({ ok: true });
    const worker = createTimerFunction('outboxWorker', {
      sdk: () => recordingSdk('outboxWorker', undefined, log, { source: 'wx_trigger' }),
      db: async () => db,
      env: ENV,
      now: () => now,
    });
    expect(
      await worker({ Type: 'Timer', TriggerName: 'outboxWorkerTrigger', Time: now.toISOString(), Message: '' }),
    ).toMatchObject({ ran: true });
    expect((await orderRow(db, created.data.orderId)).status).toBe('refunding');
  });

  it('what each function called is what the permissions table declares for it', () => {
    const called = Object.fromEntries([...log].map(([name, apis]) => [name, [...apis].sort()]));
    expect(called).toEqual({
      manager: ['wxacode.getUnlimited'],
      member: ['phonenumber.getPhoneNumber'],
      order: ['cloudPay.unifiedOrder'],
      outboxWorker: ['cloudPay.refund', 'wxa.sec.order.uploadShippingInfo'],
      payCallback: ['cloudPay.queryOrder'],
      referral: ['wxacode.getUnlimited'],
    });
    for (const [name, apis] of Object.entries(called)) {
      const declared = [
        ...FUNCTION_PERMISSIONS[name]!.openapi,
        ...FUNCTION_PERMISSIONS[name]!.cloudPay.map((c) => `cloudPay.${c}`),
      ];
      expect(declared, `${name} declares what it calls`).toEqual(expect.arrayContaining(apis));
    }
    // payCallback calls no openapi: it asks WeChat Pay about the payment, then writes to the database.
    expect(FUNCTION_PERMISSIONS.payCallback).toEqual({ openapi: [], cloudPay: ['queryOrder'] });
  });
});
