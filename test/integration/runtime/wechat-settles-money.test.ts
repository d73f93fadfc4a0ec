import { expect, it } from 'vitest';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { checkInvariants } from '../../../cloudfunctions/core/ops/invariants';
import {
  createCallbackFunction,
  createCloudFunction,
  createTimerFunction,
} from '../../../cloudfunctions/core/runtime/cloud-main';
import type { WxServerSdk } from '../../../cloudfunctions/core/platform/wechat/sdk';
import { callAction, okData } from '../../support/call';
import { describeEachDatabase } from '../../support/databases';
import { fakeWechat, timerEvent } from '../../support/fake-wechat';
import {
  anomaliesFor,
  createInput,
  errorCode,
  MANAGER,
  minutesAfter,
  moneyCounts,
  newKey,
  newOpenid,
  orderRow,
  refundsOf,
  stockOf,
  T0,
} from '../order/order-factory';

const ENV = { MEMBER_CODE_SECRET: 'cloud-member-code-secret-0123456789abcdef', WX_PAY_SUB_MCH_ID: '1900000109' };
/** A seeded SKU with stock to spare (stock is only ever moved by orders, refunds and manager edits here). */
const SKU = 'sku-amino-acid-cleanser-1';

async function expectSound(db: Db) {
  const failing = (await checkInvariants(db.kysely)).filter((r) => r.violations.length > 0);
  expect(failing.map((r) => ({ code: r.code, violations: r.violations }))).toEqual([]);
}

/**
 * The deployed functions as WeChat Cloud runs them, attacked the way a signed-in customer could:
 * `wx.cloud.callFunction` reaches any function, with any event. Only WeChat itself (its invocation
 * marks and its own books) may move money.
 */
