import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeOnPostgres } from '../../support/databases';

const ROOT = join(__dirname, '../../..');

/** `npm run check:invariants` as an operator runs it: the script, its output and its exit code. */
function checkInvariantsCommand(env: Record<string, string>) {
  return spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/check-invariants.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    encoding: 'utf8',
    timeout: 90_000,
  });
}

describeOnPostgres('npm run check:invariants', (use, url) => {
  it('prints PASS for every invariant and exits 0 on a sound database, FAIL with the offender and exits 1 on a corrupted one', async () => {
    const sound = checkInvariantsCommand({ DATABASE_URL: url() });
    expect(sound.status, sound.stderr).toBe(0);
    expect(sound.stdout.match(/^ {2}PASS /gm)).toHaveLength(8);
    expect(sound.stdout).toContain('[invariants] 8/8 pass');

    await use()
      .kysely.updateTable('skus')
      .set((eb) => ({ stock: eb('stock', '+', 3) }))
      .where('id', '=', 'sku-amino-acid-cleanser-1')
      .execute();
    const corrupted = checkInvariantsCommand({ DATABASE_URL: url() });
    expect(corrupted.status).toBe(1);
    expect(corrupted.stdout).toContain('FAIL STOCK_CONSERVED: 1 violation(s)');
    expect(corrupted.stdout).toMatch(/sku-amino-acid-cleanser-1: stock \d+ \+ sold 0 - returned 0 <> initial \d+/);
    expect(corrupted.stdout).toContain('FAILED: STOCK_CONSERVED');
  }, 120_000);
});

describe('npm run check:invariants on a PGlite data dir', () => {
  it('refuses (exit 2, naming the command to run) a data dir that is not migrated', () => {
    const dir = mkdtempSync(join(tmpdir(), 'invariants-'));
    try {
      const result = checkInvariantsCommand({ DATA_DIR: dir });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('lacks migration 0015_stock_baselines: run npm run db:migrate');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
