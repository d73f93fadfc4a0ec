import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import { describeEachDatabase, describeOnPostgres, tableCounts } from '../../support/databases';
import { openDb, type Db } from '../../../cloudfunctions/core/db/db';
import { loadMigrations, migrate } from '../../../cloudfunctions/core/db/migrate';
import { seedDemoStore } from '../../../cloudfunctions/core/db/seed/seed';
import { demoStore } from '../../../cloudfunctions/core/db/seed/demo-store.data';

/** An empty database of its own on the DATABASE_URL server; `drop()` removes it. */
async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL!;
  const name = `storefront_t_empty_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists "${name}" with (force)`) };
}

async function appliedVersions(db: Db): Promise<string[]> {
  const { rows } = await sql<{ version: string }>`select version from schema_migrations order by version`.execute(
    db.kysely,
  );
  return rows.map((r) => r.version);
}

async function tableExists(db: Db, table: string): Promise<boolean> {
  const { rows } = await sql<{ found: string | null }>`select to_regclass(${table})::text as found`.execute(db.kysely);
  return rows[0]?.found != null;
}

const allVersions = loadMigrations().map((m) => m.version);

describeEachDatabase('migrations and seed', (use) => {
  it('migrating an already-migrated database applies nothing', async () => {
    const before = await tableCounts(use());
    expect(await migrate(use())).toEqual([]);
    expect(await appliedVersions(use())).toEqual(allVersions);
    expect(await tableCounts(use())).toEqual(before);
  });

  it('a migration that fails half way leaves nothing behind and is not recorded', async () => {
    const broken = { version: '9000_broken', sql: 'create table half_done (x int);\nselect * from no_such_table;' };
    await expect(migrate(use(), [broken])).rejects.toThrow();
    expect(await tableExists(use(), 'half_done')).toBe(false);
    expect(await appliedVersions(use())).not.toContain('9000_broken');

    // The database is still usable and the next migration applies.
    const fixed = { version: '9001_fixed', sql: 'create table half_done (x int);' };
    expect(await migrate(use(), [fixed])).toEqual(['9001_fixed']);
    expect(await tableExists(use(), 'half_done')).toBe(true);
  });

  it('seeding again adds nothing and keeps the shop’s own changes', async () => {
    const sku = demoStore.products[0]!.skus[0]!;
    await use().kysely.updateTable('skus').set({ stock: 7 }).where('id', '=', sku.id).execute();
    await use()
      .kysely.updateTable('products')
      .set({ title: '店长改过的标题' })
      .where('id', '=', demoStore.products[0]!.id)
      .execute();
    const before = await tableCounts(use());

    await seedDemoStore(use().kysely);
    await seedDemoStore(use().kysely);

    expect(await tableCounts(use())).toEqual(before);
    const row = await use()
      .kysely.selectFrom('skus')
      .select('stock')
      .where('id', '=', sku.id)
      .executeTakeFirstOrThrow();
    expect(row.stock).toBe(7);
    const product = await use()
      .kysely.selectFrom('products')
      .select('title')
      .where('id', '=', demoStore.products[0]!.id)
      .executeTakeFirstOrThrow();
    expect(product.title).toBe('店长改过的标题');
  });

  it('the seed restores a demo row that was deleted', async () => {
    const banner = demoStore.banners[0]!;
    await use().kysely.deleteFrom('banners').where('id', '=', banner.id).execute();
    await seedDemoStore(use().kysely);
    const row = await use().kysely.selectFrom('banners').select('title').where('id', '=', banner.id).executeTakeFirst();
    expect(row?.title).toBe(banner.title);
  });
});

describeOnPostgres('migrations on a fresh server database', (use) => {
  it('two replicas migrating one empty database at once both succeed and apply each migration once', async () => {
    const empty = await createEmptyDatabase();
    const [a, b] = await Promise.all([
      openDb({ databaseUrl: empty.url, poolSize: 3 }),
      openDb({ databaseUrl: empty.url, poolSize: 3 }),
    ]);
    try {
      const [doneA, doneB] = await Promise.all([migrate(a), migrate(b)]);
      expect([...doneA, ...doneB].sort()).toEqual(allVersions);
      expect(await appliedVersions(a)).toEqual(allVersions);
      expect(await migrate(b)).toEqual([]);
    } finally {
      await a.close();
      await b.close();
      await sleep(200);
      await empty.drop();
    }
  });
});

// Not a migration, but the same handle: node-postgres emits 'error' on the pool when an idle
// connection dies, and with no listener Node treats that as an uncaught exception.
describeOnPostgres('a Postgres database handle', (use) => {
  it('a dropped idle connection (server restart, failover) does not crash the process; the next query works', async () => {
    const empty = await createEmptyDatabase();
    const db = await openDb({ databaseUrl: empty.url, poolSize: 3 });
    const crashes: unknown[] = [];
    const recordCrash = (error: unknown) => crashes.push(error);
    process.on('uncaughtException', recordCrash);
    try {
      await sql`select 1`.execute(db.kysely);
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [
        new URL(empty.url).pathname.slice(1),
      ]);
      await admin.end();
      await sleep(200);
      const { rows } = await sql<{ n: number }>`select 1 as n`.execute(db.kysely);
      expect(rows).toEqual([{ n: 1 }]);
      expect(crashes.map(String)).toEqual([]);
    } finally {
      process.off('uncaughtException', recordCrash);
      await db.close();
      await sleep(200);
      await empty.drop();
    }
  });
});
