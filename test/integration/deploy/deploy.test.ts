import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployedFunctionNames, functionConfig, FUNCTIONS_OUT, type BuiltFunction } from '../../../scripts/build-functions';
import { deployFunctions } from '../../../scripts/deploy/deploy-functions';
import { uploadMiniProgram } from '../../../scripts/deploy/upload';
import { CredentialError } from '../../../scripts/deploy/credentials';
import type { CiModule } from '../../../scripts/deploy/ci-project';
import { FUNCTION_PERMISSIONS } from '../../../cloudfunctions/core/runtime/function-permissions';

const dir = mkdtempSync(join(tmpdir(), 'deploy-test-'));
const keyPath = join(dir, 'private.wx0123456789abcdef.key');
writeFileSync(keyPath, generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }));
const CREDENTIALS = { WX_APPID: 'wx0123456789abcdef', WX_PRIVATE_KEY_PATH: keyPath, WX_CLOUD_ENV: 'shop-prod-1a2b3c' };

/** What the build answers (the real build is exercised by the function-size budget test). */
const fakeBuild = async (): Promise<BuiltFunction[]> =>
  deployedFunctionNames().map((name, i) => ({ name, bytes: 200_000 + i * 1024, config: functionConfig(name), cloudPay: [...FUNCTION_PERMISSIONS[name]!.cloudPay] }));

/** miniprogram-ci replaced at its boundary: records every call; nothing reaches WeChat. */
function recordingCi() {
  const calls: Array<{ api: string; options: Record<string, any> }> = [];
  const ci: CiModule = {
    Project: class {
      constructor(readonly options: Record<string, unknown>) {
        calls.push({ api: 'Project', options });
      }
    },
    upload: async (options) => void calls.push({ api: 'upload', options }),
    preview: async (options) => void calls.push({ api: 'preview', options }),
    cloud: {
      uploadFunction: async (options) => void calls.push({ api: 'cloud.uploadFunction', options }),
      createTimeTrigger: async (options) => void calls.push({ api: 'cloud.createTimeTrigger', options }),
    },
  };
  return { ci, calls };
}

const noCi = (): CiModule => {
  throw new Error('miniprogram-ci must not be loaded');
};

describe('config.json per function, from the one permissions table', () => {
  it('lists exactly the openapi calls each function makes, and each timer trigger as a 7-field cron', () => {
    expect(functionConfig('member')).toEqual({ permissions: { openapi: ['phonenumber.getPhoneNumber'] } });
    expect(functionConfig('order')).toEqual({ permissions: { openapi: [] } });
    expect(functionConfig('catalog')).toEqual({ permissions: { openapi: [] } });
    expect(functionConfig('outboxWorker')).toEqual({
      permissions: { openapi: ['subscribeMessage.send', 'wxa.sec.order.uploadShippingInfo'] },
      triggers: [{ name: 'outboxWorkerTrigger', type: 'timer', config: '30 * * * * * *' }],
    });
    expect(functionConfig('pointsTimer').triggers).toEqual([{ name: 'pointsTimerTrigger', type: 'timer', config: '0 10 0 * * * *' }]);
    for (const name of deployedFunctionNames()) {
      for (const trigger of functionConfig(name).triggers ?? []) expect(trigger.config.split(' ')).toHaveLength(7);
    }
  });

  it('refuses to build a function nobody declared permissions for', () => {
    expect(() => functionConfig('mystery')).toThrow('mystery is not in FUNCTION_PERMISSIONS');
  });
});

