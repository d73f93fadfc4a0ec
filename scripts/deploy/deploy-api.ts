/**
 * The few CloudBase calls the function deployment makes, as a port: scripts/deploy/cloudbase-api.ts
 * implements it with @cloudbase/manager-node, tests with a recorder.
 */

/** One function as the deployment wants it. */
export interface FunctionSpec {
  name: string;
  runtime: string;
  timeoutSeconds: number;
  memoryMb: number;
  /** Applied whole: CloudBase replaces a function's environment on every configuration update. */
  environment: Record<string, string>;
  /** The folder holding index.js, package.json and config.json (wx-server-sdk is installed in the cloud). */
  codeDir: string;
}

export interface TimerTrigger {
  name: string;
  /** 7-field cron, UTC+8. */
  cron: string;
}

export interface RemoteFunction {
  runtime: string;
  timers: TimerTrigger[];
}

export interface DeployApi {
  /** The function as it is now, or null when the environment has none of that name. */
  getFunction(name: string): Promise<RemoteFunction | null>;
  /** Creates it with code, runtime, timeout, memory and environment, and waits until it is active. */
  createFunction(spec: FunctionSpec): Promise<unknown>;
  /** New code for an existing function; waits until it is active again. */
  updateFunctionCode(spec: FunctionSpec): Promise<unknown>;
  /** Timeout, memory and environment of an existing function (its runtime cannot change). */
  updateFunctionConfig(spec: FunctionSpec): Promise<unknown>;
  createTimer(functionName: string, trigger: TimerTrigger): Promise<unknown>;
  deleteTimer(functionName: string, triggerName: string): Promise<unknown>;
}

/**
 * Why a call's result is a failure, or null. Deploy libraries do not all throw: miniprogram-ci
 * answers some failures with a string, Tencent Cloud APIs with `{ Error: { Code, Message } }`,
 * WeChat APIs with a non-zero `errcode`; each of these stops the deploy like a throw.
 */
export function failureOf(result: unknown): string | null {
  if (typeof result === 'string') return result || 'empty error string';
  if (result === null || typeof result !== 'object') return null;
  const r = result as Record<string, any>;
  const apiError = r.Error ?? r.Response?.Error;
  if (apiError) return `${apiError.Code ?? 'Error'}: ${apiError.Message ?? JSON.stringify(apiError)}`;
  for (const key of ['errcode', 'errCode']) {
    if (typeof r[key] === 'number' && r[key] !== 0) return `${key} ${r[key]}: ${r.errmsg ?? r.errMsg ?? ''}`.trim();
  }
  if (r instanceof Error) return r.message;
  return null;
}
