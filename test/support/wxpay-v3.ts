import { createCipheriv, createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { WxpayV3Config } from '../../cloudfunctions/core/config/production-config';

/** Keys the tests make themselves: the merchant's API key pair and WeChat Pay's platform key pair. */
export function wxpayTestKeys() {
  const pem = () =>
    generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
  return {
    merchant: pem(),
    platform: pem(),
    apiV3Key: randomBytes(16).toString('hex'),
    platformSerial: 'PUB_KEY_ID_0114232134912410000000000000',
  };
}
export type WxpayTestKeys = ReturnType<typeof wxpayTestKeys>;

const TEST_MCHID = '1900000109';
export const TEST_APPID = 'wx0123456789abcdef';

export function wxpayTestConfig(keys: WxpayTestKeys): WxpayV3Config & { appid: string } {
  return {
    appid: TEST_APPID,
    mchid: TEST_MCHID,
    certSerial: '3775B6A45ACD588826D15E583A95F5DD********',
    privateKeyPem: keys.merchant.privateKey,
    apiV3Key: keys.apiV3Key,
    platformKeys: { [keys.platformSerial]: keys.platform.publicKey },
    notifyBase: 'https://shop.example.com',
  };
}

/** AEAD_AES_256_GCM as WeChat Pay encrypts a notification resource. */
export function encryptResource(plain: object, apiV3Key: string, associatedData = 'transaction') {
  const nonce = randomBytes(6).toString('hex');
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const data = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: data.toString('base64'),
    associated_data: associatedData,
    original_type: 'transaction',
    nonce,
  };
}

/** A notification body and its Wechatpay-* headers, signed with `signingKey` (the platform key unless a test swaps it). */
export function signedNotification(
  body: string,
  signingKey: string,
  serial: string,
  timestamp = Math.floor(Date.now() / 1000),
) {
  const nonce = randomBytes(16).toString('hex');
  const signature = createSign('RSA-SHA256').update(`${timestamp}\n${nonce}\n${body}\n`).sign(signingKey, 'base64');
  return {
    'content-type': 'application/json',
    'wechatpay-signature': signature,
    'wechatpay-timestamp': String(timestamp),
    'wechatpay-nonce': nonce,
    'wechatpay-serial': serial,
  };
}

/** The decrypted payment result WeChat Pay v3 sends for a successful JSAPI payment. */
export function transactionResource(
  order: { orderNo: string; payableFen: number },
  transactionId: string,
  overrides: Record<string, unknown> = {},
) {
  return {
    mchid: TEST_MCHID,
    appid: TEST_APPID,
    out_trade_no: order.orderNo,
    transaction_id: transactionId,
    trade_type: 'JSAPI',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    bank_type: 'CMC',
    success_time: '2026-11-24T10:00:00+08:00',
    payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    amount: { total: order.payableFen, payer_total: order.payableFen, currency: 'CNY', payer_currency: 'CNY' },
    ...overrides,
  };
}

export function notificationBody(resource: ReturnType<typeof encryptResource>, eventType = 'TRANSACTION.SUCCESS') {
  return JSON.stringify({
    id: 'EV-2018022511223320873',
    create_time: '2026-11-24T10:00:01+08:00',
    resource_type: 'encrypt-resource',
    event_type: eventType,
    summary: '支付成功',
    resource,
  });
}
