import { describe, expect, it } from 'vitest';
import { buildFunctions } from '../../scripts/build-functions';
import { FUNCTION_NAMES } from '../../cloudfunctions/core/dispatcher';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

  // The bundle drops zod's locale aggregate (scripts/build-functions.ts): prove the bundled code still
  // validates and still words its issues, in a plain Node process with wx-server-sdk stubbed at its boundary.
  it('a bundled function runs on its own: a bad input answers VALIDATION_FAILED with the issue worded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundle-run-'));
    try {
      const sdk = join(dir, 'node_modules', 'wx-server-sdk');
      mkdirSync(sdk, { recursive: true });
      writeFileSync(
        join(sdk, 'index.js'),
        "module.exports = { DYNAMIC_CURRENT_ENV: 'env', init() {}, getWXContext: () => ({ OPENID: 'bundle-openid' }), cloudPay: {}, openapi: {} };",
      );
      const bundle = join(__dirname, '../../build/functions/catalog/index.js');
      const script = `require(${JSON.stringify(bundle)}).main({ action: 'catalog.getProduct', data: { productId: 5 } }, {}).then((r) => process.stdout.write(JSON.stringify(r)))`;
      const out = execFileSync(process.execPath, ['-e', script], {
        encoding: 'utf8',
        timeout: 20_000,
        env: {
          PATH: process.env.PATH,
          NODE_PATH: join(dir, 'node_modules'),
          // Validation answers before any query: an unreachable database proves it is not needed.
          DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
          MEMBER_CODE_SECRET: 'a-member-code-secret-of-32-chars-at-least',
          WX_PAY_SUB_MCH_ID: '1900000109',
        },
      });
      const answer = JSON.parse(out);
      expect(answer.ok).toBe(false);
      expect(answer.error.code).toBe('VALIDATION_FAILED');
      expect(answer.error.details.issues).toEqual([
        { path: 'productId', message: 'Invalid input: expected string, received number' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
