import { resolve } from 'node:path';
import { rateLimitFromEnv } from './rate-limit';
import { startGateway } from './server';

/**
 * Entry point: `npm start` (local: PGlite in .data/, DEV_AUTH=1) or self-hosted behind HTTPS
 * (DATABASE_URL set, DEV_AUTH unset, NODE_ENV=production).
 */
async function main() {
  const env = process.env;
  const devAuth = env.DEV_AUTH === '1';
  if (devAuth && env.NODE_ENV === 'production') {
    console.error('Refusing to start: DEV_AUTH=1 lets anyone sign in as anyone and is not allowed with NODE_ENV=production.');
    process.exit(1);
  }
  const gateway = await startGateway({
    port: Number(env.PORT ?? 8787),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATABASE_URL ? undefined : resolve(env.DATA_DIR ?? '.data/pglite'),
    devAuth,
    staticDir: env.STATIC_DIR ?? 'dist/h5',
    seed: env.SEED_DEMO !== '0',
    storeId: env.STORE_ID ?? 'demo',
    schedule: env.TIMERS !== '0',
    logLevel: (env.LOG_LEVEL as 'info') ?? 'info',
    rateLimit: rateLimitFromEnv(env),
  });
  const shown = gateway.url.replace('127.0.0.1', 'localhost');
  console.log(`\n  Storefront ready: ${shown}/  (database: ${gateway.db.kind}${devAuth ? ', dev sign-in on' : ''})\n`);
  const stop = async () => {
    await gateway.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
