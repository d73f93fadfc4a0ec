import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployedFunctionNames, ESBUILD_TARGET, functionConfig, FUNCTIONS_OUT } from '../../../scripts/build-functions';
import { deployFunctions, DeployError } from '../../../scripts/deploy/deploy-functions';
import { CredentialError } from '../../../scripts/deploy/credentials';
import { EnvFileError } from '../../../scripts/deploy/env-file';
import { FUNCTION_PERMISSIONS } from '../../../cloudfunctions/core/runtime/function-permissions';
import { FUNCTION_DEPLOY, FUNCTION_RUNTIME } from '../../../cloudfunctions/core/runtime/function-deploy';
import { CALLBACK_FUNCTIONS } from '../../../cloudfunctions/core/runtime/cloud-main';
import { timers } from '../../../cloudfunctions/core/timers/timers';
import { dir, CLOUD_CREDENTIALS, ENV, envFile, ENV_FILE, recordingApi, outDir, deps, TIMERS } from './deploy-fixtures';

describe('config.json per function, from the one permissions table', () => {
  it('lists exactly the openapi calls each function makes, and each timer trigger as a 7-field cron', () => {
    expect(functionConfig('member')).toEqual({ permissions: { openapi: ['phonenumber.getPhoneNumber'] } });
    expect(functionConfig('order')).toEqual({ permissions: { openapi: ['wxa.sec.order.getOrder'] } });
    expect(functionConfig('catalog')).toEqual({ permissions: { openapi: [] } });
    expect(functionConfig('outboxWorker')).toEqual({
      permissions: { openapi: ['subscribeMessage.send', 'wxa.sec.order.uploadShippingInfo'] },
      triggers: [{ name: 'outboxWorkerTrigger', type: 'timer', config: '30 * * * * * *' }],
    });
    expect(functionConfig('pointsTimer').triggers).toEqual([
      { name: 'pointsTimerTrigger', type: 'timer', config: '0 10 0 * * * *' },
    ]);
    for (const name of deployedFunctionNames()) {
      for (const trigger of functionConfig(name).triggers ?? []) expect(trigger.config.split(' ')).toHaveLength(7);
    }
  });

  it('refuses to build a function nobody declared permissions for', () => {
    expect(() => functionConfig('mystery')).toThrow('mystery is not in FUNCTION_PERMISSIONS');
  });
});

describe('the deployment table', () => {
  it('gives every deployed function a runtime the bundle is built for, a timeout, memory and its caller', () => {
    expect(Object.keys(FUNCTION_DEPLOY).sort()).toEqual([...deployedFunctionNames()].sort());
    expect(ESBUILD_TARGET).toBe(`node${/^Nodejs(\d+)/.exec(FUNCTION_RUNTIME)![1]}`);
    for (const [name, d] of Object.entries(FUNCTION_DEPLOY)) {
      const expected = timers.some((t) => t.name === name)
        ? 'timer'
        : (CALLBACK_FUNCTIONS as readonly string[]).includes(name)
          ? 'wechat-pay'
          : 'client';
      expect({ name, calledBy: d.calledBy }).toEqual({ name, calledBy: expected });
      // CloudBase's 3 s default is what broke cold starts; WeChat's console stops at 60 s.
      expect(d.timeoutSeconds).toBeGreaterThanOrEqual(d.calledBy === 'timer' ? 20 : 10);
      expect(d.timeoutSeconds).toBeLessThanOrEqual(60);
    }
    expect(FUNCTION_DEPLOY.outboxWorker!.timeoutSeconds).toBe(60);
  });
});

