import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnPostgres } from '../../support/databases';
import { startGateway, type Gateway } from '../../../cloudfunctions/gateway/server';
import type { TimerFunction } from '../../../cloudfunctions/core/timers/timers';
import type { Fetch } from '../../../cloudfunctions/core/platform/wechat/http-fetch';
import { PAY_NOTIFY_PATH } from '../../../cloudfunctions/core/platform/wechat/wxpay-v3/v3-pay';
import { createInput, newKey, orderRow } from '../order/order-factory';
import {
  encryptResource,
  notificationBody,
  signedNotification,
  transactionResource,
  wxpayTestConfig,
  wxpayTestKeys,
  TEST_APPID,
} from '../../support/wxpay-v3';

const keys = wxpayTestKeys();
const SESSION_SECRET = 'replica-shared-session-secret-0123456789';
const AUTH = {
  appid: TEST_APPID,
  appSecret: '0123456789abcdef0123456789abcdef',
  sessionSecret: SESSION_SECRET,
  sessionTtlSeconds: 3600,
};

/** WeChat at its HTTP boundary: code2session knows `code-<name>` codes; WeChat Pay answers a prepay id. */
const wechat: Fetch = async (url) => {
  const answer = (status: number, body: unknown) => ({
    status,
    json: async () => body,
    text: async () => JSON.stringify(body),
  });
  if (url.startsWith('https://api.weixin.qq.com/sns/jscode2session')) {
    const code = new URL(url).searchParams.get('js_code')!;
    if (code === 'code-busy') return answer(200, { errcode: -1, errmsg: 'system error' });
    return code.startsWith('code-')
      ? answer(200, { openid: `o_${code.slice(5)}`, session_key: 'sk' })
      : answer(200, { errcode: 40029, errmsg: 'invalid code' });
  }
  if (url === 'https://api.mch.weixin.qq.com/v3/pay/transactions/jsapi') {
    const text = JSON.stringify({ prepay_id: 'wx24100000000000000000000000000' });
    const headers = signedNotification(text, keys.platform.privateKey, keys.platformSerial) as Record<string, string>;
    return {
      status: 200,
      headers: { get: (n: string) => headers[n] ?? null },
      json: async () => JSON.parse(text),
      text: async () => text,
    };
  }
  throw new Error(`unexpected request ${url}`);
};

describeOnPostgres('two self-hosted gateway replicas on one Postgres', (use, url) => {
  const runs: Array<{ replica: string; second: number }> = [];
  /** A timer every second; quick, so a late-ticking replica would run the same second again without the slot claim. */
  const probe = (replica: string): TimerFunction => ({
    name: 'probeTimer',
    cron: '* * * * * * *',
    run: async () => {
      runs.push({ replica, second: Math.floor(Date.now() / 1000) });
      return { ran: 1 };
    },
  });
  let a: Gateway;
  let b: Gateway;
  beforeAll(async () => {
    const common = {
      databaseUrl: url(),
      port: 0,
      seed: false,
      schedule: true,
      selfHost: { auth: AUTH, wxpay: wxpayTestConfig(keys), fetch: wechat },
    };
    a = await startGateway({ ...common, timers: [probe('a')] });
    b = await startGateway({ ...common, timers: [probe('b')] });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const login = (gateway: Gateway, code: string) =>
    fetch(`${gateway.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
  const call = (gateway: Gateway, fn: string, body: unknown, token?: string) =>
    fetch(`${gateway.url}/api/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });

  it('timers run once per scheduled second across both replicas', async () => {
    await sleep(4_500);
    const seconds = runs.map((r) => r.second);
    expect(seconds.length).toBeGreaterThanOrEqual(3);
    expect(new Set(seconds).size).toBe(seconds.length);
    const claimed = await use()
      .kysely.selectFrom('timer_runs')
      .select(['slot', 'replica'])
      .where('timer', '=', 'probeTimer')
      .execute();
    expect(claimed.length).toBeGreaterThanOrEqual(seconds.length);
    console.log(
      `probeTimer: ${runs.length} runs in ${new Set(seconds).size} distinct seconds; by replica a=${runs.filter((r) => r.replica === 'a').length} b=${runs.filter((r) => r.replica === 'b').length}`,
    );
  });

  it('a session issued by replica A is accepted by replica B (and a tampered one is not)', async () => {
    const res = await login(a, 'code-alice');
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: { token: string; expiresAt: string } };
    expect(new Date(data.expiresAt).getTime()).toBeGreaterThan(Date.now() + 3_500_000);
    const onB = await call(b, 'member', { action: 'me', data: {} }, data.token);
    expect(onB.status).toBe(200);
    const onA = await call(a, 'member', { action: 'me', data: {} }, data.token);
    expect(((await onB.json()) as any).data.memberId).toBe(((await onA.json()) as any).data.memberId);
    const members = await use().kysely.selectFrom('members').select('id').where('openid', '=', 'o_alice').execute();
    expect(members).toHaveLength(1);
    const tampered = data.token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await call(b, 'member', { action: 'me', data: {} }, tampered)).status).toBe(401);
  });

  it('login refuses a bad code (401), a malformed body (400), and says when WeChat is busy (503)', async () => {
    expect((await login(a, 'not-a-wechat-code')).status).toBe(401);
    expect((await login(a, 'code with spaces')).status).toBe(400);
    const busy = await login(b, 'code-busy');
    expect(busy.status).toBe(503);
    expect(await busy.json()).toMatchObject({ ok: false, error: { code: 'UPSTREAM_UNAVAILABLE' } });
  });

  it('dev sign-in is off: the X-Dev-Openid header signs nobody in', async () => {
    const res = await fetch(`${b.url}/api/fn/member`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-openid': 'demo-manager' },
      body: JSON.stringify({ action: 'me', data: {} }),
    });
    expect(res.status).toBe(401);
  });

  it('an order created and paid for on B (WeChat Pay v3 JSAPI) is settled by the notification arriving at A', async () => {
    const token = ((await (await login(b, 'code-bob')).json()) as any).data.token as string;
    const sku = await use().kysely.selectFrom('skus').select('id').where('stock', '>', 100).executeTakeFirstOrThrow();
    const created = (await (
      await call(
        b,
        'order',
        { action: 'create', data: createInput([{ skuId: sku.id, qty: 1 }]), idempotencyKey: newKey() },
        token,
      )
    ).json()) as any;
    expect(created.ok).toBe(true);
    const paid = (await (
      await call(b, 'order', { action: 'pay', data: { orderId: created.data.orderId } }, token)
    ).json()) as any;
    expect(paid.data.payment).toMatchObject({ package: 'prepay_id=wx24100000000000000000000000000', signType: 'RSA' });
    const body = notificationBody(
      encryptResource(transactionResource(created.data, '4200000001202611240000000777'), keys.apiV3Key),
    );
    const res = await fetch(`${a.url}${PAY_NOTIFY_PATH}`, {
      method: 'POST',
      body,
      headers: signedNotification(body, keys.platform.privateKey, keys.platformSerial),
    });
    expect(res.status).toBe(204);
    expect((await orderRow(use(), created.data.orderId)).status).toBe('paid');
  });
});
