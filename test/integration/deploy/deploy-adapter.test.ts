import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS_OUT } from '../../../scripts/build-functions';
import { failureOf } from '../../../scripts/deploy/deploy-api';
import { cloudbaseDeployApi, cronOf, loadManager } from '../../../scripts/deploy/cloudbase-api';
import { parseEnvFile } from '../../../scripts/deploy/env-file';
import { timers } from '../../../cloudfunctions/core/timers/timers';

describe('the deploy library adapter (@cloudbase/manager-node)', () => {
  it('recognises failures a library returns instead of throwing', () => {
    expect(failureOf({ RequestId: 'r1' })).toBeNull();
    expect(failureOf(undefined)).toBeNull();
    expect(failureOf('')).toBe('empty error string');
    expect(failureOf({ errCode: 0 })).toBeNull();
    expect(failureOf({ Response: { Error: { Code: 'AuthFailure', Message: 'bad key' } } })).toBe(
      'AuthFailure: bad key',
    );
  });

  it('maps the port onto FunctionService: runtime only at creation, code from build/functions, timers by name', async () => {
    const calls: Array<[string, ...unknown[]]> = [];
    const functions = {
      getFunctionDetail: async (name: string) => {
        calls.push(['getFunctionDetail', name]);
        if (name === 'missing') throw Object.assign(new Error('not found'), { code: 'ResourceNotFound.Function' });
        return {
          Runtime: 'Nodejs16.13',
          Triggers: [
            { TriggerName: 't', Type: 'timer', TriggerDesc: '{"cron":"0 * * * * * *"}' },
            { TriggerName: 'c', Type: 'cos', TriggerDesc: '{}' },
          ],
        };
      },
      createFunction: async (o: unknown) => void calls.push(['createFunction', o]),
      updateFunctionCode: async (o: unknown) => void calls.push(['updateFunctionCode', o]),
      updateFunctionConfig: async (o: unknown) => void calls.push(['updateFunctionConfig', o]),
      createFunctionTriggers: async (...a: unknown[]) => void calls.push(['createFunctionTriggers', ...a]),
      deleteFunctionTrigger: async (...a: unknown[]) => void calls.push(['deleteFunctionTrigger', ...a]),
      waitFunctionActive: async (name: string) => void calls.push(['waitFunctionActive', name]),
    };
    const Manager = class {
      functions = functions;
      constructor(config: unknown) {
        calls.push(['new', config]);
      }
    };
    const api = cloudbaseDeployApi({ secretId: 'AKIDx', secretKey: 'k', envId: 'env-1' }, Manager as any);
    expect(await api.getFunction('missing')).toBeNull();
    expect(await api.getFunction('orderTimer')).toEqual({
      runtime: 'Nodejs16.13',
      timers: [{ name: 't', cron: '0 * * * * * *' }],
    });
    const spec = {
      name: 'order',
      runtime: 'Nodejs16.13',
      timeoutSeconds: 15,
      memoryMb: 256,
      environment: { STORE_ID: 's' },
      codeDir: join(FUNCTIONS_OUT, 'order'),
    };
    await api.createFunction(spec);
    await api.updateFunctionCode(spec);
    await api.updateFunctionConfig(spec);
    await api.createTimer('orderTimer', { name: 'orderTimerTrigger', cron: '0 * * * * * *' });
    await api.deleteTimer('orderTimer', 'old');
    const func = {
      name: 'order',
      runtime: 'Nodejs16.13',
      handler: 'index.main',
      timeout: 15,
      memorySize: 256,
      envVariables: { STORE_ID: 's' },
      installDependency: true,
    };
    expect(calls.filter(([op]) => op !== 'getFunctionDetail')).toEqual([
      ['new', { secretId: 'AKIDx', secretKey: 'k', token: undefined, envId: 'env-1' }],
      ['createFunction', { func, functionRootPath: FUNCTIONS_OUT, force: false }],
      ['updateFunctionCode', { func, functionRootPath: FUNCTIONS_OUT }],
      ['waitFunctionActive', 'order'],
      [
        'updateFunctionConfig',
        { name: 'order', timeout: 15, memorySize: 256, envVariables: { STORE_ID: 's' }, installDependency: true },
      ],
      ['waitFunctionActive', 'order'],
      ['createFunctionTriggers', 'orderTimer', [{ name: 'orderTimerTrigger', type: 'timer', config: '0 * * * * * *' }]],
      ['deleteFunctionTrigger', 'orderTimer', 'old'],
    ]);
    expect(cronOf('0 10 0 * * * *')).toBe('0 10 0 * * * *');
  });

  let installed = true;
  try {
    require.resolve('@cloudbase/manager-node');
  } catch {
    installed = false;
  }
  it.runIf(!installed)('without the package, a real deploy says how to install it', () => {
    expect(() => loadManager()).toThrow(
      /@cloudbase\/manager-node is not installed, nothing was deployed\..*npm i -D @cloudbase\/manager-node@\^5/,
    );
  });

  it('reads KEY=VALUE env files with comments, blank lines, quotes and export', () => {
    expect(parseEnvFile('# c\n\nA=1\nexport B="two words"\nC=\'x=y\'\nD=\n', 'f')).toEqual({
      A: '1',
      B: 'two words',
      C: 'x=y',
      D: '',
    });
    expect(() => parseEnvFile('A=1\nnot a line\n', 'f.env')).toThrow(/f\.env:2 is not KEY=VALUE/);
  });
});
