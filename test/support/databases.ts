import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import pg from 'pg';
import { openDb, type Db } from '../../cloudfunctions/core/db/db';
import { migrate } from '../../cloudfunctions/core/db/migrate';
import { seedDemoStore } from '../../cloudfunctions/core/db/seed/seed';

export type DatabaseKind = 'pglite' | 'postgres';

/** A fresh PGlite from the migrated, seeded template. */
export async function openPgliteFromTemplate(): Promise<Db> {
  const bytes = readFileSync(inject('pgliteTemplate'));
  return openDb({ loadDataDir: new Blob([bytes]) });
}

/**
 * A database of its own on the Postgres server in DATABASE_URL (a unique name, dropped by
 * `drop()`), migrated and seeded. Tests never rely on what is left in the server's `test` database.
 */
export async function createPostgresDatabase(options: { seed?: boolean } = {}): Promise<{ db: Db; url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is not set');
  const name = `storefront_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString(), poolSize: 20 });
  await migrate(db);
  if (options.seed ?? true) await seedDemoStore(db.kysely);
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.close();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}

export const hasPostgres = Boolean(process.env.DATABASE_URL);

/** The database kinds this run covers: PGlite always, Postgres when DATABASE_URL is set. */
export const databaseKinds: DatabaseKind[] = hasPostgres ? ['pglite', 'postgres'] : ['pglite'];

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
  const tables = ['stores', 'categories', 'products', 'skus', 'banners', 'tiers', 'members', 'staff', 'idempotency_keys'] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
