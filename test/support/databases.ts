import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openDb, type Db } from '../../cloudfunctions/core/db/db';
import { createOwnDatabase, type OwnDatabase } from './postgres-database';

export type DatabaseKind = 'pglite' | 'postgres';

/** A fresh PGlite from the migrated, seeded template. */
export async function openPgliteFromTemplate(): Promise<Db> {
  const bytes = readFileSync(inject('pgliteTemplate'));
  return openDb({ loadDataDir: new Blob([bytes]) });
}

/** A database of its own on the server in DATABASE_URL, migrated and seeded (see createOwnDatabase). */
async function createPostgresDatabase(options: { seed?: boolean } = {}): Promise<OwnDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is not set');
  return createOwnDatabase(adminUrl, { seed: options.seed });
}

export const hasPostgres = Boolean(process.env.DATABASE_URL);

/** The database kinds this run covers: PGlite always, Postgres when DATABASE_URL is set. */
const databaseKinds: DatabaseKind[] = hasPostgres ? ['pglite', 'postgres'] : ['pglite'];

/**
 * Runs the same suite on each database kind. `use()` returns the suite's database (fresh per suite,
 * migrated and seeded).
 */
export function describeEachDatabase(title: string, body: (use: () => Db, kind: DatabaseKind) => void): void {
  for (const kind of databaseKinds) {
    describe(`${title} [${kind}]`, () => {
      let db: Db | undefined;
      let drop: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        if (kind === 'pglite') {
          db = await openPgliteFromTemplate();
          drop = () => db!.close();
        } else {
          const created = await createPostgresDatabase();
          db = created.db;
          drop = created.drop;
        }
      });
      afterAll(async () => {
        await drop?.();
      });
      body(() => {
        if (!db) throw new Error('database not ready');
        return db;
      }, kind);
    });
  }
}

/**
 * Concurrency suites: real Postgres only (PGlite runs one statement at a time and hides races).
 * Without DATABASE_URL the suite is skipped and says so.
 */
export function describeOnPostgres(title: string, body: (use: () => Db, url: () => string) => void): void {
  const suite = hasPostgres ? describe : describe.skip;
  suite(`${title} [postgres]`, () => {
    let created: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;
    beforeAll(async () => {
      created = await createPostgresDatabase();
    });
    afterAll(async () => {
      await created?.drop();
    });
    body(
      () => created!.db,
      () => created!.url,
    );
  });
}

/** Row counts of every table: "refused calls write nothing" compares two of these. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = [
    'stores',
    'categories',
    'products',
    'skus',
    'banners',
    'tiers',
    'members',
    'staff',
    'idempotency_keys',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
