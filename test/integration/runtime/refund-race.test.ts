import { expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { checkInvariants } from '../../../cloudfunctions/core/ops/invariants';
import {
  createCallbackFunction,
  createCloudFunction,
  createTimerFunction,
} from '../../../cloudfunctions/core/runtime/cloud-main';
import type { WxServerSdk } from '../../../cloudfunctions/core/platform/wechat/sdk';
import { callAction, okData } from '../../support/call';
import { describeOnPostgres } from '../../support/databases';
import { fakeWechat, timerEvent } from '../../support/fake-wechat';
import { createInput, MANAGER, minutesAfter, newKey, newOpenid, refundsOf, T0 } from '../order/order-factory';

const ENV = { MEMBER_CODE_SECRET: 'cloud-member-code-secret-0123456789abcdef', WX_PAY_SUB_MCH_ID: '1900000109' };
const ITEMS = [
  { skuId: 'sku-amino-acid-cleanser-1', qty: 1 },
  { skuId: 'sku-amino-acid-cleanser-2', qty: 1 },
];
const ROUNDS = 8;
const jitter = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 15));

/** Per payment: what WeChat took in, and what our records say went (or is going) back. */
async function moneyPerPayment(db: Db) {
  const { rows } = await sql<{ transaction_id: string; paid: number; committed: number; succeeded: number }>`
    select p.transaction_id, p.amount_fen as paid,
           coalesce(sum(r.amount_fen) filter (where r.status in ('approved', 'processing', 'succeeded')), 0)::int as committed,
           coalesce(sum(r.amount_fen) filter (where r.status = 'succeeded'), 0)::int as succeeded
      from payments p left join refunds r on r.transaction_id = p.transaction_id
     group by p.transaction_id, p.amount_fen`.execute(db.kysely);
  return rows;
}

