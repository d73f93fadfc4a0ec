import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { openDb, type Db } from '../core/db/db';
import { migrate } from '../core/db/migrate';
import { seedDemoHistory } from './demo-history';
import { seedDemoStore } from '../core/db/seed/seed';
import { dispatch } from '../core/dispatcher';
import { fail, httpStatusOf, type Envelope } from '../core/errors';
import { createLocalIdentity } from '../core/platform/local/identity.local';
import { createLocalPlatform, type LocalPlatform } from '../core/platform/local/local-platform';
import { payLocally } from './dev-pay';
import type { CallContext } from '../core/context';
import { timers as defaultTimers, type TimerFunction } from '../core/timers/timers';
import { Clock } from './clock';
import { registerMediaRoutes } from './media';
import { startScheduler, runTimerOnce } from './scheduler';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitConfig } from '../core/ratelimit';
import { retryAfterHeader } from './rate-limit';
import { installSelfHost, type SelfHostOptions } from './self-host';

/** WeChat cloud functions take at most 100 KB from the client; the gateway holds the same line. */
export const BODY_LIMIT_BYTES = 100 * 1024;

export interface GatewayOptions {
  port?: number;
  host?: string;
  /** Postgres server; otherwise PGlite in `dataDir`, or in memory when neither is given. */
  databaseUrl?: string;
  dataDir?: string;
  /** An already-open database (tests); the gateway will not close it. */
  db?: Db;
  /** Local sign-in with `X-Dev-Openid` and the /api/dev routes. Refused when NODE_ENV=production. */
  devAuth?: boolean;
  /** The H5 build to serve at `/`. */
  staticDir?: string;
  /** Seed the demo store (idempotent). Default true. */
  seed?: boolean;
  /** Also a few months of demo trade through the real services, once (local mode, dev sign-in only). */
  demoHistory?: boolean;
  storeId?: string;
  /** Run timer functions on their cron. Default false (tests run them through /api/dev/run-timer). */
  schedule?: boolean;
  timers?: TimerFunction[];
  logLevel?: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  nodeEnv?: string;
  /**
   * Counter and mutating actions limited per identity and per client IP, logins per IP, counted in
   * the database so replicas share the budget; `false` turns limiting off. Default DEFAULT_RATE_LIMIT.
   */
  rateLimit?: RateLimitConfig | false;
  /** The rate limiter's clock in ms (tests); default Date.now. The dev clock does not move it. */
  rateLimitNow?: () => number;
  /**
   * Proxies whose X-Forwarded-For names the client (`TRUST_PROXY`: addresses, CIDRs or `loopback`,
   * comma-separated). Behind a proxy without it every request has the proxy's IP, and the per-IP
   * limits would throttle all customers together.
   */
  trustProxy?: string;
  /** Self-hosted sign-in (wx.login -> session token) and WeChat Pay v3. */
  selfHost?: SelfHostOptions;
  /** `MEDIA_DIR`: uploads and catalog renditions, served at /media/ (default: beside the PGlite data, else a temp folder). */
  mediaDir?: string;
  /** `MEDIA_PUBLIC_BASE_URL`: the https origin answers prefix /media/ paths with (self-hosted weapp). */
  mediaPublicBaseUrl?: string;
}

export interface Gateway {
  url: string;
  platform: LocalPlatform;
  app: FastifyInstance;
  db: Db;
  clock: Clock;
  close(): Promise<void>;
}

function send(reply: import('fastify').FastifyReply, envelope: Envelope<unknown>) {
  return reply.code(httpStatusOf(envelope)).send(envelope);
}

