import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, type CompiledQuery, type DatabaseConnection, type Dialect, type Driver } from 'kysely';
import { inject } from 'vitest';
import type { Db } from '../../cloudfunctions/core/db/db';
import type { Database } from '../../cloudfunctions/core/db/schema';
import { PGliteDialect } from '../../cloudfunctions/core/db/pglite-dialect';

/**
 * Wraps a dialect so every statement sent to the database (begin and commit included) is written to
 * `log`: a test counts the round trips of a use case.
 */
class CountingDialect implements Dialect {
  constructor(
    private readonly inner: Dialect,
    private readonly log: string[],
  ) {}
  createAdapter() {
    return this.inner.createAdapter();
  }
  createIntrospector(db: Kysely<any>) {
    return this.inner.createIntrospector(db);
  }
  createQueryCompiler() {
    return this.inner.createQueryCompiler();
  }
  createDriver(): Driver {
    const driver = this.inner.createDriver();
    const log = this.log;
    const wrap = (connection: DatabaseConnection): DatabaseConnection => ({
      executeQuery: (query: CompiledQuery) => {
        log.push(query.sql.replace(/\s+/g, ' ').trim());
        return connection.executeQuery(query);
      },
      streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
    });
    // Begin, commit and rollback run through the connection they are given: the wrapped one, so they count too.
    const inner = new Map<DatabaseConnection, DatabaseConnection>();
    return {
      init: () => driver.init(),
      acquireConnection: async () => {
        const connection = await driver.acquireConnection();
        const counted = wrap(connection);
        inner.set(counted, connection);
        return counted;
      },
      beginTransaction: (c, settings) => driver.beginTransaction(c, settings),
      commitTransaction: (c) => driver.commitTransaction(c),
      rollbackTransaction: (c) => driver.rollbackTransaction(c),
      releaseConnection: async (c) => {
        const connection = inner.get(c) ?? c;
        inner.delete(c);
        await driver.releaseConnection(connection);
      },
      destroy: () => driver.destroy(),
    };
  }
}

/** A PGlite from the migrated, seeded template whose statements are logged to `log` (empty it to start counting). */
export async function openCountingPglite(): Promise<Db & { log: string[] }> {
  const pglite = new PGlite({ loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
  await pglite.waitReady;
  const log: string[] = [];
  const kysely = new Kysely<Database>({ dialect: new CountingDialect(new PGliteDialect(pglite), log) });
  return {
    kysely,
    kind: 'pglite',
    log,
    execScript: (script) => pglite.exec(script).then(() => undefined),
    withTimerLease: async (_timer, _ttlMs, fn) => ({ ran: true, value: await fn() }),
    withAdvisoryLock: async (_key, fn) => ({ ran: true, value: await fn() }),
    close: async () => {
      await kysely.destroy();
      await pglite.close();
    },
  };
}
