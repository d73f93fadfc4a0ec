import { randomUUID } from 'node:crypto';
import type { CallContext } from '../context';
import { rateLimiterFromEnv } from '../ratelimit';
import { openDb, type Db } from '../db/db';
import { dispatch } from '../dispatcher';
import { fail, type Envelope } from '../errors';
import type { Platform, StoragePort } from '../platform/platform';
import { createWechatStorage } from '../platform/wechat/storage.wechat';
import { wechatIdentity } from '../platform/wechat/identity.wechat';
import { loadWxSdk, type WxServerSdk } from '../platform/wechat/sdk';
import { createWechatPay } from '../platform/wechat/pay.wechat';
import { createWechatShipping } from '../platform/wechat/shipping.wechat';
import { createWechatMessages } from '../platform/wechat/messages.wechat';
import { createWechatMiniCode } from '../platform/wechat/mini-code.wechat';
import { createWechatPhone } from '../platform/wechat/phone.wechat';
import { trackingFromEnv } from '../platform/tracking/tracking-from-env';
import { checkCloudConfig } from '../config/production-config';
import { permissionsOf } from './function-permissions';
import { timerLeaseMs } from '../timers/timer-leases';

/** One per instance: its temporary-link cache outlives a single invocation. */
let sharedStorage: { sdk: WxServerSdk; storage: StoragePort } | null = null;

function wechatStorageFor(sdk: WxServerSdk, env: NodeJS.ProcessEnv): StoragePort {
  if (sharedStorage?.sdk !== sdk)
    sharedStorage = {
      sdk,
      storage: createWechatStorage(sdk, { mediaRoot: env.MEDIA_CLOUD_ROOT, publicBaseUrl: env.MEDIA_BASE_URL }),
    };
  return sharedStorage.storage;
}

/** The cloud platform: identity from WX context, WeChat Pay through cloudPay, files in cloud storage. */
export function createWechatPlatform(sdk: WxServerSdk, env: NodeJS.ProcessEnv): Platform {
  return {
    name: 'wechat',
    identity: wechatIdentity,
    pay: createWechatPay(sdk, { subMchId: env.WX_PAY_SUB_MCH_ID ?? '', envId: env.TCB_ENV ?? env.SCF_NAMESPACE ?? '' }),
    shipping: createWechatShipping(sdk),
    phone: createWechatPhone(sdk),
    miniCode: createWechatMiniCode(sdk, { envVersion: env.WX_MINI_CODE_ENV_VERSION }),
    messages: createWechatMessages(sdk, { miniprogramState: env.WX_MESSAGE_MINIPROGRAM_STATE }),
    storage: wechatStorageFor(sdk, env),
    tracking: trackingFromEnv(env),
  };
}

export interface CloudDeps {
  sdk?: () => WxServerSdk;
  db?: () => Promise<Db>;
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
}

/** The pool lives at module scope: a warm instance reuses its 1-2 connections across invocations. */
let sharedDb: Promise<Db> | null = null;

function defaultDb(env: NodeJS.ProcessEnv): Promise<Db> {
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set in the cloud function environment');
  sharedDb ??= openDb({ databaseUrl: env.DATABASE_URL, poolSize: 2, connectTimeoutMs: 5_000 });
  return sharedDb;
}

/**
 * The function's configuration problems, checked once when the instance starts (null when fine).
 * An injected database (tests) stands in for DATABASE_URL.
 */
function startupConfigError(
  fn: string,
  deps: CloudDeps,
  env: NodeJS.ProcessEnv,
  memberCodeSecret: boolean,
): Error | null {
  try {
    checkCloudConfig(env, {
      database: !deps.db,
      cloudPay: (permissionsOf(fn)?.cloudPay.length ?? 0) > 0,
      memberCodeSecret,
    });
    return null;
  } catch (error) {
    console.error(`[${fn}] ${(error as Error).message}`);
    return error as Error;
  }
}

/**
 * A deployed cloud function: build the context from WeChat's, hand the event to the dispatcher.
 * `event` is what `Taro.cloud.callFunction({ name, data })` sent as `data`: `{ action, data, idempotencyKey }`.
 */
export function createCloudFunction(fn: string, deps: CloudDeps = {}) {
  const env = deps.env ?? process.env;
  let configError = startupConfigError(fn, deps, env, true);
  // Bad RATE_LIMIT_* values are a configuration error too: refused at start, like a missing secret.
  let rateLimiter: ReturnType<typeof rateLimiterFromEnv> = null;
  try {
    rateLimiter = rateLimiterFromEnv(env);
  } catch (error) {
    console.error(`[${fn}] ${(error as Error).message}`);
    configError ??= error as Error;
  }
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    if (configError) return fail('INTERNAL');
    const sdk = (deps.sdk ?? loadWxSdk)();
    const platform = createWechatPlatform(sdk, env);
    let db: Db;
    try {
      db = await (deps.db ?? (() => defaultDb(env)))();
    } catch (error) {
      console.error(`[${fn}] database unavailable`, error);
      return fail('INTERNAL');
    }
    const wxContext = sdk.getWXContext();
    const ctx: CallContext = {
      db,
      platform,
      identity: platform.identity.identify({ wxContext }),
      storeId: env.STORE_ID ?? 'demo',
      now: deps.now?.() ?? new Date(),
      requestId: randomUUID(),
      clientIp: wxContext.CLIENTIP ?? wxContext.CLIENTIPV6 ?? null,
      rateLimiter,
    };
    try {
      return await dispatch(fn, event, ctx);
    } catch (error) {
      // A bug: log it for the cloud console, never hand a stack trace to the client.
      console.error(`[${fn}] unhandled error`, error);
      return fail('INTERNAL');
    }
  };
}

