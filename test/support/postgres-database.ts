import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb, type Db } from '../../cloudfunctions/core/db/db';
import { migrate } from '../../cloudfunctions/core/db/migrate';
import { seedDemoStore } from '../../cloudfunctions/core/db/seed/seed';

export interface OwnDatabase {
  db: Db;
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of its own on the Postgres server at `adminUrl` (a unique name, dropped by `drop()`),
 * migrated and, unless told otherwise, seeded. Tests and benches never rely on what is left in the
 * server's `test` database. Free of vitest, so the bench can use it too.
 */
export async function createOwnDatabase(
  adminUrl: string,
  options: { seed?: boolean; poolSize?: number; prefix?: string } = {},
): Promise<OwnDatabase> {
  const name = `${options.prefix ?? 'storefront_t'}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString(), poolSize: options.poolSize ?? 20 });
  await migrate(db);
  if (options.seed ?? true) await seedDemoStore(db.kysely);
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
