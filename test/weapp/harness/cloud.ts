import { randomUUID } from 'node:crypto';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { FUNCTION_NAMES, dispatch } from '../../../cloudfunctions/core/dispatcher';
import type { Envelope } from '../../../cloudfunctions/core/errors';
import { fail, httpStatusOf } from '../../../cloudfunctions/core/errors';
import {
  CALLBACK_FUNCTIONS,
  createCallbackFunction,
  createCloudFunction,
  createTimerFunction,
  createWechatPlatform,
} from '../../../cloudfunctions/core/runtime/cloud-main';
import type { WxServerSdk } from '../../../cloudfunctions/core/platform/wechat/sdk';
import { timers } from '../../../cloudfunctions/core/timers/timers';
import { fakeWechat } from '../../support/fake-wechat';

/** The deployed functions' environment on WeChat Cloud (the secrets WeChat Cloud would hold). */
const CLOUD_ENV = {
  MEMBER_CODE_SECRET: 'weapp-harness-member-code-secret-0123456789',
  WX_PAY_SUB_MCH_ID: '1900000109',
};

/** A payment WeChat Pay prepared (`cloudPay.unifiedOrder`), found again by its `package`. */
interface Prepared {
  outTradeNo: string;
  totalFee: number;
}

/**
 * WeChat Cloud in this process: `wx.cloud.callFunction` reaches the real deployed function adapters
 * (`createCloudFunction`, the payment callbacks, the timers) over the test's database, with
 * wx-server-sdk faked at its boundary (`test/support/fake-wechat.ts`): `getWXContext()` says which
 * WeChat user called, and cloudPay keeps books of what was really paid.
 */