/** Functions WeChat Pay calls with its result event (not through the dispatcher: no caller identity). */
export const CALLBACK_FUNCTIONS = ['payCallback', 'refundCallback'] as const;
export type CallbackFunction = (typeof CALLBACK_FUNCTIONS)[number];

/**
 * `getWXContext().SOURCE` of an invocation by WeChat Pay's callback (CloudBase documents the values:
 * `wx_client` for a mini program's callFunction, `wx_trigger` for a timer trigger, `wx_paycallback` for
 * WeChat Pay). SOURCE is set by WeChat and follows the call chain (`wx_client,scf` when a function
 * calls another), so nothing a client sends can make it read `wx_paycallback`.
 */
const PAY_CALLBACK_SOURCE = 'wx_paycallback';
/** `SOURCE` of a timer trigger's invocation. */
const TIMER_SOURCE = 'wx_trigger';

/** One structured line an operator's log alert can match on: somebody invoked what only WeChat may. */
function refuseInvocation(fn: string, source: string | undefined, event: unknown) {
  const keys = event && typeof event === 'object' ? Object.keys(event).slice(0, 10) : [];
  console.warn(JSON.stringify({ alert: 'invocation_refused', function: fn, source: source ?? null, eventKeys: keys }));
}

/**
 * payCallback / refundCallback: WeChat Pay calls these with the payment or refund result. Only an
 * invocation WeChat marks as WeChat Pay's is looked at; any other (a client's `wx.cloud.callFunction`,
 * another function) is refused and writes nothing. Even then the event is not believed: the handler
 * asks WeChat Pay (`queryOrder` / `queryRefund`) before any money moves. `{ errcode: 0 }` stops
 * WeChat's retries; a thrown error (database down, WeChat Pay not answering) answers non-zero so WeChat
 * delivers again later.
 */
export function createCallbackFunction(name: CallbackFunction, deps: CloudDeps = {}) {
  const env = deps.env ?? process.env;
  const configError = startupConfigError(name, deps, env, false);
  return async function main(event: unknown): Promise<{ errcode: number; errmsg: string }> {
    // Not recorded: WeChat Pay delivers again once the configuration is fixed.
    if (configError) return { errcode: 1, errmsg: 'function misconfigured, retry later' };
    const sdk = (deps.sdk ?? loadWxSdk)();
    const source = sdk.getWXContext().SOURCE;
    if (source !== PAY_CALLBACK_SOURCE) {
      refuseInvocation(name, source, event);
      return { errcode: 1, errmsg: 'refused: only WeChat Pay may invoke this function' };
    }
    try {
      const db = await (deps.db ?? (() => defaultDb(env)))();
      const now = deps.now?.() ?? new Date();
      const pay = createWechatPlatform(sdk, env).pay;
      const { handlePayCallback, handleRefundCallback } = await import('../payment');
      return name === 'payCallback'
        ? await handlePayCallback(db, event, now, pay)
        : await handleRefundCallback(db, event, now, pay);
    } catch (error) {
      console.error(`[${name}] not recorded, WeChat will retry`, error);
      return { errcode: 1, errmsg: 'not recorded, retry later' };
    }
  };
}

/**
 * Whether an invocation is the function's own timer trigger: WeChat marks it `wx_trigger` and the SCF
 * timer event carries `{ Type: 'Timer', TriggerName }` with the trigger's name from config.json.
 */
function isOwnTrigger(name: string, source: string | undefined, event: unknown): boolean {
  if (source !== TIMER_SOURCE || !event || typeof event !== 'object') return false;
  const { Type, TriggerName } = event as { Type?: unknown; TriggerName?: unknown };
  return typeof Type === 'string' && Type.toLowerCase() === 'timer' && TriggerName === `${name}Trigger`;
}

/**
 * A timer function: runs its job once per trigger, under its lock. Anything but its own trigger (a
 * client's callFunction, a forged timer event) is refused before the database is opened.
 */
export function createTimerFunction(name: string, deps: CloudDeps = {}) {
  const env = deps.env ?? process.env;
  const configError = startupConfigError(name, deps, env, false);
  return async function main(event?: unknown): Promise<Record<string, unknown>> {
    if (configError) throw configError;
    const { findTimer } = await import('../timers/timers');
    const timer = findTimer(name);
    if (!timer) throw new Error(`unknown timer ${name}`);
    const sdk = (deps.sdk ?? loadWxSdk)();
    const source = sdk.getWXContext().SOURCE;
    if (!isOwnTrigger(name, source, event)) {
      refuseInvocation(name, source, event);
      return { ran: false, refused: 'only its own timer trigger may run this function' };
    }
    const db = await (deps.db ?? (() => defaultDb(env)))();
    const ctx: CallContext = {
      db,
      platform: createWechatPlatform(sdk, env),
      identity: { openid: null, source: 'none' },
      storeId: env.STORE_ID ?? 'demo',
      now: deps.now?.() ?? new Date(),
      requestId: randomUUID(),
      clientIp: null,
    };
    const outcome = await db.withTimerLease(timer.name, timerLeaseMs(timer.name), () => timer.run(ctx));
    return outcome.ran ? { ran: true, ...outcome.value } : { ran: false };
  };
}
