import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Db } from './db';

const MIGRATIONS_DIR = join(__dirname, 'migrations');
/** Advisory lock key for migrations: replicas starting together migrate once, one after another. */
const MIGRATION_LOCK = 7_001;

export interface Migration {
  version: string;
  sql: string;
}

/** Versioned SQL files `NNNN_name.sql`, in order. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.replace(/\.sql$/, ''), sql: readFileSync(join(dir, f), 'utf8') }));
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction
 * together with its record, so a crash never leaves a half-applied version. Returns what it applied.
 */
export async function migrate(db: Db, migrations = loadMigrations()): Promise<string[]> {
  const result = await db.withAdvisoryLock(
    MIGRATION_LOCK,
    async () => {
      await db.execScript(
        'create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())',
      );
      const { rows } = await sql<{ version: string }>`select version from schema_migrations`.execute(db.kysely);
      const applied = new Set(rows.map((r) => r.version));
      const done: string[] = [];
      for (const m of migrations) {
        if (applied.has(m.version)) continue;
        const record = `insert into schema_migrations (version) values ('${m.version.replace(/'/g, "''")}');`;
        await db.execScript(`begin;\n${m.sql}\n;${record}\ncommit;`);
        done.push(m.version);
      }
      return done;
    },
    { wait: true },
  );
  return result.ran ? result.value : [];
}
