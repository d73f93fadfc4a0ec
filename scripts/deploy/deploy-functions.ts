/**
 * `npm run deploy:functions [-- --dry-run] [-- --only=order,member] [-- --env-file=.env.cloud]`:
 * bundles every cloud function (scripts/build-functions.ts) and makes the cloud environment match
 * it through @cloudbase/manager-node: each function created or updated with its code, runtime,
 * timeout, memory and environment, and its timer trigger created or replaced. `--dry-run` prints
 * the plan and needs no credentials, network or deploy library. See docs/operations/wechat-cloud.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildFunctions, deployedFunctionNames, FUNCTIONS_OUT, type BuiltFunction } from '../build-functions';
import { nodeMajorOf } from '../../cloudfunctions/core/runtime/function-deploy';
import { parseArgs } from './ci-project';
import { cloudbaseDeployApi, MissingDeployLibraryError } from './cloudbase-api';
import { CredentialError, readCloudCredentials, type CloudCredentials } from './credentials';
import { failureOf, type DeployApi, type FunctionSpec, type RemoteFunction } from './deploy-api';
import { envFileProblems, EnvFileError, readEnvFile, type EnvFile } from './env-file';
import {
  describeDeployment,
  describeFunctions,
  planFunctions,
  securityRules,
  type FunctionPlan,
} from './function-plan';

export interface DeployDeps {
  env: Record<string, string | undefined>;
  build: () => Promise<BuiltFunction[]>;
  api: (credentials: CloudCredentials) => DeployApi;
  log: (line: string) => void;
  /** Where security-rules.json is written (the build's folder unless a test says otherwise). */
  outDir?: string;
}

export const DEFAULT_ENV_FILE = '.env.cloud';

/** A deployment stopped at one function: which, at what step, and what was already done. */
export class DeployError extends Error {
  constructor(
    readonly functionName: string,
    readonly step: string,
    reason: string,
    done: string[],
  ) {
    super(
      `${functionName}: ${step} failed: ${reason}\nDeployed before it: ${done.join(', ') || 'none'}. Fix the cause and run the deploy again (it updates what exists).`,
    );
    this.name = 'DeployError';
  }
}

/** Runs one library call; a throw, a returned error string or an error object all stop the deploy. */
async function step<T>(fn: string, name: string, done: string[], call: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await call();
  } catch (error) {
    throw new DeployError(fn, name, (error as Error)?.message ?? String(error), done);
  }
  const failure = failureOf(result);
  if (failure !== null) throw new DeployError(fn, name, failure, done);
  return result;
}

/** An existing function stays only on a Node runtime at least as new as the bundle's syntax target. */
function runtimeProblem(plan: FunctionPlan, remote: RemoteFunction | null): string | null {
  if (!remote) return null;
  const has = nodeMajorOf(remote.runtime);
  if (has !== null && has >= nodeMajorOf(plan.runtime)!) return null;
  return (
    `${plan.built.name} exists on runtime ${remote.runtime}, which cannot run the bundle (built for ${plan.runtime}), and CloudBase cannot change a function's runtime: ` +
    `delete it (云开发控制台 → 云函数 → ${plan.built.name} → 删除) and deploy again to recreate it`
  );
}

async function deployOne(
  api: DeployApi,
  plan: FunctionPlan,
  remote: RemoteFunction | null,
  environment: EnvFile,
  done: string[],
): Promise<string> {
  const fn = plan.built.name;
  const spec: FunctionSpec = {
    name: fn,
    runtime: plan.runtime,
    timeoutSeconds: plan.timeoutSeconds,
    memoryMb: plan.memoryMb,
    environment,
    codeDir: join(FUNCTIONS_OUT, fn),
  };
  if (!remote) await step(fn, 'create function', done, () => api.createFunction(spec));
  else {
    await step(fn, 'update code', done, () => api.updateFunctionCode(spec));
    await step(fn, 'update configuration', done, () => api.updateFunctionConfig(spec));
  }
  // CloudBase has no trigger update: a changed cron is a delete and a create.
  const keep = remote?.timers.find((t) => plan.timer && t.name === plan.timer.name && t.cron === plan.timer.cron);
  for (const stale of remote?.timers ?? []) {
    if (stale !== keep)
      await step(fn, `delete trigger ${stale.name} (${stale.cron})`, done, () => api.deleteTimer(fn, stale.name));
  }
  const timer = plan.timer;
  if (timer && !keep)
    await step(fn, `create trigger ${timer.name} (${timer.cron})`, done, () => api.createTimer(fn, timer));
  const triggerNote = timer ? (keep ? `, trigger ${timer.cron} unchanged` : `, trigger ${timer.cron}`) : '';
  return `${remote ? 'updated' : 'created'} ${fn} (${plan.runtime}, ${plan.timeoutSeconds} s, ${plan.memoryMb} MB${triggerNote})`;
}

