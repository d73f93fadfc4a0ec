import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
/** What a mini-program build depends on; a change to any of these makes the build stale. */
const INPUTS = [
  'src',
  'config',
  'babel.config.js',
  'package-lock.json',
  'project.config.json',
  'cloudfunctions/core/contract.ts',
];

function hashTree(hash: ReturnType<typeof createHash>, path: string): void {
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path).sort()) hashTree(hash, join(path, entry));
  } else {
    hash.update(path.slice(ROOT.length)).update(readFileSync(path));
  }
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const input of INPUTS) hashTree(hash, join(ROOT, input));
  // Build-time client settings (TARO_APP_*) are baked into the output too.
  const settings = Object.entries(process.env)
    .filter(([k]) => k.startsWith('TARO_APP_'))
    .sort();
  hash.update(JSON.stringify(settings));
  return hash.digest('hex');
}

/**
 * Builds `dist/<target>` with Taro unless it was built from the same sources (a hash stamp in the
 * output). Returns whether it built and how long it took.
 */
export function ensureTaroBuild(
  target: 'h5' | 'weapp',
  env: Record<string, string> = {},
): { built: boolean; seconds: number } {
  const out = join(ROOT, 'dist', target);
  const stamp = join(out, '.source-hash');
  const hash = sourceHash();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return { built: false, seconds: 0 };
  const started = Date.now();
  console.log(`[build] dist/${target} is missing or stale: taro build --type ${target} ...`);
  const result = spawnSync(join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', target], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) throw new Error(`taro build --type ${target} failed (exit ${result.status})`);
  writeFileSync(stamp, hash);
  const seconds = (Date.now() - started) / 1000;
  console.log(`[build] dist/${target} built in ${seconds.toFixed(1)} s`);
  return { built: true, seconds };
}
