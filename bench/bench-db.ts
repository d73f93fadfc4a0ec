import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb, type Db } from '../cloudfunctions/core/db/db';
import { migrate } from '../cloudfunctions/core/db/migrate';
import { seedDemoStore } from '../cloudfunctions/core/db/seed/seed';

/**
 * A database of the bench's own on the server in DATABASE_URL, migrated and seeded, dropped by
 * `drop()`. (test/support/databases.ts does the same but imports vitest, which only works inside a run.)
 */
export async function createBenchDatabase(adminUrl: string, poolSize: number): Promise<{ db: Db; url: string; drop(): Promise<void> }> {
  const name = `storefront_bench_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString(), poolSize });
  await migrate(db);
  await seedDemoStore(db.kysely);
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.close().catch(() => undefined);
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}