/** The plan as the operator reads it: both tables, the environment's names, the rules to paste. */
function printPlan(
  deps: DeployDeps,
  plans: FunctionPlan[],
  rules: ReturnType<typeof securityRules>,
  envFile: EnvFile | null,
  envPath: string,
): void {
  const built = plans.map((p) => p.built);
  for (const row of describeFunctions(built)) deps.log(row);
  deps.log('');
  for (const row of describeDeployment(plans)) deps.log(row);
  deps.log('');
  deps.log(
    envFile
      ? `environment: ${envPath}, applied whole to every function: ${Object.keys(envFile).join(', ')}`
      : `environment: ${envPath} not found; values not checked`,
  );
  const outDir = deps.outDir ?? FUNCTIONS_OUT;
  mkdirSync(outDir, { recursive: true });
  const rulesPath = join(outDir, 'security-rules.json');
  writeFileSync(rulesPath, `${JSON.stringify(rules, null, 2)}\n`);
  deps.log(
    `security rules (set them in 云开发控制台 → 云函数 → 权限控制; written to ${rulesPath}): ${JSON.stringify(rules)}`,
  );
  const openapi = plans.filter((p) => p.built.config.permissions.openapi.length > 0).map((p) => p.built.name);
  if (openapi.length > 0)
    deps.log(
      `openapi permissions: WeChat documents registering config.json's list only on a WeChat DevTools upload; upload ${openapi.join(', ')} once from DevTools after the first deploy (docs/operations/wechat-cloud.md)`,
    );
}

export async function deployFunctions(argv: string[], deps: DeployDeps): Promise<number> {
  const { flags, values } = parseArgs(argv);
  const dryRun = flags.has('dry-run');
  // Credentials first: a deployment that cannot authenticate fails before the build.
  const credentials = dryRun ? null : readCloudCredentials(deps.env);
  const all = deployedFunctionNames();
  const only = values.only ? new Set(values.only.split(',')) : null;
  const unknown = [...(only ?? [])].filter((n) => !all.includes(n));
  if (unknown.length > 0) throw new Error(`--only names unknown functions: ${unknown.join(', ')}`);
  const targets = all.filter((n) => !only || only.has(n));

  // The environment is checked before the build and before any call, so a deploy never leaves
  // functions that refuse to start.
  const envPath = resolve(values['env-file'] ?? DEFAULT_ENV_FILE);
  const envFile = readEnvFile(envPath);
  if (!envFile && !dryRun)
    throw new EnvFileError([
      `${envPath} does not exist: copy scripts/deploy/cloud.env.example there and fill it in (or pass --env-file=PATH)`,
    ]);
  if (envFile) {
    const problems = envFileProblems(envFile, targets);
    if (problems.length > 0) throw new EnvFileError(problems.map((p) => `${envPath}: ${p}`));
  }

  // Loaded before the build, so a missing deploy library is reported at once.
  const api = credentials ? deps.api(credentials) : null;
  const builtAll = await deps.build();
  const rules = securityRules(planFunctions(builtAll));
  const built = builtAll.filter((f) => targets.includes(f.name));
  const plans = planFunctions(built);
  printPlan(deps, plans, rules, envFile, envPath);
  const total = built.reduce((sum, f) => sum + f.bytes, 0);
  if (!api) {
    deps.log(
      `dry run: ${built.length} functions, ${(total / 1024).toFixed(1)} KB, in ${FUNCTIONS_OUT}; nothing uploaded`,
    );
    return 0;
  }

  // Read everything first: a function stuck on an old runtime stops the deploy before any write.
  const remote = new Map<string, RemoteFunction | null>();
  for (const p of plans)
    remote.set(p.built.name, await step(p.built.name, 'read function', [], () => api.getFunction(p.built.name)));
  const stuck = plans.filter((p) => runtimeProblem(p, remote.get(p.built.name)!) !== null);
  if (stuck.length > 0) {
    const reasons = stuck.map((p) => `\n  - ${runtimeProblem(p, remote.get(p.built.name)!)}`).join('');
    throw new DeployError(stuck.map((p) => p.built.name).join(', '), 'runtime check', reasons, []);
  }
  const done: string[] = [];
  for (const p of plans) {
    deps.log(await deployOne(api, p, remote.get(p.built.name)!, envFile!, done));
    done.push(p.built.name);
  }
  deps.log(`deployed ${done.length} functions to ${credentials!.envId}`);
  return 0;
}

if (require.main === module) {
  deployFunctions(process.argv.slice(2), {
    env: process.env,
    build: buildFunctions,
    api: (c) => cloudbaseDeployApi(c),
    log: (l) => console.log(l),
  })
    .then((code) => process.exit(code))
    .catch((error) => {
      const known = [CredentialError, EnvFileError, DeployError, MissingDeployLibraryError].some(
        (E) => error instanceof E,
      );
      console.error(known ? error.message : error);
      process.exit(1);
    });
}
