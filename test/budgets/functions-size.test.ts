import { describe, expect, it } from 'vitest';
import { buildFunctions } from '../../scripts/build-functions';
import { FUNCTION_NAMES } from '../../cloudfunctions/core/dispatcher';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A bundled function above this is slow to cold-start and upload; WeChat's own limits are far higher. */
const FUNCTION_BUDGET_BYTES = 1024 * 1024;

describe('cloud function bundles', () => {
  it(`each function bundles into one index.js under ${FUNCTION_BUDGET_BYTES / 1024} KB, with its package.json and config.json`, async () => {
    const built = await buildFunctions();
    console.log(built.map((f) => `  function ${f.name}: ${(f.bytes / 1024).toFixed(1)} KB`).join('\n'));
    expect(built.map((f) => f.name)).toEqual(expect.arrayContaining([...FUNCTION_NAMES]));
    for (const f of built) {
      expect(f.bytes, `${f.name} bundle size`).toBeLessThanOrEqual(FUNCTION_BUDGET_BYTES);
      const dir = join(__dirname, '../../build/functions', f.name);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      expect(pkg.dependencies['wx-server-sdk']).toBeDefined();
      const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
      expect(Array.isArray(config.permissions.openapi)).toBe(true);
      // The bundle must not drag the local database engine into the cloud.
      expect(readFileSync(join(dir, 'index.js'), 'utf8')).not.toMatch(/postgres\.wasm/);
    }
  });
});