describe('npm run deploy:functions', () => {
  it('--dry-run prints names, sizes, permissions and triggers, without credentials or the deploy library', async () => {
    const lines: string[] = [];
    expect(
      await deployFunctions(
        ['--dry-run', `--env-file=${join(dir, 'absent.env')}`],
        deps({ env: {}, log: (l) => lines.push(l) }),
      ),
    ).toBe(0);
    expect(lines[0]).toMatch(/^function\s+size\s+openapi permissions\s+cloudPay\s+timer \(cron, UTC\+8\)$/);
    expect(lines.find((l) => l.startsWith('member '))).toMatch(/KB\s+phonenumber\.getPhoneNumber\s+-\s+-$/);
    expect(lines.find((l) => l.startsWith('order '))).toMatch(
      /KB\s+wxa\.sec\.order\.getOrder\s+cloudPay\.unifiedOrder\s+-$/,
    );
    expect(lines.find((l) => l.startsWith('outboxWorker '))).toMatch(
      /subscribeMessage\.send, wxa\.sec\.order\.uploadShippingInfo\s+cloudPay\.refund, cloudPay\.queryRefund\s+30 \* \* \* \* \* \*$/,
    );
    expect(lines.at(-1)).toMatch(
      new RegExp(
        `^dry run: ${deployedFunctionNames().length} functions, [\\d.]+ KB, in .*build/functions; nothing uploaded$`,
      ),
    );
  });

  it("--dry-run prints each function's runtime, timeout, memory, caller and the variables it needs (names only), and the security rules", async () => {
    const lines: string[] = [];
    await deployFunctions(['--dry-run', `--env-file=${ENV_FILE}`], deps({ env: {}, log: (l) => lines.push(l) }));
    const header = lines.findIndex((l) => /^function\s+runtime/.test(l));
    expect(lines[header]).toMatch(
      /^function\s+runtime\s+timeout\s+memory\s+invoked by\s+client-callable\s+environment it needs$/,
    );
    const rows = lines.slice(header + 1, header + 1 + deployedFunctionNames().length);
    expect(rows.map((r) => r.split(/\s+/)[0])).toEqual(deployedFunctionNames());
    for (const row of rows) expect(row).toMatch(/^\w+\s+Nodejs16\.13\s+\d+ s\s+\d+ MB\s+/);
    expect(rows.find((l) => l.startsWith('order '))).toMatch(
      /^order\s+Nodejs16\.13\s+15 s\s+256 MB\s+mini program \(signed in\)\s+yes\s+DATABASE_URL, MEMBER_CODE_SECRET, STORE_ID, WX_PAY_SUB_MCH_ID$/,
    );
    expect(rows.find((l) => l.startsWith('payCallback '))).toMatch(
      /^payCallback\s+Nodejs16\.13\s+10 s\s+256 MB\s+WeChat Pay only\s+no\s+DATABASE_URL, WX_PAY_SUB_MCH_ID$/,
    );
    expect(rows.find((l) => l.startsWith('outboxWorker '))).toMatch(
      /60 s\s+256 MB\s+its timer only\s+no\s+DATABASE_URL, STORE_ID, WX_PAY_SUB_MCH_ID$/,
    );
    expect(lines).toContain(
      `environment: ${ENV_FILE}, applied whole to every function: DATABASE_URL, MEMBER_CODE_SECRET, WX_PAY_SUB_MCH_ID, STORE_ID`,
    );
    expect(lines.join('\n')).not.toContain(ENV.MEMBER_CODE_SECRET);
    const rules = JSON.parse(readFileSync(join(outDir, 'security-rules.json'), 'utf8'));
    expect(rules).toEqual({
      '*': { invoke: 'auth != null' },
      payCallback: { invoke: false },
      refundCallback: { invoke: false },
      ...Object.fromEntries(TIMERS.map((t) => [t, { invoke: false }])),
    });
    expect(lines.find((l) => l.startsWith('security rules'))).toContain(JSON.stringify(rules));
    expect(lines.find((l) => l.startsWith('openapi permissions'))).toContain(
      'upload member, order, manager, referral, shop, outboxWorker once from DevTools',
    );
  });

  it('without credentials fails at once, naming each one and where to get it, before building or loading the deploy library', async () => {
    let built = false;
    const error = await deployFunctions([], deps({ env: {}, build: async () => ((built = true), []) })).catch((e) => e);
    expect(error).toBeInstanceOf(CredentialError);
    expect((error as CredentialError).problems).toEqual([
      expect.stringMatching(
        /^TCB_SECRET_ID is not set: the SecretId of a Tencent Cloud API key of the account that owns the cloud environment/,
      ),
      expect.stringMatching(/^TCB_SECRET_KEY is not set: the SecretKey of a Tencent Cloud API key/),
      'WX_CLOUD_ENV is not set: the cloud environment id, WeChat DevTools → 云开发 → 设置 → 环境名称/环境 ID',
    ]);
    expect(built).toBe(false);
  });

  it('refuses, before building or any call, when the env file lacks a variable a function needs, naming it and the functions', async () => {
    const { calls, factory } = recordingApi();
    let built = false;
    const { WX_PAY_SUB_MCH_ID: _, ...withoutMchId } = ENV;
    const error = (await deployFunctions(
      [`--env-file=${envFile({ ...withoutMchId, MEMBER_CODE_SECRET: 'short' })}`],
      deps({ api: factory, build: async () => ((built = true), []) }),
    ).catch((e) => e)) as EnvFileError;
    expect(error).toBeInstanceOf(EnvFileError);
    expect(error.problems).toEqual([
      expect.stringMatching(
        /MEMBER_CODE_SECRET is too short \(5 characters\).*\(needed by catalog, member, coupon, order, manager, staff, groupbuy, referral, shop\)$/,
      ),
      expect.stringMatching(
        /WX_PAY_SUB_MCH_ID is not set: .*\(needed by order, payCallback, refundCallback, outboxWorker\)$/,
      ),
    ]);
    expect(built).toBe(false);
    expect(calls).toEqual([]);
    const missing = (await deployFunctions([`--env-file=${join(dir, 'nope.env')}`], deps({ api: factory })).catch(
      (e) => e,
    )) as EnvFileError;
    expect(missing.problems[0]).toMatch(/nope\.env does not exist: copy scripts\/deploy\/cloud\.env\.example there/);
  });

  it('creates every missing function with runtime, timeout, memory, the whole environment and its timer trigger', async () => {
    const { calls, factory, credentialsSeen } = recordingApi();
    const extra = envFile({ ...ENV, SUBSCRIBE_TEMPLATE_IDS: '"tpl-1,tpl-2"' });
    expect(await deployFunctions([`--env-file=${extra}`], deps({ api: factory }))).toBe(0);
    expect(credentialsSeen).toEqual([
      {
        secretId: CLOUD_CREDENTIALS.TCB_SECRET_ID,
        secretKey: CLOUD_CREDENTIALS.TCB_SECRET_KEY,
        token: undefined,
        envId: 'shop-prod-1a2b3c',
      },
    ]);
    // Everything is read before anything is written.
    expect(calls.slice(0, deployedFunctionNames().length).map((c) => c.api)).toEqual(
      deployedFunctionNames().map(() => 'getFunction'),
    );
    const creates = calls.filter((c) => c.api === 'createFunction');
    expect(creates.map((c) => c.fn)).toEqual(deployedFunctionNames());
    for (const c of creates) {
      expect(c.args).toEqual({
        name: c.fn,
        runtime: 'Nodejs16.13',
        timeoutSeconds: FUNCTION_DEPLOY[c.fn]!.timeoutSeconds,
        memoryMb: FUNCTION_DEPLOY[c.fn]!.memoryMb,
        environment: { ...ENV, SUBSCRIBE_TEMPLATE_IDS: 'tpl-1,tpl-2' },
        codeDir: join(FUNCTIONS_OUT, c.fn),
      });
    }
    expect(creates.find((c) => c.fn === 'outboxWorker')!.args.timeoutSeconds).toBe(60);
    // Reports are built by the exportWorker timer: the longest timeout and room for exceljs.
    expect(creates.find((c) => c.fn === 'exportWorker')!.args).toMatchObject({ timeoutSeconds: 60, memoryMb: 1024 });
    expect(calls.filter((c) => c.api.startsWith('update') || c.api === 'deleteTimer')).toEqual([]);
    const triggers = calls.filter((c) => c.api === 'createTimer');
    expect(triggers.map((c) => c.fn).sort()).toEqual(TIMERS);
    expect(triggers.find((c) => c.fn === 'orderTimer')!.args).toEqual({
      name: 'orderTimerTrigger',
      cron: '0 * * * * * *',
    });
    // Each trigger follows its own function's creation.
    for (const t of triggers)
      expect(calls.indexOf(t)).toBeGreaterThan(calls.findIndex((c) => c.api === 'createFunction' && c.fn === t.fn));
  });

  it('updates an existing function (code, then configuration) instead of recreating it, and leaves an unchanged trigger alone', async () => {
    const { calls, factory } = recordingApi({
      orderTimer: { runtime: 'Nodejs16.13', timers: [{ name: 'orderTimerTrigger', cron: '0 * * * * * *' }] },
      member: { runtime: 'Nodejs18.15', timers: [] },
    });
    await deployFunctions([`--env-file=${ENV_FILE}`, '--only=order,member,orderTimer'], deps({ api: factory }));
    expect(calls.filter((c) => c.api !== 'getFunction').map((c) => `${c.api} ${c.fn}`)).toEqual([
      'updateFunctionCode member',
      'updateFunctionConfig member',
      'createFunction order',
      'updateFunctionCode orderTimer',
      'updateFunctionConfig orderTimer',
    ]);
    expect(calls.find((c) => c.api === 'updateFunctionConfig' && c.fn === 'orderTimer')!.args).toMatchObject({
      timeoutSeconds: 30,
      memoryMb: 256,
      environment: ENV,
    });
  });

  it('replaces a trigger whose cron changed (delete, then create) and removes a stray one', async () => {
    const { calls, factory } = recordingApi({
      outboxWorker: { runtime: 'Nodejs16.13', timers: [{ name: 'outboxWorkerTrigger', cron: '0 */5 * * * * *' }] },
      pointsTimer: {
        runtime: 'Nodejs16.13',
        timers: [
          { name: 'oldName', cron: '0 10 0 * * * *' },
          { name: 'pointsTimerTrigger', cron: '0 10 0 * * * *' },
        ],
      },
    });
    await deployFunctions([`--env-file=${ENV_FILE}`, '--only=outboxWorker,pointsTimer'], deps({ api: factory }));
    expect(calls.filter((c) => c.api.endsWith('Timer')).map((c) => [c.api, c.fn, c.args])).toEqual([
      ['deleteTimer', 'outboxWorker', 'outboxWorkerTrigger'],
      ['createTimer', 'outboxWorker', { name: 'outboxWorkerTrigger', cron: '30 * * * * * *' }],
      ['deleteTimer', 'pointsTimer', 'oldName'],
    ]);
  });

  it.each([
    [
      'returned as a string (as miniprogram-ci does)',
      { answer: 'trigger config invalid', throws: false },
      /orderTimer: create trigger orderTimerTrigger \(0 \* \* \* \* \* \*\) failed: trigger config invalid/,
    ],
    [
      'returned as a Tencent Cloud error object',
      { answer: { Error: { Code: 'InvalidParameterValue', Message: 'cron' } }, throws: false },
      /orderTimer: create trigger .* failed: InvalidParameterValue: cron/,
    ],
    [
      'thrown',
      { answer: new Error('[orderTimer] 创建触发器失败：LimitExceeded'), throws: true },
      /orderTimer: create trigger .* failed: \[orderTimer\] 创建触发器失败：LimitExceeded/,
    ],
  ])(
    'a trigger error %s stops the deploy, names the function and what was already deployed',
    async (_, fail, message) => {
      const { calls, factory } = recordingApi({}, { api: 'createTimer', fn: 'orderTimer', ...fail });
      const error = (await deployFunctions([`--env-file=${ENV_FILE}`], deps({ api: factory })).catch(
        (e) => e,
      )) as DeployError;
      expect(error).toBeInstanceOf(DeployError);
      expect(error.functionName).toBe('orderTimer');
      expect(error.message).toMatch(message);
      const before = deployedFunctionNames().slice(0, deployedFunctionNames().indexOf('orderTimer'));
      expect(error.message).toContain(`Deployed before it: ${before.join(', ')}.`);
      // Nothing after the failing function was touched.
      expect(calls.filter((c) => c.api === 'createFunction').at(-1)!.fn).toBe('orderTimer');
    },
  );

  it('a returned error from a function upload stops the deploy too', async () => {
    const { factory } = recordingApi(
      {},
      { api: 'createFunction', fn: 'catalog', answer: { errcode: -1, errmsg: 'system error' } },
    );
    await expect(deployFunctions([`--env-file=${ENV_FILE}`], deps({ api: factory }))).rejects.toThrow(
      'catalog: create function failed: errcode -1: system error',
    );
  });

  it('refuses, before any write, when an existing function runs an old runtime that cannot be changed', async () => {
    const { calls, factory } = recordingApi({
      coupon: { runtime: 'Nodejs8.9', timers: [] },
      pointsTimer: { runtime: 'Nodejs10.15', timers: [] },
    });
    const error = (await deployFunctions([`--env-file=${ENV_FILE}`], deps({ api: factory })).catch(
      (e) => e,
    )) as DeployError;
    expect(error.functionName).toBe('coupon, pointsTimer');
    expect(error.message).toMatch(
      /coupon exists on runtime Nodejs8\.9, which cannot run the bundle \(built for Nodejs16\.13\), and CloudBase cannot change a function's runtime: delete it \(云开发控制台 → 云函数 → coupon → 删除\) and deploy again/,
    );
    expect(error.message).toContain('pointsTimer exists on runtime Nodejs10.15');
    expect(calls.every((c) => c.api === 'getFunction')).toBe(true);
  });

  it('--only deploys the named functions and refuses unknown names', async () => {
    const { calls, factory } = recordingApi();
    await deployFunctions(['--only=order,member', `--env-file=${ENV_FILE}`], deps({ api: factory }));
    expect(calls.filter((c) => c.api === 'createFunction').map((c) => c.fn)).toEqual(['member', 'order']);
    await expect(deployFunctions(['--only=ordr', '--dry-run'], deps({ env: {} }))).rejects.toThrow(
      '--only names unknown functions: ordr',
    );
  });
});
