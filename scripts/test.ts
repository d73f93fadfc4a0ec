/**
 * `npm test`: every suite this machine can run.
 * 0. typechecks the app, the functions, the tests and the scripts, lints the boundaries between
 *    the server's contexts, checks the format (prettier) and looks for unused files and exports (knip);
 * 1. builds dist/weapp (the package-size budgets read it) and the cloud functions;
 * 2. builds dist/h5 when Chromium is here (the end-to-end suite drives it), else says it skips;
 * 3. runs vitest: unit specs, integration suites on PGlite (and on Postgres when DATABASE_URL is set),
 *    budgets, end to end. Extra arguments go to vitest.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureTaroBuild } from './lib/taro-build';
import { buildFunctions } from './build-functions';

const ROOT = resolve(__dirname, '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function run(): Promise<number> {
  const started = Date.now();
  // Types first: vitest strips them, so a type error would otherwise pass unnoticed.
  const typecheck = spawnSync(join('node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'inherit' });
  if (typecheck.status !== 0) {
    console.error('[test] typecheck failed (tsc -p tsconfig.json)');
    return typecheck.status ?? 1;
  }
  // The boundaries between contexts (config/eslint/contexts.js), before anything slow.
  const lint = spawnSync(join('node_modules/.bin/eslint'), ['cloudfunctions'], { cwd: ROOT, stdio: 'inherit' });
  if (lint.status !== 0) {
    console.error('[test] boundary lint failed (npm run lint)');
    return lint.status ?? 1;
  }
  // One format for the whole tree (.prettierrc.json); `npm run format` rewrites it.
  const format = spawnSync(join('node_modules/.bin/prettier'), ['--check', '--log-level', 'warn', '.'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (format.status !== 0) {
    console.error('[test] formatting differs from .prettierrc.json (npm run format rewrites it)');
    return format.status ?? 1;
  }
  // No file nothing reaches, no export nothing imports (knip.config.ts says what runs on its own).
  const unused = spawnSync(join('node_modules/.bin/knip'), ['--no-progress'], { cwd: ROOT, stdio: 'inherit' });
  if (unused.status !== 0) {
    console.error(
      '[test] unused files or exports (knip, knip.config.ts): delete them, or say in the config why they stay',
    );
    return unused.status ?? 1;
  }
  ensureTaroBuild('weapp');
  await buildFunctions();
  if (existsSync(chromium)) {
    ensureTaroBuild('h5');
  } else {
    console.log(`[test] ${chromium} not found: the H5 end-to-end suite will be SKIPPED (apt-get install -y chromium).`);
  }
  if (!process.env.DATABASE_URL) {
    console.log('[test] DATABASE_URL not set: Postgres suites (concurrency) will be SKIPPED; PGlite suites run.');
    console.log(
      '[test] also SKIPPED without DATABASE_URL: the crash test (SIGKILLed gateway, test/integration/reliability/crash.test.ts); the soak runs only as `npm run bench -- soak`.',
    );
  }
  const result = spawnSync(join('node_modules/.bin/vitest'), ['run', ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, REQUIRE_BUILDS: '1' },
  });
  console.log(`[test] finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status ?? 1;
}

function join(...parts: string[]) {
  return resolve(ROOT, ...parts);
}

run()
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
