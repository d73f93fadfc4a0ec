import {
  createDecipheriv,
  createPublicKey,
  createSign,
  createVerify,
  randomBytes,
  X509Certificate,
  type KeyObject,
} from 'node:crypto';

/**
 * WeChat Pay API v3 cryptography: request signatures (SHA256-with-RSA by the merchant key), the
 * requestPayment `paySign`, notification signatures (by WeChat Pay's platform key over
 * `timestamp\nnonce\nbody\n`) and AEAD_AES_256_GCM resource decryption with the APIv3 key.
 */
export const nonceStr = () => randomBytes(16).toString('hex');

function rsaSign(privateKeyPem: string, message: string): string {
  return createSign('RSA-SHA256').update(message).sign(privateKeyPem, 'base64');
}

/** `Authorization` for one API v3 request: the signed message is `METHOD\nURL\ntimestamp\nnonce\nbody\n`. */
export function authorization(args: {
  method: string;
  /** Path with query, e.g. `/v3/pay/transactions/jsapi`. */
  url: string;
  body: string;
  mchid: string;
  certSerial: string;
  privateKeyPem: string;
  timestamp: number;
  nonce: string;
}): string {
  const message = `${args.method}\n${args.url}\n${args.timestamp}\n${args.nonce}\n${args.body}\n`;
  const signature = rsaSign(args.privateKeyPem, message);
  return `WECHATPAY2-SHA256-RSA2048 mchid="${args.mchid}",nonce_str="${args.nonce}",signature="${signature}",timestamp="${args.timestamp}",serial_no="${args.certSerial}"`;
}

/** `wx.requestPayment` parameters for a prepay id: paySign signs `appId\ntimeStamp\nnonceStr\npackage\n`. */
export function requestPaymentParams(
  appid: string,
  prepayId: string,
  privateKeyPem: string,
  timestamp: number,
  nonce: string,
) {
  const pkg = `prepay_id=${prepayId}`;
  const timeStamp = String(timestamp);
  return {
    timeStamp,
    nonceStr: nonce,
    package: pkg,
    signType: 'RSA',
    paySign: rsaSign(privateKeyPem, `${appid}\n${timeStamp}\n${nonce}\n${pkg}\n`),
  };
}

/** A platform key from a PEM public key (微信支付公钥) or a platform certificate. */
export function platformKey(pem: string): KeyObject {
  return pem.includes('BEGIN CERTIFICATE') ? new X509Certificate(pem).publicKey : createPublicKey(pem);
}

export interface NotificationHeaders {
  signature?: string;
  timestamp?: string;
  nonce?: string;
  serial?: string;
}

/** WeChat Pay retries for hours; a notification older (or newer) than this is a replay. */
const MAX_CLOCK_SKEW_SECONDS = 300;

export type Verification = { ok: true } | { ok: false; reason: string };

/** Checks a notification: known serial, fresh timestamp, valid signature over the exact raw body. */
export function verifyNotification(
  headers: NotificationHeaders,
  rawBody: string,
  keys: Record<string, KeyObject>,
  now: Date,
): Verification {
  const { signature, timestamp, nonce, serial } = headers;
  if (!signature || !timestamp || !nonce || !serial) return { ok: false, reason: 'missing Wechatpay-* headers' };
  const key = Object.hasOwn(keys, serial) ? keys[serial] : undefined;
  if (!key) return { ok: false, reason: `unknown Wechatpay-Serial ${serial}` };
  const ts = Number(timestamp);
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now.getTime() / 1000 - ts) > MAX_CLOCK_SKEW_SECONDS) {
    return { ok: false, reason: `stale Wechatpay-Timestamp ${timestamp}` };
  }
  const valid = createVerify('RSA-SHA256')
    .update(`${timestamp}\n${nonce}\n${rawBody}\n`)
    .verify(key, signature, 'base64');
  return valid ? { ok: true } : { ok: false, reason: 'signature does not match' };
}

export interface EncryptedResource {
  algorithm: string;
  ciphertext: string;
  associated_data?: string;
  nonce: string;
}

/** Decrypts `resource`: AES-256-GCM, key = APIv3 key, the last 16 bytes of the ciphertext are the tag. */
export function decryptResource(
  resource: EncryptedResource,
  apiV3Key: string,
): { ok: true; plaintext: string } | { ok: false; reason: string } {
  if (resource.algorithm !== 'AEAD_AES_256_GCM')
    return { ok: false, reason: `unsupported algorithm ${resource.algorithm}` };
  try {
    const data = Buffer.from(resource.ciphertext, 'base64');
    if (data.length <= 16) return { ok: false, reason: 'ciphertext too short' };
    const decipher = createDecipheriv(
      'aes-256-gcm',
      Buffer.from(apiV3Key, 'utf8'),
      Buffer.from(resource.nonce, 'utf8'),
    );
    decipher.setAuthTag(data.subarray(data.length - 16));
    decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
    const plaintext = Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString(
      'utf8',
    );
    return { ok: true, plaintext };
  } catch {
    return { ok: false, reason: 'resource does not decrypt (bad tag or wrong APIv3 key)' };
  }
}
