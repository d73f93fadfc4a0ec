import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import { describeEachDatabase, describeOnPostgres, tableCounts } from '../../support/databases';
import { buildGateway, startGateway, type Gateway } from '../../../cloudfunctions/gateway/server';
import { Clock } from '../../../cloudfunctions/gateway/clock';
import { openDb, type Db } from '../../../cloudfunctions/core/db/db';
import type { TimerFunction } from '../../../cloudfunctions/core/timers/timers';
import { demoStore } from '../../../cloudfunctions/core/db/seed/demo-store.data';

interface Reply {
  status: number;
  contentType: string;
  text: string;
  json: any;
}

async function request(
  gateway: Gateway,
  path: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const response = await fetch(`${gateway.url}${path}`, {
    method: init.method ?? 'POST',
    body: init.body,
    headers: init.headers,
  });
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: asserted on by the caller
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, json };
}

/** Calls a function as the client does: a JSON body, optionally signed in with X-Dev-Openid. */
function callFn(gateway: Gateway, fn: string, body: unknown, openid?: string) {
  return request(gateway, `/api/fn/${fn}`, {
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
  });
}

/** An error envelope a client can rely on: JSON, the code, no stack trace, no HTML. */
function expectEnvelope(reply: Reply, status: number, code: string) {
  expect({ status: reply.status, code: reply.json?.error?.code }).toEqual({ status, code });
  expect(reply.json.ok).toBe(false);
  expect(typeof reply.json.error.message).toBe('string');
  expect(reply.contentType).toMatch(/^application\/json/);
  expect(reply.text).not.toMatch(/\bat .+:\d+:\d+|\n\s+at /);
  expect(reply.text.trimStart().startsWith('<')).toBe(false);
}

const newOpenid = () => `o_${randomUUID().replace(/-/g, '').slice(0, 20)}`;

async function createdAtOf(db: Db, openid: string): Promise<Date> {
  const row = await db.kysely
    .selectFrom('members')
    .select('created_at')
    .where('openid', '=', openid)
    .executeTakeFirstOrThrow();
  return new Date(row.created_at);
}

/** A timer that records its runs; `boom` makes it throw like a bug would. */
function fakeTimer(name: string, behaviour: 'ok' | 'boom' = 'ok') {
  const runs: Date[] = [];
  const timer: TimerFunction = {
    name,
    cron: '0 */1 * * * * *',
    run: async (ctx) => {
      runs.push(ctx.now);
      if (behaviour === 'boom') throw new Error(`secret internals of ${name}`);
      return { expired: 2, settled: 1 };
    },
  };
  return { timer, runs };
}

const productId = demoStore.products[0]!.id;

