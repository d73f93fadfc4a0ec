import type { TestProject } from 'vitest/node';
import { ensurePgliteTemplate } from './pglite-template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/** Builds the migrated, seeded PGlite template once per run and tells it which suites it serves. */
export default async function setup(project: TestProject) {
  project.provide('pgliteTemplate', await ensurePgliteTemplate());
  if (!process.env.DATABASE_URL) {
    console.log(
      '\n[storefront] DATABASE_URL is not set: integration suites run on PGlite only, and the concurrency ' +
        'suites (which need a real Postgres server) are SKIPPED. Set DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run them.\n',
    );
  }
}
