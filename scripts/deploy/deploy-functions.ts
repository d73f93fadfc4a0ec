/**
 * `npm run deploy:functions [-- --dry-run] [-- --only=order,member]`: bundles every cloud function
 * (scripts/build-functions.ts) and uploads each with miniprogram-ci `cloud.uploadFunction`, then
 * creates the timer trigger of each timer function. `--dry-run` prints what would be uploaded and
 * needs no credentials.
 */
import { join } from 'node:path';
import { buildFunctions, FUNCTIONS_OUT, type BuiltFunction } from '../build-functions';
import { ciProject, loadCi, parseArgs, type CiModule } from './ci-project';
import { CredentialError, readCredentials } from './credentials';

export interface DeployDeps {
  env: Record<string, string | undefined>;
  build: () => Promise<BuiltFunction[]>;
  ci: () => CiModule;
  log: (line: string) => void;
}

/** One line per function: name, bundle size, openapi permissions, cloudPay calls, timer trigger. */
export function describeFunctions(built: BuiltFunction[]): string[] {
  const rows = built.map((f) => [
    f.name,
    `${(f.bytes / 1024).toFixed(1)} KB`,
    f.config.permissions.openapi.join(', ') || '-',
    f.cloudPay.map((c) => `cloudPay.${c}`).join(', ') || '-',
    f.config.triggers?.map((t) => t.config).join(' ') || '-',
  ]);
  const header = ['function', 'size', 'openapi permissions', 'cloudPay', 'timer (cron, UTC+8)'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}

export async function deployFunctions(argv: string[], deps: DeployDeps): Promise<number> {
  const { flags, values } = parseArgs(argv);
  const dryRun = flags.has('dry-run');
  // Credentials first: a deployment that cannot authenticate fails before the build.
  const credentials = dryRun ? null : readCredentials(deps.env, { cloudEnv: true });
  const only = values.only ? new Set(values.only.split(',')) : null;
  const built = (await deps.build()).filter((f) => !only || only.has(f.name));
  if (only && built.length !== only.size) throw new Error(`--only names unknown functions: ${[...only].filter((n) => !built.some((f) => f.name === n)).join(', ')}`);
  for (const row of describeFunctions(built)) deps.log(row);
  const total = built.reduce((sum, f) => sum + f.bytes, 0);
  if (dryRun) {
    deps.log(`dry run: ${built.length} functions, ${(total / 1024).toFixed(1)} KB, in ${FUNCTIONS_OUT}; nothing uploaded`);
    return 0;
  }
  const ci = deps.ci();
  const project = ciProject(ci, credentials!);
  for (const f of built) {
    deps.log(`uploading ${f.name} to ${credentials!.cloudEnv} ...`);
    await ci.cloud.uploadFunction({ project, env: credentials!.cloudEnv, name: f.name, path: join(FUNCTIONS_OUT, f.name), remoteNpmInstall: true });
    if (f.config.triggers) {
      await ci.cloud.createTimeTrigger({ project, envId: credentials!.cloudEnv, functionName: f.name, triggersConfig: f.config.triggers });
    }
  }
  deps.log(`uploaded ${built.length} functions to ${credentials!.cloudEnv}`);
  return 0;
}

if (require.main === module) {
  deployFunctions(process.argv.slice(2), { env: process.env, build: buildFunctions, ci: loadCi, log: (l) => console.log(l) })
    .then((code) => process.exit(code))
    .catch((error) => {
      console.error(error instanceof CredentialError ? error.message : error);
      process.exit(1);
    });
}
