/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the PGlite in DATA_DIR. */
import { resolve } from 'node:path';
import { openDb } from '../cloudfunctions/core/db/db';
import { migrate } from '../cloudfunctions/core/db/migrate';

async function run() {
  const url = process.env.DATABASE_URL || undefined;
  const db = await openDb(url ? { databaseUrl: url } : { dataDir: resolve(process.env.DATA_DIR ?? '.data/pglite') });
  const applied = await migrate(db);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  if (process.argv.includes('--seed')) {
    const { seedDemoStore } = await import('../cloudfunctions/core/db/seed/seed');
    await seedDemoStore(db.kysely);
    console.log('demo store seeded');
  }
  await db.close();
}

run().catch((error) => {
  console.error(error);
  process.exit(1);
});
