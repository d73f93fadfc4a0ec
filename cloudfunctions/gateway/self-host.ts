import type { FastifyInstance } from 'fastify';
import type { WxpayV3Config } from '../core/config/production-config';
import type { Db } from '../core/db/db';
import type { Platform } from '../core/platform/platform';
import type { Fetch } from '../core/platform/wechat/http-fetch';
import { createWxpayV3 } from '../core/platform/wechat/wxpay-v3/v3-pay';
import { createHttpWxSdk } from '../core/platform/wechat/openapi-http';
import { createWechatPhone } from '../core/platform/wechat/phone.wechat';
import { createWechatMessages } from '../core/platform/wechat/messages.wechat';
import { createWechatMiniCode } from '../core/platform/wechat/mini-code.wechat';
import { createWechatShipping } from '../core/platform/wechat/shipping.wechat';
import { registerAuthRoutes } from './auth-routes';
import type { RateLimiter } from '../core/ratelimit';
import { createSessionIdentity } from './session-token';
import { registerWxpayV3Routes } from './wxpay-v3-routes';

/** What a self-hosted gateway adds to the local one: WeChat sign-in and WeChat Pay v3. */
export interface SelfHostOptions {
  auth?: { appid: string; appSecret: string; sessionSecret: string; sessionTtlSeconds: number } | null;
  wxpay?: (WxpayV3Config & { appid: string }) | null;
  /** HTTP to WeChat; the global fetch unless a test injects one. */
  fetch?: Fetch;
}

/** WeChat that does not answer in 10 s is an outage: the caller retries (outbox) or answers 503. */
const timedFetch: Fetch = (url, init) => globalThis.fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });

/**
 * Installs self-hosting on a gateway: session tokens become the identity (dev sign-in stays the
 * fallback only where DEV_AUTH already allows it), `/api/auth/login` issues them, phone numbers,
 * subscribe messages, mini-program codes and shipping uploads go to WeChat over HTTPS, WeChat Pay v3
 * replaces the payment simulator and its notify routes settle payments and refunds. The ports are
 * replaced on this gateway's own platform object (never the shared local stand-ins).
 */
export function installSelfHost(
  app: FastifyInstance,
  platform: Platform,
  options: SelfHostOptions & { db: Db; now: () => Date; rateLimiter?: RateLimiter | null },
): void {
  const fetch = options.fetch ?? timedFetch;
  if (options.auth) {
    platform.identity = createSessionIdentity(options.auth.sessionSecret, options.now, platform.identity);
    registerAuthRoutes(app, {
      ...options.auth,
      db: options.db,
      fetch,
      now: options.now,
      limiter: options.rateLimiter ?? null,
    });
    // The mini program's server APIs over HTTPS with an access token, instead of the local stand-ins.
    const sdk = createHttpWxSdk(fetch, options.auth.appid, options.auth.appSecret, options.now);
    platform.phone = createWechatPhone(sdk);
    platform.messages = createWechatMessages(sdk, { miniprogramState: process.env.WX_MESSAGE_MINIPROGRAM_STATE });
    platform.miniCode = createWechatMiniCode(sdk, { envVersion: process.env.WX_MINI_CODE_ENV_VERSION });
    platform.shipping = createWechatShipping(sdk, options.now);
  }
  if (options.wxpay) {
    platform.pay = createWxpayV3(options.wxpay, fetch, options.now);
    registerWxpayV3Routes(app, { db: options.db, config: options.wxpay, now: options.now });
  }
}
