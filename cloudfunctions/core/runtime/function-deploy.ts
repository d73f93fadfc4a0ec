/**
 * How each deployed function runs on WeChat Cloud (CloudBase), in one table beside
 * FUNCTION_PERMISSIONS: runtime, timeout, memory and who may invoke it. `npm run deploy:functions`
 * applies it; the client-invoke security rules are derived from `calledBy`.
 */

/**
 * The Node runtime of every function. CloudBase fixes a function's runtime when it is created (no
 * API changes it later), and a function created by miniprogram-ci lands on Nodejs8.9, where our
 * bundles are a SyntaxError. scripts/build-functions.ts derives its esbuild target from this
 * (`node16`), so the bundle and the runtime cannot drift apart.
 */
export const FUNCTION_RUNTIME = 'Nodejs16.13';

/**
 * Who invokes a function. Only `client` functions may be called with `wx.cloud.callFunction`;
 * the others are closed to clients by the environment's function security rules, because a client
 * that could call payCallback could claim a payment, and one that could call a timer could run it
 * at will.
 */
export type FunctionCaller = 'client' | 'wechat-pay' | 'timer';

export interface FunctionDeploy {
  /** Seconds. WeChat's console accepts 1-60; CloudBase's default of 3 s is less than a cold start with a database connection. */
  timeoutSeconds: number;
  memoryMb: 128 | 256 | 512 | 1024;
  calledBy: FunctionCaller;
}

/** The most the WeChat Cloud console lets a function run. */
export const MAX_TIMEOUT_SECONDS = 60;

// A client call waits for a cold start, the pool's first connection and one transaction.
const client: FunctionDeploy = { timeoutSeconds: 10, memoryMb: 256, calledBy: 'client' };
// WeChat Pay retries a callback that fails or times out, so a short timeout loses nothing.
const payCallback: FunctionDeploy = { timeoutSeconds: 10, memoryMb: 256, calledBy: 'wechat-pay' };
// Timers work through batches; the timer's lease keeps a slow run and the next trigger apart.
const minuteTimer: FunctionDeploy = { timeoutSeconds: 30, memoryMb: 256, calledBy: 'timer' };
const batchTimer: FunctionDeploy = { timeoutSeconds: 60, memoryMb: 256, calledBy: 'timer' };

export const FUNCTION_DEPLOY: Record<string, FunctionDeploy> = {
  catalog: client,
  coupon: client,
  manager: client,
  member: client,
  // order.pay waits for cloudPay.unifiedOrder as well as the database.
  order: { ...client, timeoutSeconds: 15 },
  referral: client,
  groupbuy: client,
  staff: client,
  shop: client,
  payCallback,
  refundCallback: payCallback,
  orderTimer: minuteTimer,
  groupbuyTimer: minuteTimer,
  // Each run drains the outbox: refunds, subscribe messages and shipping uploads, one WeChat call each.
  outboxWorker: batchTimer,
  pointsTimer: batchTimer,
  tierReviewTimer: batchTimer,
  birthdayTimer: batchTimer,
  nudgeTimer: batchTimer,
  // A 100k-order XLSX takes tens of seconds in exceljs: the longest timeout WeChat Cloud allows, and the
  // memory for exceljs' zip stream beside a page of rows. The job lease (2 min) outlasts the timeout.
  exportWorker: { timeoutSeconds: MAX_TIMEOUT_SECONDS, memoryMb: 1024, calledBy: 'timer' },
};

export function deployOf(fn: string): FunctionDeploy | undefined {
  return Object.hasOwn(FUNCTION_DEPLOY, fn) ? FUNCTION_DEPLOY[fn] : undefined;
}

/** The Node major a runtime name stands for (`Nodejs16.13` -> 16), or null for another language. */
export function nodeMajorOf(runtime: string): number | null {
  const m = /^Nodejs(\d+)(?:\.\d+)*$/.exec(runtime);
  return m ? Number(m[1]) : null;
}
