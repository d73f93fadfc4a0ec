import { dirname, basename } from 'node:path';
import type { CloudCredentials } from './credentials';
import type { DeployApi, FunctionSpec, RemoteFunction, TimerTrigger } from './deploy-api';

/** The slice of @cloudbase/manager-node's FunctionService we call (its 5.x names and shapes). */
interface ManagerFunctions {
  getFunctionDetail(
    name: string,
  ): Promise<{ Runtime: string; Triggers?: Array<{ TriggerName: string; Type: string; TriggerDesc: string }> }>;
  createFunction(options: { func: ManagerFunc; functionRootPath: string; force: boolean }): Promise<unknown>;
  updateFunctionCode(options: { func: ManagerFunc; functionRootPath: string }): Promise<unknown>;
  updateFunctionConfig(func: ManagerFunc): Promise<unknown>;
  createFunctionTriggers(
    name: string,
    triggers: Array<{ name: string; type: 'timer'; config: string }>,
  ): Promise<unknown>;
  deleteFunctionTrigger(name: string, triggerName: string): Promise<unknown>;
  waitFunctionActive(name: string): Promise<void>;
}

interface ManagerFunc {
  name: string;
  runtime?: string;
  handler?: string;
  timeout?: number;
  memorySize?: number;
  envVariables?: Record<string, string>;
  installDependency?: boolean;
}

type ManagerConstructor = new (config: { secretId: string; secretKey: string; token?: string; envId: string }) => {
  functions: ManagerFunctions;
};

const MANAGER_PACKAGE = '@cloudbase/manager-node';

export class MissingDeployLibraryError extends Error {
  constructor() {
    super(
      `${MANAGER_PACKAGE} is not installed, nothing was deployed. It is not a dependency of this project (about 36 MB); ` +
        `install it where you deploy from: npm i -D ${MANAGER_PACKAGE}@^5 (or use --dry-run, which needs nothing)`,
    );
    this.name = 'MissingDeployLibraryError';
  }
}

/** Loaded only for a real deployment, so dry runs and tests need neither the package nor the network. */
export function loadManager(): ManagerConstructor {
  try {
    return require(MANAGER_PACKAGE) as ManagerConstructor;
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' &&
      String((error as Error).message).includes(MANAGER_PACKAGE)
    ) {
      throw new MissingDeployLibraryError();
    }
    throw error;
  }
}

/** A timer trigger's cron as GetFunction describes it: `{"cron":"..."}` or the bare expression. */
export function cronOf(triggerDesc: string): string {
  try {
    const parsed = JSON.parse(triggerDesc) as { cron?: unknown };
    if (parsed && typeof parsed.cron === 'string') return parsed.cron;
  } catch {
    // not JSON: the bare cron expression
  }
  return triggerDesc;
}

const notFound = (error: unknown) => /^ResourceNotFound/.test(String((error as { code?: unknown }).code ?? ''));

/** The DeployApi over manager-node for one environment. */
export function cloudbaseDeployApi(
  credentials: CloudCredentials,
  Manager: ManagerConstructor = loadManager(),
): DeployApi {
  const { functions } = new Manager({
    secretId: credentials.secretId,
    secretKey: credentials.secretKey,
    token: credentials.token,
    envId: credentials.envId,
  });
  // installDependency: the bundle lists only wx-server-sdk, which the cloud installs.
  const func = (spec: FunctionSpec): ManagerFunc => ({
    name: spec.name,
    runtime: spec.runtime,
    handler: 'index.main',
    timeout: spec.timeoutSeconds,
    memorySize: spec.memoryMb,
    envVariables: spec.environment,
    installDependency: true,
  });
  // manager-node zips <functionRootPath>/<name>.
  const root = (spec: FunctionSpec) => {
    if (basename(spec.codeDir) !== spec.name) throw new Error(`${spec.codeDir} must be a folder named ${spec.name}`);
    return dirname(spec.codeDir);
  };
  return {
    async getFunction(name): Promise<RemoteFunction | null> {
      try {
        const detail = await functions.getFunctionDetail(name);
        const timers = (detail.Triggers ?? [])
          .filter((t) => t.Type === 'timer')
          .map((t): TimerTrigger => ({ name: t.TriggerName, cron: cronOf(t.TriggerDesc) }));
        return { runtime: detail.Runtime, timers };
      } catch (error) {
        if (notFound(error)) return null;
        throw error;
      }
    },
    // Triggers are left out here: manager-node creates them inside createFunction and only warns
    // when that fails; the deployment creates them itself so a failure stops it.
    createFunction: (spec) =>
      functions.createFunction({ func: func(spec), functionRootPath: root(spec), force: false }),
    async updateFunctionCode(spec) {
      const result = await functions.updateFunctionCode({ func: func(spec), functionRootPath: root(spec) });
      // A configuration update while the code is still being installed is refused.
      await functions.waitFunctionActive(spec.name);
      return result;
    },
    async updateFunctionConfig(spec) {
      const { runtime: _fixedAtCreation, handler: _handler, ...config } = func(spec);
      const result = await functions.updateFunctionConfig(config);
      await functions.waitFunctionActive(spec.name);
      return result;
    },
    createTimer: (name, trigger) =>
      functions.createFunctionTriggers(name, [{ name: trigger.name, type: 'timer', config: trigger.cron }]),
    deleteTimer: (name, triggerName) => functions.deleteFunctionTrigger(name, triggerName),
  };
}
