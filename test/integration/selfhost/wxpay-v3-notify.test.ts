import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, tableCounts } from '../../support/databases';
import { startGateway, type Gateway } from '../../../cloudfunctions/gateway/server';
import { PAY_NOTIFY_PATH, REFUND_NOTIFY_PATH } from '../../../cloudfunctions/core/platform/wechat/wxpay-v3/v3-pay';
import {
  makeOrder,
  makePaidOrder,
  MANAGER,
  newKey,
  orderRow,
  paymentsOf,
  refundsOf,
  type MadeOrder,
} from '../order/order-factory';
import { callAction, okData } from '../../support/call';
import {
  encryptResource,
  notificationBody,
  signedNotification,
  transactionResource,
  wxpayTestConfig,
  wxpayTestKeys,
} from '../../support/wxpay-v3';

const keys = wxpayTestKeys();

describeEachDatabase('WeChat Pay v3 notifications on a self-hosted gateway', (use) => {
  let gateway: Gateway;
  let skuId: string;
  beforeAll(async () => {
    gateway = await startGateway({ db: use(), port: 0, seed: false, selfHost: { wxpay: wxpayTestConfig(keys) } });
    skuId = (await use().kysely.selectFrom('skus').select('id').where('stock', '>', 100).executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await gateway.close();
  });

  const newOrder = () => makeOrder(use(), { items: [{ skuId, qty: 1 }], now: new Date() });
  const post = (body: string, headers: Record<string, string>) =>
    fetch(`${gateway.url}${PAY_NOTIFY_PATH}`, { method: 'POST', body, headers });
  const paidBody = (order: MadeOrder, transactionId = `4200${randomUUID().replace(/-/g, '').slice(0, 24)}`) =>
    notificationBody(encryptResource(transactionResource(order, transactionId), keys.apiV3Key));

  /** Posts a refused notification and checks it changed nothing: the order is unpaid, no table moved. */
  async function expectRefused(order: MadeOrder, body: string, headers: Record<string, string>) {
    const before = await tableCounts(use());
    const res = await post(body, headers);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'FAIL' });
    expect((await orderRow(use(), order.orderId)).status).toBe('pending_payment');
    expect(await paymentsOf(use(), order.orderId)).toHaveLength(0);
    expect(await tableCounts(use())).toEqual(before);
  }

  it('a notification signed by the platform key verifies, decrypts and settles the order once (a redelivery is a no-op)', async () => {
    const order = await newOrder();
    const body = paidBody(order, '4200000001202611240000000001');
    const res = await post(body, signedNotification(body, keys.platform.privateKey, keys.platformSerial));
    expect(res.status).toBe(204);
    expect(await orderRow(use(), order.orderId)).toMatchObject({
      status: 'paid',
      transaction_id: '4200000001202611240000000001',
    });
    const again = await post(body, signedNotification(body, keys.platform.privateKey, keys.platformSerial));
    expect(again.status).toBe(204);
    expect(await paymentsOf(use(), order.orderId)).toHaveLength(1);
  });

  it('refuses a tampered body (the amount changed after signing)', async () => {
    const order = await newOrder();
    const body = paidBody(order);
    const headers = signedNotification(body, keys.platform.privateKey, keys.platformSerial);
    await expectRefused(order, body.replace('"summary":"支付成功"', '"summary":"支付成功 "'), headers);
  });

  it('refuses a wrong serial, even with a valid signature by another key', async () => {
    const order = await newOrder();
    const body = paidBody(order);
    await expectRefused(order, body, signedNotification(body, keys.platform.privateKey, 'PUB_KEY_ID_SOMEONE_ELSE'));
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    await expectRefused(order, body, signedNotification(body, stranger, keys.platformSerial));
  });

  it('refuses a stale timestamp (older than 5 minutes), though correctly signed', async () => {
    const order = await newOrder();
    const body = paidBody(order);
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 360;
    await expectRefused(
      order,
      body,
      signedNotification(body, keys.platform.privateKey, keys.platformSerial, sixMinutesAgo),
    );
  });

  it('refuses a resource whose GCM tag does not check (signed, but encrypted under another APIv3 key or altered)', async () => {
    const order = await newOrder();
    const wrongKey = notificationBody(
      encryptResource(transactionResource(order, '4200000001202611240000000009'), 'x'.repeat(32)),
    );
    await expectRefused(order, wrongKey, signedNotification(wrongKey, keys.platform.privateKey, keys.platformSerial));
    const resource = encryptResource(transactionResource(order, '4200000001202611240000000009'), keys.apiV3Key);
    const bytes = Buffer.from(resource.ciphertext, 'base64');
    bytes[bytes.length - 1]! ^= 0x01;
    const badTag = notificationBody({ ...resource, ciphertext: bytes.toString('base64') });
    await expectRefused(order, badTag, signedNotification(badTag, keys.platform.privateKey, keys.platformSerial));
  });

  it('a signed refund notification settles the refund through the same code as refundCallback; a forged one changes nothing', async () => {
    const now = new Date();
    const order = await makePaidOrder(use(), { items: [{ skuId, qty: 1 }], now });
    okData(
      await callAction(
        use(),
        'manager.refundOrder',
        { orderId: order.orderId, reason: '顾客过敏' },
        { openid: MANAGER, now, idempotencyKey: newKey() },
      ),
    );
    const [refund] = await refundsOf(use(), order.orderId);
    const resource = {
      mchid: '1900000109',
      out_trade_no: order.orderNo,
      transaction_id: order.transactionId,
      out_refund_no: refund!.out_refund_no,
      refund_id: '50000000382019052709732678859',
      refund_status: 'SUCCESS',
      success_time: '2026-11-24T10:05:00+08:00',
      amount: {
        total: order.payableFen,
        refund: refund!.amount_fen,
        payer_total: order.payableFen,
        payer_refund: refund!.amount_fen,
      },
    };
    const body = notificationBody(encryptResource(resource, keys.apiV3Key, 'refund'), 'REFUND.SUCCESS');
    const postRefund = (headers: Record<string, string>) =>
      fetch(`${gateway.url}${REFUND_NOTIFY_PATH}`, { method: 'POST', body, headers });
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect((await postRefund(signedNotification(body, stranger, keys.platformSerial))).status).toBe(401);
    expect((await refundsOf(use(), order.orderId))[0]!.status).not.toBe('succeeded');
    expect((await postRefund(signedNotification(body, keys.platform.privateKey, keys.platformSerial))).status).toBe(
      204,
    );
    expect((await refundsOf(use(), order.orderId))[0]!.status).toBe('succeeded');
    expect((await orderRow(use(), order.orderId)).status).toBe('refunded');
  });
});
