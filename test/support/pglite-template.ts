import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDb } from '../../cloudfunctions/core/db/db';
import { migrate } from '../../cloudfunctions/core/db/migrate';
import { seedDemoStore } from '../../cloudfunctions/core/db/seed/seed';

const ROOT = resolve(__dirname, '../..');
const CACHE_DIR = join(ROOT, 'node_modules/.cache/storefront-test');

/** What the template depends on: a change to any of these builds a new one. */
function templateInputs(): string[] {
  const migrations = join(ROOT, 'cloudfunctions/core/db/migrations');
  const seed = join(ROOT, 'cloudfunctions/core/db/seed');
  return [
    ...readdirSync(migrations).map((f) => join(migrations, f)),
    ...readdirSync(seed)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(seed, f)),
    join(ROOT, 'cloudfunctions/core/member/domain/tiers.ts'),
  ].sort();
}

/**
 * A migrated, seeded PGlite data dir, dumped once and reused by every suite (initdb costs ~5 s,
 * loading a dump under 1 s). Returns the dump's path.
 */
export async function ensurePgliteTemplate(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of templateInputs()) hash.update(file).update(readFileSync(file));
  const path = join(CACHE_DIR, `pglite-template-${hash.digest('hex').slice(0, 16)}.tgz`);
  if (existsSync(path)) return path;
  const db = await openDb();
  await migrate(db);
  await seedDemoStore(db.kysely);
  const dump = await dumpOf(db);
  await db.close();
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  return path;
}

async function dumpOf(db: Awaited<ReturnType<typeof openDb>>): Promise<Blob> {
  if (!db.dumpDataDir) throw new Error('not a PGlite database');
  return db.dumpDataDir();
}
