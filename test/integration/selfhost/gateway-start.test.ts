import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');

describe('the gateway process refuses a production start with a bad configuration', () => {
  it('exits 1 before binding a port, listing every problem with the variable to set', () => {
    const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['cloudfunctions/gateway/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        DEV_AUTH: '1',
        PORT: '0',
        MEMBER_CODE_SECRET: 'too-short',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain('Storefront ready');
    const lines = result.stderr.split('\n');
    expect(lines[0]).toMatch(/^Refusing to start, the configuration has \d+ problem\(s\):$/);
    expect(result.stderr).toContain('  - DEV_AUTH=1 is refused when NODE_ENV=production');
    expect(result.stderr).toContain('  - DATABASE_URL is not set');
    expect(result.stderr).toContain('  - MEMBER_CODE_SECRET is too short (9 characters): at least 32');
    expect(result.stderr).toContain('  - SESSION_SECRET is not set');
    expect(result.stderr).toContain('  - WXPAY_PRIVATE_KEY_PATH is not set');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
