import type { Db } from '../../db/db';
import type { PayPort, Platform } from '../platform';
import { createLocalIdentity } from './identity.local';
import { createLocalPay, createLocalShipping, type LocalRefundMode, type RefundCallbackEvent } from './pay.local';
import { createLocalMessages, type LocalMessageMode } from './messages.local';
import { localMiniCode } from './mini-code.local';
import { localPhone } from './phone.local';
import { createLocalTracking } from './tracking.local';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalStorage, type LocalStorage, type LocalStorageOptions } from './storage.local';

export type LocalPlatform = Platform & {
  pay: ReturnType<typeof createLocalPay>;
  shipping: ReturnType<typeof createLocalShipping>;
  messages: ReturnType<typeof createLocalMessages>;
  storage: LocalStorage;
  /** What the refund simulator does next (tests switch it). */
  refundMode: LocalRefundMode;
  /** What the subscribe-message sender answers next (tests switch it). */
  messageMode: LocalMessageMode;
};

/** The refundCallback function the local WeChat Pay calls, as WeChat would (set by core/plugins). */
type RefundCallbackFunction = (db: Db, event: RefundCallbackEvent, now: Date, pay: PayPort) => Promise<unknown>;
let refundCallback: RefundCallbackFunction | null = null;

/** Names the function local refund results are delivered to; the platform itself knows no context. */
export function deliverLocalRefundsTo(fn: RefundCallbackFunction): void {
  refundCallback = fn;
}

/**
 * Everything WeChat does, done locally: dev sign-in, a payment simulator (the 模拟支付 screen posts
 * the callback event), a refund simulator that calls the real refundCallback, recorded shipping uploads and subscribe messages, plain QR codes for mini-program codes.
 */
export function createLocalPlatform(options: {
  devAuth: boolean;
  nodeEnv?: string;
  db: Db;
  now: () => Date;
  /** Where uploads and catalog renditions are written (default: a folder in the OS temp dir). */
  media?: Partial<LocalStorageOptions>;
}): LocalPlatform {
  const platform: LocalPlatform = {
    name: 'local',
    identity: createLocalIdentity({ devAuth: options.devAuth, nodeEnv: options.nodeEnv }),
    pay: createLocalPay({
      deliver: (event) => {
        if (!refundCallback) throw new Error('local WeChat Pay has no refundCallback to call: load core/plugins');
        return refundCallback(options.db, event, options.now(), platform.pay);
      },
      mode: () => platform.refundMode,
    }),
    shipping: createLocalShipping(),
    phone: localPhone,
    miniCode: localMiniCode,
    messages: createLocalMessages(() => platform.messageMode),
    tracking: createLocalTracking(options.now),
    storage: createLocalStorage({
      dir: options.media?.dir ?? join(tmpdir(), 'storefront-media'),
      publicBaseUrl: options.media?.publicBaseUrl,
    }),
    refundMode: 'succeed',
    messageMode: 'deliver',
  };
  return platform;
}