describeEachDatabase('gateway over HTTP', (use) => {
  let gateway: Gateway;
  const ticker = fakeTimer('fakeTimer');
  const broken = fakeTimer('brokenTimer', 'boom');

  beforeAll(async () => {
    gateway = await startGateway({
      port: 0,
      db: use(),
      devAuth: true,
      logLevel: 'silent',
      timers: [ticker.timer, broken.timer],
    });
  });
  afterAll(async () => {
    await gateway?.close();
    // See member.test.ts: let the pool's sockets close before the harness force-drops the database.
    if (use().kind === 'postgres') {
      await use().close();
      await sleep(200);
    }
  });

  const refusals: Array<[string, () => Promise<Reply>, number, string]> = [
    [
      'malformed JSON',
      () =>
        request(gateway, '/api/fn/catalog', {
          body: '{"action": "home", ',
          headers: { 'content-type': 'application/json' },
        }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'an XML body',
      () =>
        request(gateway, '/api/fn/catalog', {
          body: '<call action="home"/>',
          headers: { 'content-type': 'application/xml' },
        }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'JSON sent as text/plain',
      () =>
        request(gateway, '/api/fn/catalog', { body: '{"action":"home"}', headers: { 'content-type': 'text/plain' } }),
      400,
      'VALIDATION_FAILED',
    ],
    ['no body at all', () => request(gateway, '/api/fn/catalog'), 400, 'VALIDATION_FAILED'],
    ['an unknown action', () => callFn(gateway, 'catalog', { action: 'nope' }), 400, 'UNKNOWN_ACTION'],
    [
      'another function’s action',
      () => callFn(gateway, 'catalog', { action: 'member.me' }, 'demo-manager'),
      400,
      'UNKNOWN_ACTION',
    ],
    ['an unknown function', () => callFn(gateway, 'nope', { action: 'home' }), 404, 'UNKNOWN_FUNCTION'],
    [
      'an unknown product',
      () => callFn(gateway, 'catalog', { action: 'getProduct', data: { productId: 'p-nope' } }),
      404,
      'NOT_FOUND',
    ],
    [
      'a body over 100 KB',
      () => callFn(gateway, 'catalog', { action: 'home', data: {}, pad: 'x'.repeat(110 * 1024) }),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    ['member.me without identity', () => callFn(gateway, 'member', { action: 'me', data: {} }), 401, 'UNAUTHENTICATED'],
    [
      'member.me with a malformed openid',
      () => callFn(gateway, 'member', { action: 'me', data: {} }, 'not valid!'),
      401,
      'UNAUTHENTICATED',
    ],
    ['an unknown route under /api', () => request(gateway, '/api/nope', { method: 'GET' }), 404, 'NOT_FOUND'],
    ['GET on a function', () => request(gateway, '/api/fn/catalog', { method: 'GET' }), 404, 'NOT_FOUND'],
  ];

  it.each(refusals)('%s is refused with a clean envelope and writes nothing', async (_label, send, status, code) => {
    const before = await tableCounts(use());
    expectEnvelope(await send(), status, code);
    expect(await tableCounts(use())).toEqual(before);
  });

  it.each([
    ['limit 0', { limit: 0 }, 'limit'],
    ['an unknown field', { sortBy: 'price' }, ''],
    ['a keyword over 40 chars', { keyword: '精'.repeat(41) }, 'keyword'],
  ])('invalid data (%s) is 400 with details naming the problem', async (_label, data, path) => {
    const before = await tableCounts(use());
    const reply = await callFn(gateway, 'catalog', { action: 'listProducts', data });
    expectEnvelope(reply, 400, 'VALIDATION_FAILED');
    expect(reply.json.error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
    expect(await tableCounts(use())).toEqual(before);
  });

  it('a bug answers 500 INTERNAL without leaking the error', async () => {
    const reply = await request(gateway, '/api/dev/run-timer/brokenTimer');
    expectEnvelope(reply, 500, 'INTERNAL');
    expect(reply.text).not.toContain('secret internals');
  });

  it('healthz answers ok with the database kind', async () => {
    const reply = await request(gateway, '/healthz', { method: 'GET' });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ ok: true, db: use().kind });
  });

  it('a signed-in call answers 200 with data', async () => {
    const reply = await callFn(gateway, 'member', { action: 'me', data: {} }, 'demo-staff');
    expect(reply.status).toBe(200);
    expect(reply.json.data.role).toBe('staff');
  });

  it('product images are SVG rendered locally; an unknown product or image number is 404', async () => {
    const image = await request(gateway, `/media/products/${productId}/1.svg`, { method: 'GET' });
    expect(image.status).toBe(200);
    expect(image.contentType).toMatch(/^image\/svg\+xml/);
    expect(image.text.startsWith('<svg')).toBe(true);

    expect((await request(gateway, '/media/products/p-nope/1.svg', { method: 'GET' })).status).toBe(404);
    expect((await request(gateway, `/media/products/${productId}/9.svg`, { method: 'GET' })).status).toBe(404);
  });

  it('the dev clock moves the time new members are created at, and null resets it', async () => {
    const setClock = (now: string | null) =>
      request(gateway, '/api/dev/clock', {
        body: JSON.stringify({ now }),
        headers: { 'content-type': 'application/json' },
      });
    const future = new Date('2030-01-01T00:00:00Z');
    try {
      expect((await setClock(future.toISOString())).status).toBe(200);
      const later = newOpenid();
      expect((await callFn(gateway, 'member', { action: 'me', data: {} }, later)).status).toBe(200);
      const createdAt = await createdAtOf(use(), later);
      expect(createdAt.getTime() - future.getTime()).toBeGreaterThanOrEqual(0);
      expect(createdAt.getTime() - future.getTime()).toBeLessThan(60_000);
    } finally {
      expect((await setClock(null)).status).toBe(200);
    }
    const today = newOpenid();
    await callFn(gateway, 'member', { action: 'me', data: {} }, today);
    expect(Math.abs((await createdAtOf(use(), today)).getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('a clock value that is not a time is refused and leaves the clock alone', async () => {
    const reply = await request(gateway, '/api/dev/clock', {
      body: JSON.stringify({ now: 'tomorrow-ish' }),
      headers: { 'content-type': 'application/json' },
    });
    expectEnvelope(reply, 400, 'VALIDATION_FAILED');
    expect(Math.abs(gateway.clock.now().getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('run-timer runs the named timer once, at the gateway clock, and returns its result', async () => {
    const runsBefore = ticker.runs.length;
    const reply = await request(gateway, '/api/dev/run-timer/fakeTimer');
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      ok: true,
      data: { timer: 'fakeTimer', ran: true, result: { expired: 2, settled: 1 } },
    });
    expect(ticker.runs.length).toBe(runsBefore + 1);
  });

  it('run-timer for an unknown timer is 404', async () => {
    expectEnvelope(await request(gateway, '/api/dev/run-timer/nope'), 404, 'UNKNOWN_FUNCTION');
  });

  it('the dev pay callback runs the real payCallback: an unknown order is recorded as an anomaly, not paid', async () => {
    const before = await use().kysely.selectFrom('payment_anomalies').select('id').execute();
    const reply = await request(gateway, '/api/dev/pay-callback', {
      body: JSON.stringify({
        returnCode: 'SUCCESS',
        resultCode: 'SUCCESS',
        outTradeNo: 'NOSUCHORDER1',
        transactionId: 'T1',
        totalFee: 100,
      }),
      headers: { 'content-type': 'application/json' },
    });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ errcode: 0 });
    const after = await use().kysely.selectFrom('payment_anomalies').select(['kind', 'out_trade_no']).execute();
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toEqual({ kind: 'unknown_order', out_trade_no: 'NOSUCHORDER1' });
    expect(await use().kysely.selectFrom('payments').select('order_id').execute()).toEqual([]);
  });

  it('without dev auth the dev routes do not exist and X-Dev-Openid signs nobody in', async () => {
    const locked = await startGateway({
      port: 0,
      db: use(),
      devAuth: false,
      logLevel: 'silent',
      timers: [ticker.timer],
    });
    try {
      const runsBefore = ticker.runs.length;
      const before = await tableCounts(use());
      expectEnvelope(
        await request(locked, '/api/dev/clock', {
          body: '{"now":"2030-01-01T00:00:00Z"}',
          headers: { 'content-type': 'application/json' },
        }),
        404,
        'NOT_FOUND',
      );
      expectEnvelope(await request(locked, '/api/dev/run-timer/fakeTimer'), 404, 'NOT_FOUND');
      expectEnvelope(
        await request(locked, '/api/dev/pay-callback', { body: '{}', headers: { 'content-type': 'application/json' } }),
        404,
        'NOT_FOUND',
      );
      expectEnvelope(
        await callFn(locked, 'member', { action: 'me', data: {} }, 'demo-manager'),
        401,
        'UNAUTHENTICATED',
      );
      expect(ticker.runs.length).toBe(runsBefore);
      expect(Math.abs(locked.clock.now().getTime() - Date.now())).toBeLessThan(60_000);
      expect(await tableCounts(use())).toEqual(before);
    } finally {
      await locked.close();
    }
  });

  it('dev auth with NODE_ENV=production is refused by buildGateway and startGateway', async () => {
    await expect(
      buildGateway({ db: use(), clock: new Clock(), devAuth: true, nodeEnv: 'production', logLevel: 'silent' }),
    ).rejects.toThrow(/production/);
    await expect(
      startGateway({ port: 0, db: use(), devAuth: true, nodeEnv: 'production', logLevel: 'silent' }),
    ).rejects.toThrow(/production/);
  });
});

describeOnPostgres('gateway refusing to start', (use) => {
  afterAll(async () => {
    await use().close();
    await sleep(200);
  });

  it('refuses dev auth in production before touching the database (no schema, no demo staff)', async () => {
    const adminUrl = process.env.DATABASE_URL!;
    const name = `storefront_t_refuse_${randomBytes(4).toString('hex')}`;
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(statement).finally(() => client.end());
    };
    await admin(`create database "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const db = await openDb({ databaseUrl: url.toString(), poolSize: 2 });
    try {
      await expect(
        startGateway({ port: 0, db, devAuth: true, nodeEnv: 'production', logLevel: 'silent' }),
      ).rejects.toThrow(/production/);
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::int as n from pg_tables where schemaname = 'public'`.execute(db.kysely);
      expect(rows[0]!.n).toBe(0);
    } finally {
      await db.close();
      await sleep(200);
      await admin(`drop database if exists "${name}" with (force)`);
    }
  });
});
