import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import type { Database } from './schema';
import { PGliteDialect } from './pglite-dialect';

/** The query layer every service uses; the same on PGlite and on a Postgres server. */
export type Kdb = Kysely<Database>;
/** A transaction or the database: repositories take this as their first argument. */
export type Executor = Kysely<Database> | Transaction<Database>;

export interface Db {
  readonly kysely: Kdb;
  readonly kind: 'pglite' | 'postgres';
  /** Runs a multi-statement SQL script on one session (migrations). */
  execScript(sql: string): Promise<void>;
  /**
   * Runs `fn` while holding a session-level advisory lock, so replicas never run the same job twice.
   * Returns `skipped` when another session holds the lock.
   */
  withAdvisoryLock<T>(
    key: number,
    fn: () => Promise<T>,
    options?: { wait?: boolean },
  ): Promise<{ ran: true; value: T } | { ran: false }>;
  /** PGlite only: the data dir as a gzipped tarball (test templates). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** A Postgres connection string: use a server (node-postgres). */
  databaseUrl?: string;
  /** A PGlite data directory; absent (and no databaseUrl) means an in-memory database. */
  dataDir?: string;
  /** A PGlite data-dir dump to start from (tests start every suite from one migrated template). */
  loadDataDir?: Blob;
  /** node-postgres pool size. A cloud function instance needs 1-2. */
  poolSize?: number;
}

export async function openDb(options: DbOptions = {}): Promise<Db> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10) : openPGlite(options);
}

async function openPGlite(options: DbOptions): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = new PGlite({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  await pglite.waitReady;
  const kysely = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    kysely,
    kind: 'pglite',
    // Through Kysely's connection so the script waits its turn behind open transactions.
    execScript: (script) =>
      kysely.connection().execute(async () => {
        try {
          await pglite.exec(script);
        } catch (error) {
          // A failed script may leave its transaction open on the only session: close it.
          await pglite.exec('rollback').catch(() => undefined);
          throw error;
        }
      }),
    // One session only: nothing can run concurrently, so the lock is always ours.
    withAdvisoryLock: async (_key, fn) => ({ ran: true, value: await fn() }),
    dumpDataDir: () => kysely.connection().execute(async () => (await pglite.dumpDataDir('gzip')) as Blob),
    close: async () => {
      await kysely.destroy();
      await pglite.close();
    },
  };
}

async function openPostgres(databaseUrl: string, max: number): Promise<Db> {
  const pg = await import('pg');
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max,
    // node-postgres returns int8 (count(*), sums) as strings; PGlite returns numbers. Parse once, here.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection that dies (restart, failover) is an 'error' on the pool; the pool drops the
  // client by itself, and without a listener Node would crash the whole process.
  pool.on('error', (error) => console.warn(`[db] idle connection lost: ${error.message}`));
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    kind: 'postgres',
    execScript: async (script) => {
      const client = await pool.connect();
      try {
        await client.query(script);
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    withAdvisoryLock: async (key, fn, options) => {
      const client = await pool.connect();
      try {
        if (options?.wait) {
          await client.query('select pg_advisory_lock($1)', [key]);
        } else {
          const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [key]);
          if (!rows[0]?.locked) return { ran: false };
        }
        try {
          return { ran: true, value: await fn() };
        } finally {
          await client.query('select pg_advisory_unlock($1)', [key]);
        }
      } finally {
        client.release();
      }
    },
    close: () => kysely.destroy(),
  };
}