describeOnPostgres('refund notices racing a second refund request', (use) => {
  const wechat = fakeWechat();
  const deps = (sdk: WxServerSdk, now: Date) => ({ sdk: () => sdk, db: async () => use(), env: ENV, now: () => now });
  const refundCallback = (now: Date) => createCallbackFunction('refundCallback', deps(wechat.payCallback(), now));
  const worker = (now: Date) =>
    createTimerFunction('outboxWorker', deps(wechat.trigger(), now))(timerEvent('outboxWorker', now));

  /** A paid two-line order with a refund of its first line handed to WeChat (processing). */
  async function orderWithRefundInFlight() {
    const openid = newOpenid();
    const created = (await createCloudFunction(
      'order',
      deps(wechat.client(openid), T0),
    )({ action: 'create', data: createInput(ITEMS), idempotencyKey: newKey() })) as {
      data: { orderId: string; orderNo: string; payableFen: number };
    };
    const order = { ...created.data, openid };
    expect(
      (await createCallbackFunction('payCallback', deps(wechat.payCallback(), minutesAfter(T0, 1)))(wechat.pays(order)))
        .errcode,
    ).toBe(0);
    const lines = await use()
      .kysely.selectFrom('order_lines')
      .select('id')
      .where('order_id', '=', order.orderId)
      .orderBy('sort')
      .execute();
    const first = okData(
      await callAction(
        use(),
        'order.requestRefund',
        { orderId: order.orderId, lineIds: [lines[0]!.id], reason: '少一件' },
        { openid, now: minutesAfter(T0, 2), idempotencyKey: newKey() },
      ),
    );
    okData(
      await callAction(
        use(),
        'manager.approveRefund',
        { refundId: first.refundId },
        { openid: MANAGER, now: minutesAfter(T0, 3), idempotencyKey: newKey() },
      ),
    );
    return { order, refundId: first.refundId };
  }

  /** The customer asks for the rest back and the manager approves at once (either may be refused). */
  async function secondRequest(order: { orderId: string; openid: string }, at: Date) {
    await jitter();
    const asked = await callAction(
      use(),
      'order.requestRefund',
      { orderId: order.orderId, reason: '全部退' },
      { openid: order.openid, now: at, idempotencyKey: newKey() },
    );
    if (!asked.ok) return;
    await jitter();
    await callAction(
      use(),
      'manager.approveRefund',
      { refundId: asked.data.refundId },
      { openid: MANAGER, now: at, idempotencyKey: newKey() },
    );
  }

  async function drain(at: Date) {
    for (let i = 0; i < 3; i++) {
      await worker(at);
      for (const [outRefundNo, booked] of wechat.refunds) {
        if (booked.status !== 'PROCESSING') continue;
        wechat.decideRefund(outRefundNo, 'SUCCESS');
        await refundCallback(at)(wechat.refundEvent(outRefundNo, 'SUCCESS'));
      }
    }
  }

  async function expectNeverMoreThanPaid() {
    for (const row of await moneyPerPayment(use())) {
      expect(row.committed, row.transaction_id).toBeLessThanOrEqual(row.paid);
      expect(row.succeeded, row.transaction_id).toBeLessThanOrEqual(row.paid);
    }
    const failing = (await checkInvariants(use().kysely)).filter((r) => r.violations.length > 0);
    expect(failing.map((r) => ({ code: r.code, violations: r.violations }))).toEqual([]);
  }

  it(`a forged REFUNDCLOSE, WeChat's real SUCCESS and a second request, racing (${ROUNDS} orders): refunds never exceed what was paid`, async () => {
    const made = [];
    for (let i = 0; i < ROUNDS; i++) made.push(await orderWithRefundInFlight());
    await worker(minutesAfter(T0, 4));
    const at = minutesAfter(T0, 10);
    await Promise.all(
      made.map(async ({ order, refundId }) => {
        const [refund] = await refundsOf(use(), order.orderId);
        expect(refund!.id).toBe(refundId);
        await Promise.all([
          jitter().then(() => refundCallback(at)(wechat.refundEvent(refund!.out_refund_no, 'REFUNDCLOSE'))),
          new Promise((resolve) => setTimeout(resolve, Math.random() * 80)).then(() => {
            wechat.decideRefund(refund!.out_refund_no, 'SUCCESS');
            return refundCallback(at)(wechat.refundEvent(refund!.out_refund_no, 'SUCCESS'));
          }),
          secondRequest(order, at),
        ]);
      }),
    );
    await drain(minutesAfter(T0, 20));
    for (const { order, refundId } of made) {
      const refunds = await refundsOf(use(), order.orderId);
      // The forged closure never failed the first refund: WeChat paid it, and it says so.
      expect(refunds.find((r) => r.id === refundId)!.status).toBe('succeeded');
    }
    // WeChat itself paid back no more than it took in, per order.
    for (const { order } of made) {
      const sent = [...wechat.refunds.values()]
        .filter((r) => r.outTradeNo === order.orderNo && r.status === 'SUCCESS')
        .reduce((sum, r) => sum + r.refundFee, 0);
      expect(sent).toBeLessThanOrEqual(order.payableFen);
    }
    await expectNeverMoreThanPaid();
  }, 120_000);

  it(`WeChat closing a refund, a second request and a late SUCCESS for the first, racing (${ROUNDS} orders): the records never exceed what was paid`, async () => {
    const made = [];
    for (let i = 0; i < ROUNDS; i++) made.push(await orderWithRefundInFlight());
    await worker(minutesAfter(T0, 4));
    const at = minutesAfter(T0, 10);
    await Promise.all(
      made.map(async ({ order }) => {
        const [refund] = await refundsOf(use(), order.orderId);
        wechat.decideRefund(refund!.out_refund_no, 'REFUNDCLOSE');
        await refundCallback(at)(wechat.refundEvent(refund!.out_refund_no, 'REFUNDCLOSE'));
        // The customer asks again just as WeChat changes its mind: the first refund's money went after all.
        await Promise.all([
          new Promise((resolve) => setTimeout(resolve, Math.random() * 80)).then(() => {
            wechat.decideRefund(refund!.out_refund_no, 'SUCCESS');
            return refundCallback(at)(wechat.refundEvent(refund!.out_refund_no, 'SUCCESS'));
          }),
          secondRequest(order, at),
        ]);
      }),
    );
    await drain(minutesAfter(T0, 20));
    await expectNeverMoreThanPaid();
    // Where the late SUCCESS found its money claimed, the operator has it in the anomalies.
    const conflicts = await use()
      .kysely.selectFrom('payment_anomalies')
      .select('detail')
      .where('kind', '=', 'refund_conflict')
      .execute();
    for (const { order, refundId } of made) {
      const first = (await refundsOf(use(), order.orderId)).find((r) => r.id === refundId)!;
      if (first.status !== 'succeeded')
        expect(conflicts.some((c) => c.detail.startsWith(first.out_refund_no))).toBe(true);
    }
  }, 120_000);
});
