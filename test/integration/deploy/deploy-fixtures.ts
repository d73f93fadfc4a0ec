/** The fixtures the deploy suites share: credentials, env files, a recorded CI and deploy library. */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployedFunctionNames, functionConfig, type BuiltFunction } from '../../../scripts/build-functions';
import type { DeployDeps } from '../../../scripts/deploy/deploy-functions';
import type { CiModule } from '../../../scripts/deploy/ci-project';
import type { DeployApi, RemoteFunction } from '../../../scripts/deploy/deploy-api';
import { FUNCTION_PERMISSIONS } from '../../../cloudfunctions/core/runtime/function-permissions';

export const dir = mkdtempSync(join(tmpdir(), 'deploy-test-'));
const keyPath = join(dir, 'private.wx0123456789abcdef.key');
writeFileSync(
  keyPath,
  generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }),
);
export const CREDENTIALS = {
  WX_APPID: 'wx0123456789abcdef',
  WX_PRIVATE_KEY_PATH: keyPath,
  WX_CLOUD_ENV: 'shop-prod-1a2b3c',
};
export const CLOUD_CREDENTIALS = {
  TCB_SECRET_ID: 'AKIDabcdefghijklmnop0123456789',
  TCB_SECRET_KEY: 'secret-key-of-the-account',
  WX_CLOUD_ENV: 'shop-prod-1a2b3c',
};

/** A complete functions' environment, as an operator would write it. */
export const ENV = {
  DATABASE_URL: 'postgres://shop:pw@10.0.0.5:5432/shop',
  MEMBER_CODE_SECRET: 'a'.repeat(64),
  WX_PAY_SUB_MCH_ID: '1900000109',
  STORE_ID: 'qinghe-01',
};
export function envFile(vars: Record<string, string>, extra = ''): string {
  const path = join(mkdtempSync(join(dir, 'env-')), '.env.cloud');
  writeFileSync(
    path,
    `# the functions' environment\n${Object.entries(vars)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n')}\n${extra}`,
  );
  return path;
}
export const ENV_FILE = envFile(ENV);

/** What the build answers (the real build is exercised by the function-size budget test). */
const fakeBuild = async (): Promise<BuiltFunction[]> =>
  deployedFunctionNames().map((name, i) => ({
    name,
    bytes: 200_000 + i * 1024,
    config: functionConfig(name),
    cloudPay: [...FUNCTION_PERMISSIONS[name]!.cloudPay],
  }));

/** miniprogram-ci replaced at its boundary: records every call; nothing reaches WeChat. */
export function recordingCi() {
  const calls: Array<{ api: string; options: Record<string, any> }> = [];
  const ci: CiModule = {
    Project: class {
      constructor(readonly options: Record<string, unknown>) {
        calls.push({ api: 'Project', options });
      }
    },
    upload: async (options) => void calls.push({ api: 'upload', options }),
    preview: async (options) => void calls.push({ api: 'preview', options }),
  };
  return { ci, calls };
}

export const noCi = (): CiModule => {
  throw new Error('miniprogram-ci must not be loaded');
};

/**
 * The CloudBase deploy library replaced at its port: an environment holding `existing` functions,
 * every call recorded; `fail` answers one call (by api and function) with a returned error or a throw.
 */
export function recordingApi(
  existing: Record<string, RemoteFunction> = {},
  fail?: { api: string; fn: string; answer: unknown; throws?: boolean },
) {
  const calls: Array<{ api: string; fn: string; args: any }> = [];
  const record = (api: string, fn: string, args: unknown) => {
    calls.push({ api, fn, args });
    if (fail && fail.api === api && fail.fn === fn) {
      if (fail.throws) throw fail.answer;
      return fail.answer;
    }
    return { RequestId: `req-${calls.length}` };
  };
  const api: DeployApi = {
    getFunction: async (name) => (calls.push({ api: 'getFunction', fn: name, args: null }), existing[name] ?? null),
    createFunction: async (spec) => record('createFunction', spec.name, spec),
    updateFunctionCode: async (spec) => record('updateFunctionCode', spec.name, spec),
    updateFunctionConfig: async (spec) => record('updateFunctionConfig', spec.name, spec),
    createTimer: async (fn, trigger) => record('createTimer', fn, trigger),
    deleteTimer: async (fn, name) => record('deleteTimer', fn, name),
  };
  const credentialsSeen: unknown[] = [];
  return { calls, credentialsSeen, factory: (c: unknown) => (credentialsSeen.push(c), api) };
}

const noApi = (): DeployApi => {
  throw new Error('the deploy library must not be loaded');
};

export const outDir = mkdtempSync(join(dir, 'out-'));
export const deps = (over: Partial<DeployDeps> = {}): DeployDeps => ({
  env: CLOUD_CREDENTIALS,
  build: fakeBuild,
  api: noApi,
  log: () => undefined,
  outDir,
  ...over,
});
export const TIMERS = [
  'birthdayTimer',
  'exportWorker',
  'groupbuyTimer',
  'nudgeTimer',
  'orderTimer',
  'outboxWorker',
  'pointsTimer',
  'tierReviewTimer',
];