export function createCloud(db: Db) {
  // member codes are signed with this secret on WeChat Cloud (the functions read it from process.env).
  process.env.MEMBER_CODE_SECRET ??= CLOUD_ENV.MEMBER_CODE_SECRET;
  const wechat = fakeWechat();
  const prepared = new Map<string, Prepared>();
  let seq = 0;
  let openid: string | null = null;

  /** The SDK as one invocation sees it; unifiedOrder remembers what it prepared under a unique package. */
  const sdkFor = (context: { SOURCE: string; OPENID?: string }): WxServerSdk => {
    const sdk = wechat.sdk(context);
    const base = sdk.cloudPay!;
    return {
      ...sdk,
      cloudPay: {
        ...base,
        unifiedOrder: async (params) => {
          const answer = await base.unifiedOrder(params);
          const pkg = `prepay_id=wx${Date.now().toString(36)}${++seq}`;
          prepared.set(pkg, { outTradeNo: String(params.outTradeNo), totalFee: Number(params.totalFee) });
          return {
            ...answer,
            payment: { ...answer.payment, package: pkg, timeStamp: String(Math.floor(Date.now() / 1000)) },
          };
        },
      },
    };
  };
  const deps = (source: string) => ({
    sdk: () => sdkFor(source === 'wx_client' && openid ? { SOURCE: source, OPENID: openid } : { SOURCE: source }),
    db: async () => db,
    env: CLOUD_ENV,
  });

  const functions = new Map<string, (event: unknown) => Promise<unknown>>();
  const fnFor = (name: string): ((event: unknown) => Promise<unknown>) | null => {
    if (functions.has(name)) return functions.get(name)!;
    let fn: ((event: unknown) => Promise<unknown>) | null = null;
    if (FUNCTION_NAMES.includes(name)) fn = createCloudFunction(name, deps('wx_client'));
    else if ((CALLBACK_FUNCTIONS as readonly string[]).includes(name))
      fn = createCallbackFunction(name as (typeof CALLBACK_FUNCTIONS)[number], deps('wx_client'));
    else if (timers.some((t) => t.name === name)) fn = createTimerFunction(name, deps('wx_client'));
    if (fn) functions.set(name, fn);
    return fn;
  };

  return {
    db,
    wechat,
    /** The WeChat user the mini program runs as (null: not signed in to WeChat, which never happens on a phone). */
    get openid() {
      return openid;
    },
    signIn(next: string | null) {
      openid = next;
    },
    /**
     * `wx.cloud.callFunction`: the function's answer as `result`, or WeChat's own failure for a name
     * that is not deployed (errCode -501000).
     */
    async callFunction(
      name: string,
      data: unknown,
    ): Promise<{ result: unknown } | { errCode: number; errMsg: string }> {
      const fn = fnFor(name);
      if (!fn) {
        return {
          errCode: -501000,
          errMsg: `cloud.callFunction:fail -501000 FunctionName parameter could not be found (${name})`,
        };
      }
      return { result: await fn(data) };
    },
    /** Calls an action as `who` through the same deployed function (test setup and server-side checks). */
    async call<T = unknown>(who: string, name: string, data: unknown = {}, idempotencyKey?: string): Promise<T> {
      const [fn, action] = name.split('.');
      const saved = openid;
      openid = who;
      try {
        const answer = (await fnFor(fn!)!({
          action,
          data,
          idempotencyKey: idempotencyKey ?? `weapp-${randomUUID()}`,
        })) as Envelope<T>;
        if (!answer.ok) throw new Error(`${name} as ${who} failed: ${answer.error.code} ${answer.error.message}`);
        return answer.data;
      } finally {
        openid = saved;
      }
    },
    /**
     * A self-hosted gateway behind `wx.request` (the weapp built with TARO_APP_API_MODE=http):
     * `POST <base>/api/auth/login` answers a session token for the signed-in WeChat user and
     * `POST <base>/api/fn/<fn>` runs the dispatcher as that user, with the gateway's HTTP statuses.
     */
    async request(url: string, method: string, data: unknown): Promise<{ statusCode: number; data: unknown }> {
      const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').split('?')[0]!;
      if (method.toUpperCase() !== 'POST') return { statusCode: 404, data: fail('NOT_FOUND', undefined, { path }) };
      if (path === '/api/auth/login') {
        if (!openid) return { statusCode: 401, data: fail('UNAUTHENTICATED') };
        const expiresAt = new Date(Date.now() + 3600_000).toISOString();
        return { statusCode: 200, data: { ok: true, data: { token: `harness.${openid}`, expiresAt } } };
      }
      const fn = /^\/api\/fn\/([A-Za-z]+)$/.exec(path)?.[1];
      if (!fn) return { statusCode: 404, data: fail('NOT_FOUND', undefined, { path }) };
      const envelope = await dispatch(fn, data, {
        db,
        platform: createWechatPlatform(sdkFor({ SOURCE: 'wx_client' }), CLOUD_ENV),
        identity: openid ? { openid, source: 'session' } : { openid: null, source: 'none' },
        storeId: 'demo',
        now: new Date(),
        requestId: randomUUID(),
        clientIp: '127.0.0.1',
      });
      return { statusCode: httpStatusOf(envelope), data: envelope };
    },
    /**
     * The customer pays in WeChat Pay's sheet: WeChat books the transaction for the prepared
     * payment and delivers its callback to the deployed payCallback (as WeChat Pay, SOURCE
     * wx_paycallback). Returns the callback's answer; unknown `package` means the page asked WeChat
     * Pay for something the server never prepared.
     */
    async pay(pkg: string): Promise<{ errcode: number; errmsg: string }> {
      const p = prepared.get(pkg);
      if (!p) throw new Error(`requestPayment with a package WeChat Pay never prepared: ${pkg}`);
      const event = wechat.pays({ orderNo: p.outTradeNo, payableFen: p.totalFee });
      const callback = createCallbackFunction('payCallback', {
        sdk: () => sdkFor({ SOURCE: 'wx_paycallback' }),
        db: async () => db,
        env: CLOUD_ENV,
      });
      return callback(event);
    },
    prepared,
  };
}

export type Cloud = ReturnType<typeof createCloud>;
