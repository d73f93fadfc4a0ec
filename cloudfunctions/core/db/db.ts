import { randomUUID } from 'node:crypto';
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
   * Runs `fn` under a timer's lease, so replicas and overlapping triggers never run one timer at
   * once: `ran: false` when a live holder has it. The lease ends when `fn` does, and by itself
   * `ttlMs` after the last renewal (database clock) if its holder froze or died; a holder whose
   * connection is gone loses it at once.
   */
  withTimerLease<T>(
    timer: string,
    ttlMs: number,
    fn: () => Promise<T>,
  ): Promise<{ ran: true; value: T } | { ran: false }>;
  /**
   * Runs `fn` while holding a session-level advisory lock (migrations: replicas starting together
   * wait for each other). Not for timers: a frozen instance's session would keep the lock.
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
  /** node-postgres: give up connecting (or waiting for a free client) after this long; default never. */
  connectTimeoutMs?: number;
}

export async function openDb(options: DbOptions = {}): Promise<Db> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10, options.connectTimeoutMs)
    : openPGlite(options);
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
    // One session in one process that owns the data dir: there is no other holder to keep out, and
    // a lease row left by a killed process would only hold the timer up after a restart.
    withTimerLease: async (_timer, _ttlMs, fn) => ({ ran: true, value: await fn() }),
    withAdvisoryLock: async (_key, fn) => ({ ran: true, value: await fn() }),
    dumpDataDir: () => kysely.connection().execute(async () => (await pglite.dumpDataDir('gzip')) as Blob),
    close: async () => {
      await kysely.destroy();
      await pglite.close();
    },
  };
}

/**
 * Server-side limits for every session. A statement past 30 s is a runaway or a lock wait gone wrong
 * (migrations and the migration lock lift it for their own session). A transaction left idle for a
 * minute belongs to a client frozen or killed mid-transaction: ending its session frees the rows it
 * locked (a minute is past any WeChat call made inside a transaction). TCP keepalives every 10 s
 * after a minute of silence let the server drop the session of a host that vanished without closing.
 */
const SESSION_OPTIONS = [
  'statement_timeout=30000',
  'idle_in_transaction_session_timeout=60000',
  'tcp_keepalives_idle=60',
  'tcp_keepalives_interval=10',
  'tcp_keepalives_count=3',
]
  .map((o) => `-c ${o}`)
  .join(' ');

/**
 * Claims a timer's lease in one statement: a free timer gets a row; a held one is taken over only when
 * its lease expired or the backend that claimed it no longer exists (its process was killed). Two
 * claims at once serialise on the primary key and the second re-checks the first's row.
 */
const CLAIM_LEASE = `
  insert into timer_leases as l (timer, holder, holder_pid, expires_at)
  values ($1, $2, pg_backend_pid(), now() + make_interval(secs => $3::float8 / 1000))
  on conflict (timer) do update
    set holder = excluded.holder, holder_pid = excluded.holder_pid, expires_at = excluded.expires_at
    where l.expires_at <= now()
       or (l.holder_pid is not null and not exists (select 1 from pg_stat_activity a where a.pid = l.holder_pid))
  returning holder`;
const RENEW_LEASE = `update timer_leases set expires_at = now() + make_interval(secs => $3::float8 / 1000) where timer = $1 and holder = $2`;
const RELEASE_LEASE = `delete from timer_leases where timer = $1 and holder = $2`;

async function openPostgres(databaseUrl: string, max: number, connectTimeoutMs?: number): Promise<Db> {
  const pg = await import('pg');
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max,
    // A cloud instance is frozen between invocations: connections idle this long are closed rather
    // than kept for a thaw that may find them cut (NAT, server restart).
    idleTimeoutMillis: 10_000,
    // TCP keepalives on idle sockets: NAT entries of a quiet instance stay open, and a socket whose
    // server went away is found by the OS and leaves the pool instead of hanging a later query.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    // An unreachable server fails the call in `connectTimeoutMs` instead of the function's whole
    // timeout. pg-pool applies the same limit to waiting for a busy pool's free client, so only a
    // cloud function (one call at a time per instance) sets it; a gateway under load queues instead.
    ...(connectTimeoutMs ? { connectionTimeoutMillis: connectTimeoutMs } : {}),
    options: SESSION_OPTIONS,
    // node-postgres returns int8 (count(*), sums) as strings; PGlite returns numbers. Parse once, here.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === 20
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
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
        // A migration may rewrite a large table: no statement limit for this script.
        await client.query('set statement_timeout = 0');
        await client.query(script);
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        await client.query('reset statement_timeout').catch(() => undefined);
        client.release();
      }
    },
    withTimerLease: async (timer, ttlMs, fn) => {
      // A connection of its own for the whole run: its backend's pid marks the lease as alive, and
      // the pool cannot close it as idle under a long run.
      const client = await pool.connect();
      const holder = randomUUID();
      let lost: Error | undefined;
      // The pool stops listening to a client it lent out: a connection cut while the run holds it
      // (server restart, an operator's pg_terminate_backend) would otherwise crash the process.
      const onError = (error: Error) => {
        lost = error;
        console.warn(
          `[db] lease ${timer}: its connection was lost (the next run may take the lease over): ${error.message}`,
        );
      };
      client.on('error', onError);
      try {
        const { rows } = await client.query(CLAIM_LEASE, [timer, holder, ttlMs]).catch((error: Error) => {
          lost = error;
          throw error;
        });
        if (rows.length === 0) return { ran: false };
        // A live holder keeps its lease; a frozen one stops renewing and the lease runs out.
        const renew = setInterval(
          () => {
            client
              .query(RENEW_LEASE, [timer, holder, ttlMs])
              .catch((error: Error) => console.warn(`[db] lease ${timer} not renewed: ${error.message}`));
          },
          Math.max(1_000, ttlMs / 3),
        );
        renew.unref();
        try {
          return { ran: true, value: await fn() };
        } finally {
          clearInterval(renew);
          await client.query(RELEASE_LEASE, [timer, holder]).catch((error: Error) => {
            lost = error;
            console.warn(`[db] lease ${timer} not released (it expires by itself): ${error.message}`);
          });
        }
      } finally {
        client.removeListener('error', onError);
        // A connection that failed is destroyed, not handed to the next caller.
        client.release(lost);
      }
    },
    withAdvisoryLock: async (key, fn, options) => {
      const client = await pool.connect();
      try {
        // Waiting for another replica's migrations may take longer than a statement may.
        await client.query('set statement_timeout = 0');
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
        await client.query('reset statement_timeout').catch(() => undefined);
        client.release();
      }
    },
    close: () => kysely.destroy(),
  };
}