/** Builds the Fastify app: every function at POST /api/fn/<function>, health, media, H5, dev routes. */
export async function buildGateway(
  options: GatewayOptions & { db: Db; clock: Clock; platform?: LocalPlatform },
): Promise<FastifyInstance> {
  const { db, clock } = options;
  const devAuth = options.devAuth ?? false;
  const storeId = options.storeId ?? 'demo';
  const timerRegistry = options.timers ?? defaultTimers;
  const local =
    options.platform ??
    createLocalPlatform({
      devAuth,
      nodeEnv: options.nodeEnv ?? process.env.NODE_ENV,
      db,
      now: () => clock.now(),
      media: mediaOptions(options),
    });
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy || false,
    logger: { level: options.logLevel ?? 'info' },
  });
  const rateLimiter =
    options.rateLimit === false ? null : new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT, options.rateLimitNow);
  // Self-hosted: a platform of its own, composed from the local one, which stays as it was.
  const platform = options.selfHost
    ? installSelfHost(app, local, { ...options.selfHost, db, now: () => clock.now(), rateLimiter })
    : local;

  const contextFor = (
    headers: Record<string, string | string[] | undefined>,
    requestId: string,
    clientIp: string | null,
  ): CallContext => ({
    db,
    platform,
    identity: platform.identity.identify({ headers }),
    storeId,
    now: clock.now(),
    requestId,
    // Fastify's req.ip honours trustProxy: behind a trusted proxy it is the client, not the proxy.
    clientIp,
    rateLimiter,
  });

  // Bad input never becomes a 500: parser and limit errors answer the envelope with their status.
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) return send(reply, fail('PAYLOAD_TOO_LARGE', undefined, { limitBytes: BODY_LIMIT_BYTES }));
    if (status >= 400 && status < 500) {
      return reply.code(400).send(fail('VALIDATION_FAILED', '请求格式有误', { reason: error.code ?? 'BAD_REQUEST' }));
    }
    req.log.error({ err: error }, 'unhandled error');
    return send(reply, fail('INTERNAL'));
  });

  app.post<{ Params: { fn: string } }>('/api/fn/:fn', async (req, reply) => {
    const envelope = await dispatch(req.params.fn, req.body, contextFor(req.headers, req.id, req.ip));
    if (!envelope.ok && envelope.error.code === 'RATE_LIMITED') retryAfterHeader(reply, envelope.error.details);
    return send(reply, envelope);
  });

  app.get('/healthz', async () => {
    await db.kysely.selectFrom('stores').select('id').limit(1).execute();
    return { ok: true, db: db.kind };
  });

  registerMediaRoutes(app, { db, storeId, platform, rateLimiter, now: () => clock.now() });

  if (devAuth) {
    app.post<{ Body: { now?: string | null } }>('/api/dev/clock', async (req, reply) => {
      const value = req.body?.now;
      const at = value === null || value === undefined ? null : new Date(value);
      if (at && Number.isNaN(at.getTime())) return send(reply, fail('VALIDATION_FAILED', '时间格式应为 ISO-8601'));
      clock.set(at);
      return { ok: true, data: { now: clock.now().toISOString() } };
    });
    app.post<{ Params: { fn: string } }>('/api/dev/run-timer/:fn', async (req, reply) => {
      const timer = timerRegistry.find((t) => t.name === req.params.fn);
      if (!timer) return send(reply, fail('UNKNOWN_FUNCTION', undefined, { function: req.params.fn }));
      return { ok: true, data: await runTimerOnce(timer, contextFor({}, req.id, null)) };
    });
    // The exact event WeChat Pay's cloud callback would deliver, run through the real payCallback.
    app.post('/api/dev/pay-callback', async (req) => payLocally(db, platform.pay, req.body, clock.now()));
  }

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return send(reply, fail('NOT_FOUND', undefined, { path: req.url.split('?')[0] }));
    return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
  });

  const staticDir = options.staticDir ? resolve(options.staticDir) : null;
  if (staticDir && existsSync(resolve(staticDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: staticDir, prefix: '/', index: ['index.html'] });
  } else {
    app.get('/', async (_req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<p>The H5 storefront is not built yet: run <code>npm run build:h5</code> (npm start does it for you).</p>',
        ),
    );
  }

  if (options.schedule) {
    const stop = startScheduler(timerRegistry, () => contextFor({}, 'timer', null), app.log);
    app.addHook('onClose', async () => stop());
  }
  return app;
}

function mediaOptions(options: GatewayOptions) {
  const dir = options.mediaDir ?? (options.dataDir ? join(dirname(resolve(options.dataDir)), 'media') : undefined);
  // Replicas behind one address verify each other's report links: they share the session secret.
  return { dir, publicBaseUrl: options.mediaPublicBaseUrl, linkSecret: options.selfHost?.auth?.sessionSecret };
}

/** Opens the database, migrates, seeds, and listens. Port 0 picks a free port. */
export async function startGateway(options: GatewayOptions = {}): Promise<Gateway> {
  // Refuse dev sign-in in production before anything is opened, migrated or seeded.
  createLocalIdentity({ devAuth: options.devAuth ?? false, nodeEnv: options.nodeEnv ?? process.env.NODE_ENV });
  const ownsDb = !options.db;
  const db = options.db ?? (await openDb({ databaseUrl: options.databaseUrl, dataDir: options.dataDir }));
  await migrate(db);
  if (options.seed ?? true) await seedDemoStore(db.kysely);
  const clock = new Clock();
  const platform = createLocalPlatform({
    devAuth: options.devAuth ?? false,
    nodeEnv: options.nodeEnv ?? process.env.NODE_ENV,
    db,
    now: () => clock.now(),
    media: mediaOptions(options),
  });
  if (options.demoHistory && options.devAuth && (options.seed ?? true)) {
    console.log('  demo history: checking (the first start writes a few months of demo trade, ~10 s)');
    const history = await seedDemoHistory(db, platform, clock.now(), options.storeId);
    if (!history.skipped)
      console.log(`  demo history: ${history.members} members, ${history.orders} orders over the last 150 days`);
  }
  const app = await buildGateway({ ...options, db, clock, platform, logLevel: options.logLevel ?? 'silent' });
  const address = await app.listen({ port: options.port ?? 8787, host: options.host ?? '127.0.0.1' });
  return {
    url: address.replace('[::1]', 'localhost'),
    app,
    db,
    clock,
    platform,
    close: async () => {
      await app.close();
      if (ownsDb) await db.close();
    },
  };
}
