/**
 * Bundles each cloud function into build/functions/<fn>/ (index.js, package.json, config.json):
 * the folder project.config.json's cloudfunctionRoot points at, uploaded by scripts/deploy/deploy-functions.ts.
 */
import { build, type Plugin } from 'esbuild';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FUNCTION_NAMES } from '../cloudfunctions/core/dispatcher';
import { timers } from '../cloudfunctions/core/timers/timers';
import { CALLBACK_FUNCTIONS } from '../cloudfunctions/core/runtime/cloud-main';
import { permissionsOf } from '../cloudfunctions/core/runtime/function-permissions';
import { FUNCTION_RUNTIME, nodeMajorOf } from '../cloudfunctions/core/runtime/function-deploy';

const ROOT = resolve(__dirname, '..');
export const FUNCTIONS_OUT = join(ROOT, 'build/functions');
/** WeChat Cloud's Node runtime; the SDK comes from the function's own package.json. */
const WX_SERVER_SDK = '~3.0.1';
/**
 * exceljs (about 1 MB minified, the whole function budget) is not bundled: the core loads it only
 * when a report is written, and only the function that builds reports (the exportWorker timer) installs it.
 */
const EXCELJS = '4.4.0';
const FUNCTIONS_WITH_EXCELJS = new Set(['exportWorker']);
/** The syntax level of the runtime the functions are deployed on, so nothing newer reaches it. */
export const ESBUILD_TARGET = `node${nodeMajorOf(FUNCTION_RUNTIME)}`;

export interface FunctionConfig {
  permissions: { openapi: string[] };
  triggers?: Array<{ name: string; type: 'timer'; config: string }>;
}

export interface BuiltFunction {
  name: string;
  bytes: number;
  config: FunctionConfig;
  /** cloudPay calls (authorised per environment, so not in config.json; shown by the deploy dry run). */
  cloudPay: string[];
}

/** Every deployed function: the contract's functions, the pay callbacks and the timers. */
export function deployedFunctionNames(): string[] {
  return [...FUNCTION_NAMES, ...CALLBACK_FUNCTIONS, ...timers.map((t) => t.name)];
}

/**
 * A function's config.json: the openapi permissions from FUNCTION_PERMISSIONS (the one table) and,
 * for a timer, its trigger (7-field cron, Asia/Shanghai as WeChat Cloud reads it).
 */
export function functionConfig(name: string): FunctionConfig {
  const permissions = permissionsOf(name);
  if (!permissions)
    throw new Error(
      `${name} is not in FUNCTION_PERMISSIONS (cloudfunctions/core/runtime/function-permissions.ts): declare the WeChat APIs it calls`,
    );
  const config: FunctionConfig = { permissions: { openapi: [...permissions.openapi] } };
  const timer = timers.find((t) => t.name === name);
  if (timer) config.triggers = [{ name: `${name}Trigger`, type: 'timer', config: timer.cron }];
  return config;
}

/**
 * zod 4 re-exports every locale as `z.locales` (`export * as locales`), and esbuild keeps a namespace
 * re-export whole because `z` is used as an object: about 265 KB of translations in every function,
 * a quarter of WeChat's bundle budget. We never call `z.config(z.locales.*())`; the English default
 * is imported by zod's schemas directly (classic/schemas.js imports locales/en.js), so the aggregate
 * module is replaced by an empty one.
 */
const dropZodLocaleAggregate: Plugin = {
  name: 'drop-zod-locale-aggregate',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-locales-empty' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales-empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

export async function buildFunctions(): Promise<BuiltFunction[]> {
  rmSync(FUNCTIONS_OUT, { recursive: true, force: true });
  const names = deployedFunctionNames();
  const configs = new Map(names.map((name) => [name, functionConfig(name)]));
  const built: BuiltFunction[] = [];
  for (const name of names) {
    const source = join(ROOT, 'cloudfunctions', name);
    if (!existsSync(join(source, 'index.ts'))) throw new Error(`cloudfunctions/${name}/index.ts is missing`);
    const out = join(FUNCTIONS_OUT, name);
    mkdirSync(out, { recursive: true });
    await build({
      entryPoints: [join(source, 'index.ts')],
      outfile: join(out, 'index.js'),
      bundle: true,
      platform: 'node',
      target: ESBUILD_TARGET,
      format: 'cjs',
      minify: true,
      legalComments: 'none',
      // The SDK is installed by WeChat Cloud; PGlite is the local database and never runs in the cloud.
      external: ['wx-server-sdk', '@electric-sql/pglite', 'pg-native', 'exceljs'],
      logLevel: 'warning',
      plugins: [dropZodLocaleAggregate],
    });
    const config = configs.get(name)!;
    writeFileSync(join(out, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
    writeFileSync(
      join(out, 'package.json'),
      `${JSON.stringify({ name, version: '1.0.0', main: 'index.js', private: true, dependencies: { 'wx-server-sdk': WX_SERVER_SDK, ...(FUNCTIONS_WITH_EXCELJS.has(name) ? { exceljs: EXCELJS } : {}) } }, null, 2)}\n`,
    );
    built.push({
      name,
      bytes: statSync(join(out, 'index.js')).size,
      config,
      cloudPay: [...permissionsOf(name)!.cloudPay],
    });
  }
  return built;
}

if (require.main === module) {
  buildFunctions()
    .then((built) => {
      for (const f of built) console.log(`  ${f.name.padEnd(16)} ${(f.bytes / 1024).toFixed(1).padStart(8)} KB`);
      console.log(`built ${built.length} functions into ${FUNCTIONS_OUT}`);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
