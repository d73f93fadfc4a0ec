import type { Db } from '../../db/db';
import { handleRefundCallback } from '../../order/refund.service';
import type { Platform } from '../platform';
import { createLocalIdentity } from './identity.local';
import { createLocalPay, createLocalShipping, type LocalRefundMode } from './pay.local';
import { localPhone } from './phone.local';

export type LocalPlatform = Platform & {
  pay: ReturnType<typeof createLocalPay>;
  shipping: ReturnType<typeof createLocalShipping>;
  /** What the refund simulator does next (tests switch it). */
  refundMode: LocalRefundMode;
};

/**
 * Everything WeChat does, done locally: dev sign-in, a payment simulator (the 模拟支付 screen posts
 * the callback event), a refund simulator that calls the real refundCallback, recorded shipping uploads.
 */
export function createLocalPlatform(options: { devAuth: boolean; nodeEnv?: string; db: Db; now: () => Date }): LocalPlatform {
  const platform: LocalPlatform = {
    name: 'local',
    identity: createLocalIdentity({ devAuth: options.devAuth, nodeEnv: options.nodeEnv }),
    pay: createLocalPay({
      deliver: (event) => handleRefundCallback(options.db, event, options.now()),
      mode: () => platform.refundMode,
    }),
    shipping: createLocalShipping(),
    phone: localPhone,
    refundMode: 'succeed',
  };
  return platform;
}
