import { isDeepStrictEqual } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contract, type ActionName, type ActionSpec } from '../../../cloudfunctions/core/contract';
import { ERRORS, type ErrorCode } from '../../../cloudfunctions/core/errors';
import { BODY_LIMIT_BYTES, buildGateway } from '../../../cloudfunctions/gateway/server';
import { Clock } from '../../../cloudfunctions/gateway/clock';
import { describeEachDatabase } from '../../support/databases';
import { CASES_PER_ACTION, samplesOf, seedOf } from '../../support/bad-input/action-inputs';
import { changes, snapshotter } from '../../support/bad-input/db-snapshot';
import { AT, makeHostileWorld, type HostileWorld } from '../../support/bad-input/hostile-world';
import { casesFor, judge, leastRoleCaller } from '../../support/bad-input/run-batch';
import type { BadInputCase } from '../../support/bad-input/case-generators';

/** Cases per action sent over HTTP: enough to see each action's status mapping, few enough to stay fast. */
const PER_ACTION = 5;
const ACTIONS = Object.keys(contract) as ActionName[];

interface Sent {
  payload?: string;
  headers?: Record<string, string>;
  method?: 'POST' | 'GET' | 'PUT';
  url?: string;
}

/** Bodies and requests no client should send, each with the envelope code the gateway must answer. */
const TRANSPORT: Array<[string, Sent, ErrorCode]> = [
  ['malformed JSON', { payload: '{"action": "home", ' }, 'VALIDATION_FAILED'],
  ['a JSON array body', { payload: '[{"action":"home"}]' }, 'VALIDATION_FAILED'],
  ['a JSON null body', { payload: 'null' }, 'VALIDATION_FAILED'],
  ['a JSON string body', { payload: '"home"' }, 'VALIDATION_FAILED'],
  ['a JSON number body', { payload: '42' }, 'VALIDATION_FAILED'],
  ['an empty JSON body', { payload: '' }, 'VALIDATION_FAILED'],
  ['a numeric action', { payload: '{"action": 1}' }, 'VALIDATION_FAILED'],
  ['an action name of 5,000 chars', { payload: JSON.stringify({ action: 'a'.repeat(5000) }) }, 'VALIDATION_FAILED'],
  [
    'an idempotency key that is a number',
    { payload: '{"action":"home","data":{},"idempotencyKey":12345678}' },
    'VALIDATION_FAILED',
  ],
  ['XML', { payload: '<call action="home"/>', headers: { 'content-type': 'application/xml' } }, 'VALIDATION_FAILED'],
  [
    'JSON as text/plain',
    { payload: '{"action":"home"}', headers: { 'content-type': 'text/plain' } },
    'VALIDATION_FAILED',
  ],
  [
    'form-encoded',
    { payload: 'action=home', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    'VALIDATION_FAILED',
  ],
  [
    'a body over the limit',
    { payload: JSON.stringify({ action: 'home', data: { pad: 'x'.repeat(BODY_LIMIT_BYTES) } }) },
    'PAYLOAD_TOO_LARGE',
  ],
  [
    'arrays nested 20,000 deep',
    { payload: `{"action":"home","data":${'['.repeat(20_000)}${']'.repeat(20_000)}}` },
    'VALIDATION_FAILED',
  ],
  [
    'a __proto__ key in the body',
    { payload: '{"action":"home","data":{},"__proto__":{"polluted":true,"role":"manager"}}' },
    'VALIDATION_FAILED',
  ],
  [
    'a constructor.prototype key in data',
    { payload: '{"action":"home","data":{"constructor":{"prototype":{"polluted":true}}}}' },
    'VALIDATION_FAILED',
  ],
  [
    'a number JSON reads as Infinity',
    { payload: '{"action":"listProducts","data":{"limit":1e400}}' },
    'VALIDATION_FAILED',
  ],
  [
    'an integer past 2^64',
    { payload: '{"action":"listProducts","data":{"limit":123456789012345678901234567890}}' },
    'VALIDATION_FAILED',
  ],
  [
    'a duplicate action key naming another function',
    { payload: '{"action":"home","action":"member.me","data":{}}' },
    'UNKNOWN_ACTION',
  ],
  ['an unknown action', { payload: '{"action":"nope","data":{}}' }, 'UNKNOWN_ACTION'],
  ['an action of another function', { payload: '{"action":"manager.listStaff","data":{}}' }, 'UNKNOWN_ACTION'],
  ['an unknown function', { url: '/api/fn/nope', payload: '{"action":"home"}' }, 'UNKNOWN_FUNCTION'],
  [
    'a function name with a path trick',
    { url: '/api/fn/..%2Fmanager', payload: '{"action":"listStaff"}' },
    'UNKNOWN_FUNCTION',
  ],
  [
    'an injected dev openid',
    { url: '/api/fn/member', payload: '{"action":"me","data":{}}', headers: { 'x-dev-openid': "' OR '1'='1" } },
    'UNAUTHENTICATED',
  ],
  [
    'a dev openid of 65 chars',
    { url: '/api/fn/member', payload: '{"action":"me","data":{}}', headers: { 'x-dev-openid': 'o'.repeat(65) } },
    'UNAUTHENTICATED',
  ],
  [
    'an empty dev openid',
    { url: '/api/fn/member', payload: '{"action":"me","data":{}}', headers: { 'x-dev-openid': '' } },
    'UNAUTHENTICATED',
  ],
  ['GET on a function', { method: 'GET', payload: undefined }, 'NOT_FOUND'],
  ['PUT on a function', { method: 'PUT', payload: '{"action":"home"}' }, 'NOT_FOUND'],
];

const STACK = /\bat .+:\d+:\d+|\n\s+at |node_modules|\.ts:\d+/;

/** The status the gateway's code->status table gives, a JSON error envelope, no stack, no HTML. */
function expectEnvelopeReply(
  reply: { statusCode: number; headers: Record<string, unknown>; body: string },
  code: ErrorCode,
  where: string,
) {
  let json: { ok?: unknown; error?: { code?: unknown; message?: unknown } } | undefined;
  try {
    json = JSON.parse(reply.body);
  } catch {
    json = undefined;
  }
  expect({ status: reply.statusCode, code: json?.error?.code }, where).toEqual({ status: ERRORS[code].status, code });
  expect(json?.ok, where).toBe(false);
  expect(typeof json?.error?.message, where).toBe('string');
  expect(String(reply.headers['content-type']), where).toMatch(/^application\/json/);
  expect(reply.body, where).not.toMatch(STACK);
}

/** JSON carries the case unchanged (no NaN, undefined, holes): the generated cases HTTP can send. */
function sendable(c: BadInputCase): boolean {
  const text = JSON.stringify({ data: c.data });
  // Cheap size check first: huge cases are many, and comparing them is slow.
  return text !== undefined && (text.length > 2 * BODY_LIMIT_BYTES || isDeepStrictEqual(JSON.parse(text).data, c.data));
}

describeEachDatabase('bad input over HTTP: the real Fastify gateway maps every refusal to its 4xx status', (use) => {
  let app: FastifyInstance;
  let world: HostileWorld;
  let snapshot: Awaited<ReturnType<typeof snapshotter>>;
  let skuId: string;
  let sentCount = 0;

  beforeAll(async () => {
    const db = use();
    skuId = (
      await db.kysely.selectFrom('skus').select('id').where('active', '=', true).orderBy('id').executeTakeFirstOrThrow()
    ).id;
    world = await makeHostileWorld(db);
    const clock = new Clock();
    clock.set(AT);
    // Rate limiting off: this suite proves the status of each refusal, not the limiter (rate-limit.test.ts does).
    app = await buildGateway({ db, clock, devAuth: true, logLevel: 'silent', rateLimit: false });
    snapshot = await snapshotter(db);
  });

  afterAll(async () => {
    await app?.close();
    console.log(`[bad-input over HTTP] ${sentCount} requests through the gateway`);
  });

  it('refuses broken bodies, wrong content types, huge bodies and unknown functions and actions with a clean envelope, and writes nothing', async () => {
    const before = await snapshot({ content: true });
    for (const [label, sent, code] of TRANSPORT) {
      const reply = await app.inject({
        method: sent.method ?? 'POST',
        url: sent.url ?? '/api/fn/catalog',
        payload: sent.payload,
        headers: { 'content-type': 'application/json', 'x-dev-openid': world.attackerOpenid, ...sent.headers },
      });
      sentCount++;
      expectEnvelopeReply(reply, code, label);
    }
    expect(changes(before, await snapshot({ content: true }))).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`every action: ${PER_ACTION} generated bad inputs (and a hostile id for reads) over HTTP get the status of their code and the answer the dispatcher promises`, async () => {
    const before = await snapshot({ content: true });
    const problems: string[] = [];
    const statuses: Record<number, number> = {};
    for (const name of ACTIONS) {
      const spec = contract[name] as ActionSpec;
      const openid = leastRoleCaller(spec.role, world);
      // Invalid cases (they never reach a use case), one of each family first (wrong type, huge string,
      // unknown enum, extra key...); and, for reads, one schema-valid hostile id (another member's or
      // none): a business refusal with its own status. Neither may write.
      const cases: BadInputCase[] = [];
      const generated = casesFor(name, samplesOf(name, skuId), world, { total: CASES_PER_ACTION, seed: seedOf(name) });
      const invalid = generated.filter((c) => c.intent === 'invalid');
      for (const distinct of [true, false]) {
        for (const c of invalid) {
          if (
            cases.length < PER_ACTION &&
            !cases.includes(c) &&
            (!distinct || !cases.some((k) => k.family === c.family)) &&
            sendable(c)
          )
            cases.push(c);
        }
      }
      expect(cases.length, `${name} has sendable invalid cases`).toBe(PER_ACTION);
      const hostileRead = spec.mutating
        ? undefined
        : generated.find((c) => c.family === 'foreign-or-missing-id' && spec.input.safeParse(c.data).success);
      if (hostileRead) cases.push(hostileRead);
      for (const c of cases) {
        const payload = JSON.stringify({
          action: name,
          data: c.data,
          ...(c.idempotencyKey === undefined ? {} : { idempotencyKey: c.idempotencyKey }),
        });
        const reply = await app.inject({
          method: 'POST',
          url: `/api/fn/${name.split('.')[0]}`,
          payload,
          headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
        });
        sentCount++;
        const where = `${name} ${c.label}`;
        const body = JSON.parse(reply.body);
        if (Buffer.byteLength(payload) > BODY_LIMIT_BYTES) {
          // Over the limit the gateway refuses before the dispatcher sees the call.
          if (body.error?.code !== 'PAYLOAD_TOO_LARGE' || reply.statusCode !== 413)
            problems.push(`${where}: HTTP ${reply.statusCode} ${reply.body.slice(0, 100)} for a body over the limit`);
          continue;
        }
        problems.push(...judge(spec, c, body, world, spec.role).map((p) => `${where}: ${p}`));
        const expected = body.ok ? 200 : ERRORS[body.error.code as ErrorCode]?.status;
        if (reply.statusCode !== expected)
          problems.push(`${where}: HTTP ${reply.statusCode} for ${body.ok ? 'ok' : body.error.code}`);
        statuses[reply.statusCode] = (statuses[reply.statusCode] ?? 0) + 1;
      }
    }
    console.log(`[bad-input over HTTP] statuses of the per-action cases: ${JSON.stringify(statuses)}`);
    expect(problems).toEqual([]);
    expect(Object.keys(statuses).sort()).toEqual(expect.arrayContaining(['400', '404', '409']));
    expect(changes(before, await snapshot({ content: true }))).toEqual([]);
  });
});
