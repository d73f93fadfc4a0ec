import { resolve } from 'node:path';
import { rateLimitSettingFromEnv } from '../core/ratelimit';
import { ConfigError, loadGatewayConfig, type GatewayConfig } from '../core/config/production-config';
import { startGateway } from './server';

/**
 * Entry point: `npm start` (local: PGlite in .data/, DEV_AUTH=1) or self-hosted behind HTTPS
 * (DATABASE_URL set, DEV_AUTH unset, NODE_ENV=production).
 */
async function main() {
  const env = process.env;
  let config: GatewayConfig;
  try {
    config = loadGatewayConfig(env);
  } catch (error) {
    // Every problem at once, before any database is opened or any port is bound.
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const devAuth = config.devAuth;
  const gateway = await startGateway({
    port: Number(env.PORT ?? 8787),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : resolve(env.DATA_DIR ?? '.data/pglite'),
    devAuth,
    staticDir: env.STATIC_DIR ?? 'dist/h5',
    seed: env.SEED_DEMO !== '0',
    demoHistory: env.SEED_DEMO_HISTORY === '1',
    storeId: env.STORE_ID ?? 'demo',
    schedule: env.TIMERS !== '0',
    logLevel: (env.LOG_LEVEL as 'info') ?? 'info',
    rateLimit: rateLimitSettingFromEnv(env),
    trustProxy: env.TRUST_PROXY,
    mediaDir: env.MEDIA_DIR ? resolve(env.MEDIA_DIR) : undefined,
    mediaPublicBaseUrl: env.MEDIA_PUBLIC_BASE_URL || undefined,
    selfHost: {
      auth: config.auth,
      wxpay: config.wxpay && config.auth ? { ...config.wxpay, appid: config.auth.appid } : null,
    },
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
