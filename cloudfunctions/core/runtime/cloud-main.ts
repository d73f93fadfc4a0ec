import { randomUUID } from 'node:crypto';
import type { CallContext } from '../context';
import { openDb, type Db } from '../db/db';
import { dispatch } from '../dispatcher';
import { fail, type Envelope } from '../errors';
import type { Platform } from '../platform/platform';
import { wechatIdentity } from '../platform/wechat/identity.wechat';
import { loadWxSdk, type WxServerSdk } from '../platform/wechat/sdk';

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
  sharedDb ??= openDb({ databaseUrl: env.DATABASE_URL, poolSize: 2 });
  return sharedDb;
}

/**
 * A deployed cloud function: build the context from WeChat's, hand the event to the dispatcher.
 * `event` is what `Taro.cloud.callFunction({ name, data })` sent as `data`: `{ action, data, idempotencyKey }`.
 */
export function createCloudFunction(fn: string, deps: CloudDeps = {}) {
  const env = deps.env ?? process.env;
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    const sdk = (deps.sdk ?? loadWxSdk)();
    const platform: Platform = { name: 'wechat', identity: wechatIdentity };
    let db: Db;
    try {
      db = await (deps.db ?? (() => defaultDb(env)))();
    } catch (error) {
      console.error(`[${fn}] database unavailable`, error);
      return fail('INTERNAL');
    }
    const ctx: CallContext = {
      db,
      platform,
      identity: platform.identity.identify({ wxContext: sdk.getWXContext() }),
      storeId: env.STORE_ID ?? 'demo',
      now: deps.now?.() ?? new Date(),
      requestId: randomUUID(),
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