describeEachDatabase('only WeChat settles money (deployed callbacks and timers)', (use) => {
  const wechat = fakeWechat();
  const deps = (sdk: WxServerSdk, now: Date) => ({ sdk: () => sdk, db: async () => use(), env: ENV, now: () => now });
  const payCallback = (sdk: WxServerSdk, now = minutesAfter(T0, 2)) =>
    createCallbackFunction('payCallback', deps(sdk, now));
  const refundCallback = (sdk: WxServerSdk, now = minutesAfter(T0, 10)) =>
    createCallbackFunction('refundCallback', deps(sdk, now));
  const timer = (name: string, sdk: WxServerSdk, now: Date) => createTimerFunction(name, deps(sdk, now));

  async function placeOrder(openid = newOpenid()) {
    const order = createCloudFunction('order', deps(wechat.client(openid), T0));
    const created = (await order({
      action: 'create',
      data: createInput([{ skuId: SKU, qty: 1 }]),
      idempotencyKey: newKey(),
    })) as { ok: true; data: { orderId: string; orderNo: string; payableFen: number } };
    expect(created.ok).toBe(true);
    return { ...created.data, openid };
  }

  async function paidOrder() {
    const order = await placeOrder();
    expect(await payCallback(wechat.payCallback())(wechat.pays(order))).toEqual({ errcode: 0, errmsg: 'ok' });
    return order;
  }

  /** The customer asks, the manager approves, the outbox worker hands it to WeChat: processing. */
  async function refundInFlight(order: { orderId: string; openid: string }) {
    const requested = okData(
      await callAction(
        use(),
        'order.requestRefund',
        { orderId: order.orderId, reason: '不想要了' },
        { openid: order.openid, now: minutesAfter(T0, 3), idempotencyKey: newKey() },
      ),
    );
    okData(
      await callAction(
        use(),
        'manager.approveRefund',
        { refundId: requested.refundId },
        { openid: MANAGER, now: minutesAfter(T0, 4), idempotencyKey: newKey() },
      ),
    );
    expect(
      await timer('outboxWorker', wechat.trigger(), minutesAfter(T0, 5))(timerEvent('outboxWorker')),
    ).toMatchObject({ ran: true });
    const [refund] = await refundsOf(use(), order.orderId);
    expect(refund).toMatchObject({ status: 'processing' });
    expect(wechat.refunds.get(refund!.out_refund_no)).toMatchObject({ status: 'PROCESSING' });
    return refund!;
  }

  it('a customer calling payCallback with their own order number, its amount and any transaction id is refused and writes nothing', async () => {
    const order = await placeOrder();
    const before = await moneyCounts(use());
    const forged = {
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      outTradeNo: order.orderNo,
      transactionId: '4200000000000000000000000001',
      totalFee: order.payableFen,
      timeEnd: '20260302100100',
    };
    expect((await payCallback(wechat.client(order.openid))(forged)).errcode).not.toBe(0);
    // Called from another cloud function (SOURCE `wx_client,scf`), or with no context at all: the same.
    expect((await payCallback(wechat.sdk({ SOURCE: 'wx_client,scf', OPENID: order.openid }))(forged)).errcode).not.toBe(
      0,
    );
    expect((await payCallback(wechat.sdk({}))(forged)).errcode).not.toBe(0);
    expect((await orderRow(use(), order.orderId)).status).toBe('pending_payment');
    expect(await moneyCounts(use())).toEqual(before);
    await expectSound(use());
  });

  it('a callback WeChat Pay cannot confirm (no such transaction, another amount) records an anomaly and pays nothing', async () => {
    const order = await placeOrder();
    const invented = {
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      outTradeNo: order.orderNo,
      transactionId: '4200000000000000000000000002',
      totalFee: order.payableFen,
    };
    expect(await payCallback(wechat.payCallback())(invented)).toEqual({
      errcode: 0,
      errmsg: 'recorded: payment not confirmed by WeChat Pay',
    });
    const real = wechat.pays(order);
    expect((await payCallback(wechat.payCallback())({ ...real, totalFee: 1 })).errcode).toBe(0);
    expect(
      (await payCallback(wechat.payCallback())({ ...real, transactionId: '4200000000000000000000000003' })).errcode,
    ).toBe(0);
    expect((await orderRow(use(), order.orderId)).status).toBe('pending_payment');
    expect((await anomaliesFor(use(), order.orderNo)).map((a) => a.kind)).toEqual([
      'unconfirmed_payment',
      'unconfirmed_payment',
      'unconfirmed_payment',
    ]);
    expect(
      await use()
        .kysely.selectFrom('payments')
        .select('transaction_id')
        .where('order_id', '=', order.orderId)
        .execute(),
    ).toEqual([]);
    // The real callback, confirmed by WeChat's books, pays the order once.
    expect(await payCallback(wechat.payCallback())(real)).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(await payCallback(wechat.payCallback())(real)).toEqual({ errcode: 0, errmsg: 'ok (already recorded)' });
    expect((await orderRow(use(), order.orderId)).status).toBe('paid');
    await expectSound(use());
  });

  it('a forged REFUNDCLOSE cannot fail a refund WeChat is paying, so no second refund can be asked for', async () => {
    const order = await paidOrder();
    const refund = await refundInFlight(order);
    const close = wechat.refundEvent(refund.out_refund_no, 'REFUNDCLOSE');
    const before = await moneyCounts(use());
    expect((await refundCallback(wechat.client(order.openid))(close)).errcode).not.toBe(0);
    expect(await moneyCounts(use())).toEqual(before);
    // Even arriving as WeChat Pay's invocation, the event is checked against WeChat's books.
    expect((await refundCallback(wechat.payCallback())(close)).errcode).toBe(0);
    expect((await refundsOf(use(), order.orderId)).map((r) => r.status)).toEqual(['processing']);
    expect((await orderRow(use(), order.orderId)).status).toBe('refunding');
    const anomalies = await use()
      .kysely.selectFrom('payment_anomalies')
      .select(['kind', 'detail'])
      .where('kind', '=', 'unconfirmed_refund')
      .execute();
    expect(anomalies).toEqual([
      {
        kind: 'unconfirmed_refund',
        detail: expect.stringContaining('callback says REFUNDCLOSE, WeChat says PROCESSING'),
      },
    ]);
    const again = await callAction(
      use(),
      'order.requestRefund',
      { orderId: order.orderId, reason: '再退一次' },
      { openid: order.openid, now: minutesAfter(T0, 11), idempotencyKey: newKey() },
    );
    expect(errorCode(again)).toBe('REFUND_NOT_ALLOWED');
    // WeChat's real SUCCESS is recorded, not dropped as "already recorded".
    wechat.decideRefund(refund.out_refund_no, 'SUCCESS');
    expect(await refundCallback(wechat.payCallback())(wechat.refundEvent(refund.out_refund_no, 'SUCCESS'))).toEqual({
      errcode: 0,
      errmsg: 'ok',
    });
    expect((await refundsOf(use(), order.orderId)).map((r) => r.status)).toEqual(['succeeded']);
    expect((await orderRow(use(), order.orderId)).status).toBe('refunded');
    await expectSound(use());
  });

  it('a refund WeChat closed and later paid out anyway is reconciled to succeeded, never dropped', async () => {
    const order = await paidOrder();
    const stock = await stockOf(use(), SKU);
    const refund = await refundInFlight(order);
    wechat.decideRefund(refund.out_refund_no, 'REFUNDCLOSE');
    expect(
      (await refundCallback(wechat.payCallback())(wechat.refundEvent(refund.out_refund_no, 'REFUNDCLOSE'))).errcode,
    ).toBe(0);
    expect((await refundsOf(use(), order.orderId))[0]).toMatchObject({
      status: 'failed',
      failure_reason: 'WeChat refundStatus REFUNDCLOSE',
    });
    expect((await orderRow(use(), order.orderId)).status).toBe('paid');
    wechat.decideRefund(refund.out_refund_no, 'SUCCESS');
    expect(
      await refundCallback(
        wechat.payCallback(),
        minutesAfter(T0, 20),
      )(wechat.refundEvent(refund.out_refund_no, 'SUCCESS')),
    ).toEqual({ errcode: 0, errmsg: 'ok (reconciled)' });
    expect((await refundsOf(use(), order.orderId))[0]).toMatchObject({ status: 'succeeded', failure_reason: null });
    expect((await orderRow(use(), order.orderId)).status).toBe('refunded');
    expect(await stockOf(use(), SKU)).toBe(stock + 1);
    await expectSound(use());
  });

  it('a late SUCCESS whose money a second refund has claimed since is kept for the operator, not recorded twice', async () => {
    const order = await paidOrder();
    const refund = await refundInFlight(order);
    wechat.decideRefund(refund.out_refund_no, 'REFUNDCLOSE');
    await refundCallback(wechat.payCallback())(wechat.refundEvent(refund.out_refund_no, 'REFUNDCLOSE'));
    const second = okData(
      await callAction(
        use(),
        'order.requestRefund',
        { orderId: order.orderId, reason: '再申请' },
        { openid: order.openid, now: minutesAfter(T0, 12), idempotencyKey: newKey() },
      ),
    );
    okData(
      await callAction(
        use(),
        'manager.approveRefund',
        { refundId: second.refundId },
        { openid: MANAGER, now: minutesAfter(T0, 13), idempotencyKey: newKey() },
      ),
    );
    wechat.decideRefund(refund.out_refund_no, 'SUCCESS');
    expect(
      await refundCallback(
        wechat.payCallback(),
        minutesAfter(T0, 14),
      )(wechat.refundEvent(refund.out_refund_no, 'SUCCESS')),
    ).toEqual({
      errcode: 0,
      errmsg: 'ok (late success conflicts, recorded for the operator)',
    });
    expect((await refundsOf(use(), order.orderId)).map((r) => [r.id, r.status])).toEqual([
      [refund.id, 'failed'],
      [second.refundId, 'approved'],
    ]);
    const conflicts = await use()
      .kysely.selectFrom('payment_anomalies')
      .select('detail')
      .where('kind', '=', 'refund_conflict')
      .execute();
    expect(conflicts.map((c) => c.detail)).toContainEqual(expect.stringContaining(refund.out_refund_no));
    // Approving more than the payment can give back is refused before anything leaves.
    const retry = await callAction(
      use(),
      'manager.retryRefund',
      { refundId: refund.id },
      { openid: MANAGER, now: minutesAfter(T0, 15), idempotencyKey: newKey() },
    );
    expect(errorCode(retry)).toBe('REFUND_EXCEEDS_PAID');
    await expectSound(use());
  });

  it('timers run only from their own trigger: a client call or a forged timer event is refused and writes nothing', async () => {
    const order = await placeOrder();
    const expiry = minutesAfter(T0, 45);
    const before = await moneyCounts(use());
    const client = wechat.client(order.openid);
    for (const name of ['orderTimer', 'outboxWorker', 'nudgeTimer', 'tierReviewTimer']) {
      expect(await timer(name, client, expiry)(timerEvent(name))).toMatchObject({
        ran: false,
        refused: expect.any(String),
      });
      expect(await timer(name, client, expiry)({})).toMatchObject({ ran: false });
    }
    // WeChat's trigger, but another function's trigger name: not this timer's schedule.
    expect(await timer('orderTimer', wechat.trigger(), expiry)(timerEvent('nudgeTimer'))).toMatchObject({ ran: false });
    expect((await orderRow(use(), order.orderId)).status).toBe('pending_payment');
    expect(await moneyCounts(use())).toEqual(before);
    expect(await timer('orderTimer', wechat.trigger(), expiry)(timerEvent('orderTimer', expiry))).toMatchObject({
      ran: true,
    });
    expect((await orderRow(use(), order.orderId)).status).toBe('cancelled');
  });

  it('the yearly tier review, triggered in July, changes no tier', async () => {
    const july = new Date('2026-07-15T03:00:00+08:00');
    const tiers = () =>
      use().kysely.selectFrom('members').select(['id', 'tier_code', 'growth']).orderBy('id').execute();
    const before = await tiers();
    const changes = await use().kysely.selectFrom('tier_changes').select('id').execute();
    expect(await timer('tierReviewTimer', wechat.trigger(), july)(timerEvent('tierReviewTimer', july))).toMatchObject({
      ran: true,
      reviewed: 0,
      notDue: 1,
    });
    expect(await tiers()).toEqual(before);
    expect(await use().kysely.selectFrom('tier_changes').select('id').execute()).toEqual(changes);
  });

  it('a payment for a closed order that WeChat refuses to refund stays visible as a failed refund, and the manager retries it', async () => {
    const order = await placeOrder();
    const expiry = minutesAfter(T0, 45);
    await timer('orderTimer', wechat.trigger(), expiry)(timerEvent('orderTimer', expiry));
    expect((await orderRow(use(), order.orderId)).status).toBe('cancelled');
    // The customer's money arrives anyway; WeChat refuses the refund (the merchant account is short).
    expect((await payCallback(wechat.payCallback(), minutesAfter(T0, 46))(wechat.pays(order))).errcode).toBe(0);
    wechat.refuseRefunds('基本账户余额不足');
    await timer('outboxWorker', wechat.trigger(), minutesAfter(T0, 47))(timerEvent('outboxWorker'));
    const failed = okData(
      await callAction(
        use(),
        'manager.listRefunds',
        { status: 'failed' },
        { openid: MANAGER, now: minutesAfter(T0, 48) },
      ),
    );
    const mine = failed.items.find((r) => r.orderId === order.orderId);
    expect(mine).toMatchObject({
      kind: 'payment_return',
      status: 'failed',
      failureReason: '基本账户余额不足',
      amountFen: order.payableFen,
    });
    // Topped up, the manager retries: the same outRefundNo goes to WeChat, which pays it back.
    wechat.refuseRefunds(null);
    const retried = await callAction(
      use(),
      'manager.retryRefund',
      { refundId: mine!.refundId },
      { openid: MANAGER, now: minutesAfter(T0, 50), idempotencyKey: newKey() },
    );
    expect(okData(retried)).toEqual({ refundId: mine!.refundId, status: 'approved' });
    await timer('outboxWorker', wechat.trigger(), minutesAfter(T0, 51))(timerEvent('outboxWorker'));
    const [returned] = await refundsOf(use(), order.orderId);
    expect(returned).toMatchObject({ status: 'processing' });
    expect(
      new Set(wechat.refundRequests.filter((r) => r.outTradeNo === order.orderNo).map((r) => r.outRefundNo)),
    ).toEqual(new Set([returned!.out_refund_no]));
    wechat.decideRefund(returned!.out_refund_no, 'SUCCESS');
    expect(
      (
        await refundCallback(
          wechat.payCallback(),
          minutesAfter(T0, 52),
        )(wechat.refundEvent(returned!.out_refund_no, 'SUCCESS'))
      ).errcode,
    ).toBe(0);
    expect((await refundsOf(use(), order.orderId)).map((r) => r.status)).toEqual(['succeeded']);
    expect((await orderRow(use(), order.orderId)).status).toBe('cancelled');
    // Retrying what is not failed is refused.
    const twice = await callAction(
      use(),
      'manager.retryRefund',
      { refundId: mine!.refundId },
      { openid: MANAGER, now: minutesAfter(T0, 53), idempotencyKey: newKey() },
    );
    expect(errorCode(twice)).toBe('ORDER_STATE_CONFLICT');
    await expectSound(use());
  });
});