describe('npm run deploy:functions', () => {
  it('--dry-run prints names, sizes, permissions and triggers, without credentials or miniprogram-ci', async () => {
    const lines: string[] = [];
    expect(await deployFunctions(['--dry-run'], { env: {}, build: fakeBuild, ci: noCi, log: (l) => lines.push(l) })).toBe(0);
    expect(lines[0]).toMatch(/^function\s+size\s+openapi permissions\s+cloudPay\s+timer \(cron, UTC\+8\)$/);
    expect(lines.find((l) => l.startsWith('member '))).toMatch(/KB\s+phonenumber\.getPhoneNumber\s+-\s+-$/);
    expect(lines.find((l) => l.startsWith('order '))).toMatch(/KB\s+-\s+cloudPay\.unifiedOrder\s+-$/);
    expect(lines.find((l) => l.startsWith('outboxWorker '))).toMatch(/subscribeMessage\.send, wxa\.sec\.order\.uploadShippingInfo\s+cloudPay\.refund\s+30 \* \* \* \* \* \*$/);
    expect(lines.at(-1)).toMatch(new RegExp(`^dry run: ${deployedFunctionNames().length} functions, [\\d.]+ KB, in .*build/functions; nothing uploaded$`));
  });

  it('without credentials fails at once, naming each one and where to get it, before building or loading miniprogram-ci', async () => {
    let built = false;
    const error = await deployFunctions([], { env: {}, build: async () => ((built = true), []), ci: noCi, log: () => undefined }).catch((e) => e);
    expect(error).toBeInstanceOf(CredentialError);
    expect((error as CredentialError).problems).toEqual([
      "WX_APPID is not set: the mini program's AppID, mp.weixin.qq.com → 开发管理 → 开发设置",
      expect.stringMatching(/^WX_PRIVATE_KEY_PATH is not set: the path of private\.<appid>\.key; download the code-upload key at mp\.weixin\.qq\.com → 开发管理 → 开发设置 → 小程序代码上传/),
      'WX_CLOUD_ENV is not set: the cloud environment id, WeChat DevTools → 云开发 → 设置 → 环境名称/环境 ID',
    ]);
    expect(built).toBe(false);
  });

  it('an unreadable key file is named with its path and the reason', async () => {
    const env = { ...CREDENTIALS, WX_PRIVATE_KEY_PATH: join(dir, 'nope.key') };
    const error = (await deployFunctions([], { env, build: fakeBuild, ci: noCi, log: () => undefined }).catch((e) => e)) as CredentialError;
    expect(error.problems).toEqual([expect.stringContaining(`WX_PRIVATE_KEY_PATH points at ${join(dir, 'nope.key')}, which cannot be read (ENOENT)`)]);
  });

  it('uploads every function from build/functions with remote npm install, and creates each timer trigger', async () => {
    const { ci, calls } = recordingCi();
    await deployFunctions([], { env: CREDENTIALS, build: fakeBuild, ci: () => ci, log: () => undefined });
    expect(calls[0]).toMatchObject({ api: 'Project', options: { appid: 'wx0123456789abcdef', type: 'miniProgram', privateKeyPath: keyPath } });
    const uploads = calls.filter((c) => c.api === 'cloud.uploadFunction');
    expect(uploads.map((c) => c.options.name)).toEqual(deployedFunctionNames());
    expect(uploads[0]!.options).toMatchObject({ env: 'shop-prod-1a2b3c', path: join(FUNCTIONS_OUT, uploads[0]!.options.name), remoteNpmInstall: true });
    const triggers = calls.filter((c) => c.api === 'cloud.createTimeTrigger');
    expect(triggers.map((c) => c.options.functionName).sort()).toEqual(['birthdayTimer', 'groupbuyTimer', 'nudgeTimer', 'orderTimer', 'outboxWorker', 'pointsTimer', 'tierReviewTimer']);
    expect(triggers.find((c) => c.options.functionName === 'orderTimer')!.options).toMatchObject({
      envId: 'shop-prod-1a2b3c',
      triggersConfig: [{ name: 'orderTimerTrigger', type: 'timer', config: '0 * * * * * *' }],
    });
  });

  it('--only uploads the named functions and refuses unknown names', async () => {
    const { ci, calls } = recordingCi();
    await deployFunctions(['--only=order,member'], { env: CREDENTIALS, build: fakeBuild, ci: () => ci, log: () => undefined });
    expect(calls.filter((c) => c.api === 'cloud.uploadFunction').map((c) => c.options.name)).toEqual(['member', 'order']);
    await expect(deployFunctions(['--only=ordr', '--dry-run'], { env: {}, build: fakeBuild, ci: noCi, log: () => undefined })).rejects.toThrow('--only names unknown functions: ordr');
  });
});

describe('npm run upload / npm run preview', () => {
  const weappDir = mkdtempSync(join(tmpdir(), 'weapp-'));
  writeFileSync(join(weappDir, 'app.json'), '{"pages":["pages/home/index"]}');

  it('upload sends the project with the package version, a description and the robot', async () => {
    const { ci, calls } = recordingCi();
    await uploadMiniProgram(['--desc=first release'], { env: CREDENTIALS, ci: () => ci, log: () => undefined, weappDir });
    expect(calls[1]).toMatchObject({ api: 'upload', options: { version: '0.1.0', desc: 'first release', robot: 1, setting: { minify: true } } });
  });

  it('preview prints its QR code to the terminal', async () => {
    const { ci, calls } = recordingCi();
    await uploadMiniProgram(['--preview'], { env: CREDENTIALS, ci: () => ci, log: () => undefined, weappDir });
    expect(calls[1]).toMatchObject({ api: 'preview', options: { qrcodeFormat: 'terminal', desc: 'storefront 0.1.0' } });
  });

  it('needs only the appid and key (no cloud env), and a built dist/weapp', async () => {
    const missing = (await uploadMiniProgram([], { env: { WX_APPID: 'wx0123456789abcdef' }, ci: noCi, log: () => undefined, weappDir }).catch((e) => e)) as CredentialError;
    expect(missing.problems).toEqual([expect.stringMatching(/^WX_PRIVATE_KEY_PATH is not set/)]);
    const unbuilt = (await uploadMiniProgram([], { env: CREDENTIALS, ci: noCi, log: () => undefined, weappDir: join(dir, 'no-weapp') }).catch((e) => e)) as CredentialError;
    expect(unbuilt.problems[0]).toMatch(/app\.json does not exist: run `npm run build:weapp` first/);
  });
});
