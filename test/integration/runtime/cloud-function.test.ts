import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { createCloudFunction, createTimerFunction } from '../../../cloudfunctions/core/runtime/cloud-main';
import type { WxServerSdk } from '../../../cloudfunctions/core/platform/wechat/sdk';
import { openPgliteFromTemplate, tableCounts } from '../../support/databases';

/** wx-server-sdk replaced at its boundary: what `cloud.getWXContext()` would answer in WeChat Cloud. */
function fakeSdk(openid?: string): WxServerSdk {
  return {
    DYNAMIC_CURRENT_ENV: Symbol.for('DYNAMIC_CURRENT_ENV'),
    init: () => undefined,
    getWXContext: () => (openid ? { OPENID: openid, APPID: 'wx0000000000000000', ENV: 'prod-1' } : {}),
  };
}

/** What a function's environment holds in the cloud console (the database is injected here). */
const CLOUD_ENV = { MEMBER_CODE_SECRET: 'cloud-member-code-secret-0123456789abcdef' };

describe('a deployed cloud function (WeChat Cloud adapter)', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openPgliteFromTemplate();
  });
  afterAll(async () => {
    await db.close();
  });

  it('takes the caller from getWXContext().OPENID and answers the envelope', async () => {
    const member = createCloudFunction('member', {
      sdk: () => fakeSdk('oWx_cloud_user_1'),
      db: async () => db,
      env: CLOUD_ENV,
    });
    const first = await member({ action: 'me', data: {} });
    const again = await member({ action: 'me', data: {} });
    expect(first.ok && again.ok).toBe(true);
    if (first.ok && again.ok) expect(first.data).toEqual(again.data);
    const row = await db.kysely
      .selectFrom('members')
      .select('openid')
      .where('openid', '=', 'oWx_cloud_user_1')
      .execute();
    expect(row).toHaveLength(1);
  });

  it('ignores an openid smuggled in the event: identity comes from WeChat only', async () => {
    const member = createCloudFunction('member', { sdk: () => fakeSdk(undefined), db: async () => db, env: CLOUD_ENV });
    const before = await tableCounts(db);
    const answer = await member({
      action: 'me',
      data: {},
      openid: 'someone-else',
      userInfo: { openId: 'someone-else' },
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await tableCounts(db)).toEqual(before);
  });

  it('checks its configuration at start: a missing secret or merchant id answers INTERNAL and logs which variable', async () => {
    const logged: string[] = [];
    const spy = vi
      .spyOn(console, 'error')
      .mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    try {
      const member = createCloudFunction('member', {
        sdk: () => fakeSdk('oWx_cloud_user_2'),
        db: async () => db,
        env: {},
      });
      expect(await member({ action: 'me', data: {} })).toEqual({
        ok: false,
        error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' },
      });
      const order = createCloudFunction('order', {
        sdk: () => fakeSdk('oWx_cloud_user_2'),
        db: async () => db,
        env: CLOUD_ENV,
      });
      expect(await order({ action: 'list', data: {} })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      const timer = createTimerFunction('orderTimer', {
        sdk: () => fakeSdk(),
        db: async () => db,
        env: { DEV_AUTH: '1', NODE_ENV: 'production' },
      });
      await expect(timer()).rejects.toThrow('DEV_AUTH=1 is refused when NODE_ENV=production');
    } finally {
      spy.mockRestore();
    }
    expect(logged[0]).toContain('[member] Refusing to start');
    expect(logged[0]).toContain('MEMBER_CODE_SECRET is not set');
    expect(logged[1]).toContain('[order] Refusing to start');
    expect(logged[1]).toContain('WX_PAY_SUB_MCH_ID is not set');
  });

  it('answers INTERNAL without a stack trace when the database is not configured', async () => {
    const catalog = createCloudFunction('catalog', { sdk: () => fakeSdk('x'), env: {} });
    const answer = await catalog({ action: 'home', data: {} });
    expect(answer).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } });
  });
});

describe('payCallback as deployed', () => {
  it('answers a non-zero errcode when it cannot record (WeChat will deliver again), 0 once recorded', async () => {
    const { createCallbackFunction } = await import('../../../cloudfunctions/core/runtime/cloud-main');
    const down = createCallbackFunction('payCallback', { env: {} });
    expect(
      await down({ returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: 'X1', transactionId: 'T1', totalFee: 1 }),
    ).toMatchObject({ errcode: 1 });
    const db = await openPgliteFromTemplate();
    try {
      // The callback asks WeChat Pay about payments, so it needs the merchant id; WeChat Pay invokes it.
      const paySdk = { ...fakeSdk(), getWXContext: () => ({ SOURCE: 'wx_paycallback' }) };
      const up = createCallbackFunction('payCallback', {
        env: { WX_PAY_SUB_MCH_ID: '1900000109' },
        db: async () => db,
        sdk: () => paySdk,
      });
      expect(await up({ returnCode: 'SUCCESS', resultCode: 'FAIL', outTradeNo: 'X1' })).toMatchObject({ errcode: 0 });
      const anomalies = await db.kysely.selectFrom('payment_anomalies').select('kind').execute();
      expect(anomalies).toEqual([{ kind: 'failed_result' }]);
    } finally {
      await db.close();
    }
  });
});
