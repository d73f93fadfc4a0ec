import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAIN_BUDGET, SUBPACKAGE_BUDGET, weappPackageSizes } from './weapp-size';

const DIST = resolve(__dirname, '../../dist/weapp');

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
    const { main, subpackages: sizes } = weappPackageSizes(
      DIST,
      subpackages.map((s) => s.root),
    );
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
