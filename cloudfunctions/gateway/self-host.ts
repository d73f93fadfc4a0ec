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
import { trackingFromEnv } from '../core/platform/tracking/tracking-from-env';
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

type SelfHostDeps = { db: Db; now: () => Date; rateLimiter?: RateLimiter | null };

/**
 * Installs self-hosting on a gateway and answers the platform it runs on: session tokens become the
 * identity (dev sign-in stays the fallback only where DEV_AUTH already allows it), `/api/auth/login`
 * issues them, phone numbers, subscribe messages, mini-program codes and shipping uploads go to WeChat
 * over HTTPS, WeChat Pay v3 replaces the payment simulator and its notify routes settle payments and
 * refunds. The answer is a new platform composed from `base`'s ports and the WeChat ones; `base` itself
 * is left as it was (the local stand-ins are shared with the demo seed and with tests).
 */
export function installSelfHost<P extends Platform>(
  app: FastifyInstance,
  base: P,
  options: SelfHostOptions & SelfHostDeps,
): P {
  const fetch = options.fetch ?? timedFetch;
  const { auth, wxpay } = options;
  // A new object: every port of `base` not replaced below is shared, none of `base` is overwritten.
  return {
    ...base,
    ...(auth ? installWechatSignIn(app, base, fetch, auth, options) : {}),
    ...(wxpay ? { pay: installWxpayV3(app, fetch, wxpay, options) } : {}),
    // A real shop never shows the local stand-in's invented journeys: 快递100 when its keys are set, else none.
    tracking: trackingFromEnv(process.env, fetch),
  };
}

/** `/api/auth/login` and the mini program's server APIs over HTTPS with an access token: the ports they replace. */
function installWechatSignIn(
  app: FastifyInstance,
  base: Platform,
  fetch: Fetch,
  auth: NonNullable<SelfHostOptions['auth']>,
  deps: SelfHostDeps,
): Pick<Platform, 'identity' | 'phone' | 'messages' | 'miniCode' | 'shipping'> {
  registerAuthRoutes(app, { ...auth, db: deps.db, fetch, now: deps.now, limiter: deps.rateLimiter ?? null });
  const sdk = createHttpWxSdk(fetch, auth.appid, auth.appSecret, deps.now);
  return {
    identity: createSessionIdentity(auth.sessionSecret, deps.now, base.identity),
    phone: createWechatPhone(sdk),
    messages: createWechatMessages(sdk, { miniprogramState: process.env.WX_MESSAGE_MINIPROGRAM_STATE }),
    miniCode: createWechatMiniCode(sdk, { envVersion: process.env.WX_MINI_CODE_ENV_VERSION }),
    shipping: createWechatShipping(sdk, deps.now),
  };
}

/** WeChat Pay v3 in place of the payment simulator, and its notify routes. */
function installWxpayV3(
  app: FastifyInstance,
  fetch: Fetch,
  wxpay: NonNullable<SelfHostOptions['wxpay']>,
  deps: SelfHostDeps,
): Platform['pay'] {
  registerWxpayV3Routes(app, { db: deps.db, config: wxpay, now: deps.now });
  return createWxpayV3(wxpay, fetch, deps.now);
}
