import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = resolve(__dirname, '../../dist/weapp');
/** Our budgets, well under WeChat's hard limit of 2 MB per package. */
const MAIN_BUDGET = 800 * 1024;
const SUBPACKAGE_BUDGET = 500 * 1024;

function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + sizeOf(join(path, entry)), 0);
}

const built = existsSync(join(DIST, 'app.json'));
// `npm test` builds dist/weapp first and sets REQUIRE_BUILDS, so there a missing build fails.
const suite = built || process.env.REQUIRE_BUILDS === '1' ? describe : describe.skip;
if (!built) console.log('[budgets] dist/weapp is not built: run `npm run build:weapp` (npm test does it).');

suite('weapp package sizes', () => {
  it('main package <= 800 KB and each subpackage <= 500 KB', () => {
    expect(existsSync(join(DIST, 'app.json')), 'dist/weapp/app.json exists').toBe(true);
    const app = JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8'));
    const subpackages: Array<{ root: string }> = app.subPackages ?? app.subpackages ?? [];
    expect(subpackages.length).toBeGreaterThan(0);
    const total = sizeOf(DIST) - (existsSync(join(DIST, '.source-hash')) ? sizeOf(join(DIST, '.source-hash')) : 0);
    const sizes = subpackages.map((s) => ({ root: s.root.replace(/\/$/, ''), bytes: sizeOf(join(DIST, s.root)) }));
    const main = total - sizes.reduce((sum, s) => sum + s.bytes, 0);
    console.log(
      [
        `  weapp main package: ${(main / 1024).toFixed(1)} KB`,
        ...sizes.map((s) => `  subpackage ${s.root}: ${(s.bytes / 1024).toFixed(1)} KB`),
      ].join('\n'),
    );
    expect(main).toBeLessThanOrEqual(MAIN_BUDGET);
    for (const s of sizes) expect(s.bytes, `subpackage ${s.root}`).toBeLessThanOrEqual(SUBPACKAGE_BUDGET);
    // Product images are served, never bundled.
    const images = (dir: string): string[] =>
      readdirSync(dir).flatMap((e) =>
        statSync(join(dir, e)).isDirectory() ? images(join(dir, e)) : /\.(svg|jpe?g|webp)$/i.test(e) ? [e] : [],
      );
    expect(images(DIST)).toEqual([]);
  });
});
