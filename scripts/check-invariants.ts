/**
 * `npm run check:invariants`: checks the store's conservation laws (stock, points, payments, refunds,
 * group-buy teams, coupons, referral rewards) on DATABASE_URL, or on the PGlite in DATA_DIR
 * (default .data/pglite, the one `npm start` uses; stop the gateway first, PGlite has one user).
 * Read-only. Prints PASS/FAIL per invariant with counts; exits 1 on any violation, 2 when the
 * database is not migrated far enough to be checked.
 */
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { openDb } from '../cloudfunctions/core/db/db';
import { checkInvariants, formatInvariantResults } from '../cloudfunctions/core/ops/invariants';

/** The migration that records initial stock: the stock law cannot be checked before it. */
const REQUIRED_MIGRATION = '0015_stock_baselines';

async function run(): Promise<number> {
  const url = process.env.DATABASE_URL || undefined;
  const where = url
    ? `DATABASE_URL (${new URL(url).pathname.slice(1)})`
    : resolve(process.env.DATA_DIR ?? '.data/pglite');
  const db = await openDb(
    url ? { databaseUrl: url, poolSize: 2 } : { dataDir: resolve(process.env.DATA_DIR ?? '.data/pglite') },
  );
  try {
    const migrated = await sql<{
      found: string | null;
    }>`select to_regclass('schema_migrations')::text as found`.execute(db.kysely);
    const applied = migrated.rows[0]?.found
      ? (
          await sql<{
            version: string;
          }>`select version from schema_migrations where version = ${REQUIRED_MIGRATION}`.execute(db.kysely)
        ).rows
      : [];
    if (applied.length === 0) {
      console.error(
        `[invariants] ${where} lacks migration ${REQUIRED_MIGRATION}: run npm run db:migrate (or start the gateway once) first.`,
      );
      return 2;
    }
    const started = Date.now();
    const results = await checkInvariants(db.kysely);
    console.log(`[invariants] ${where}`);
    for (const line of formatInvariantResults(results)) console.log(`  ${line}`);
    const failed = results.filter((r) => r.violations.length > 0);
    console.log(
      `[invariants] ${results.length - failed.length}/${results.length} pass in ${Date.now() - started} ms${failed.length ? `; FAILED: ${failed.map((r) => r.code).join(', ')}` : ''}`,
    );
    return failed.length ? 1 : 0;
  } finally {
    await db.close();
  }
}

run()
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
