import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { createCloudFunction } from '../../../cloudfunctions/core/runtime/cloud-main';
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

describe('a deployed cloud function (WeChat Cloud adapter)', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openPgliteFromTemplate();
  });
  afterAll(async () => {
    await db.close();
  });

  it('takes the caller from getWXContext().OPENID and answers the envelope', async () => {
    const member = createCloudFunction('member', { sdk: () => fakeSdk('oWx_cloud_user_1'), db: async () => db, env: {} });
    const first = await member({ action: 'me', data: {} });
    const again = await member({ action: 'me', data: {} });
    expect(first.ok && again.ok).toBe(true);
    if (first.ok && again.ok) expect(first.data).toEqual(again.data);
    const row = await db.kysely.selectFrom('members').select('openid').where('openid', '=', 'oWx_cloud_user_1').execute();
    expect(row).toHaveLength(1);
  });

  it('ignores an openid smuggled in the event: identity comes from WeChat only', async () => {
    const member = createCloudFunction('member', { sdk: () => fakeSdk(undefined), db: async () => db, env: {} });
    const before = await tableCounts(db);
    const answer = await member({ action: 'me', data: {}, openid: 'someone-else', userInfo: { openId: 'someone-else' } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await tableCounts(db)).toEqual(before);
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
    expect(await down({ returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: 'X1', transactionId: 'T1', totalFee: 1 })).toMatchObject({ errcode: 1 });
    const db = await openPgliteFromTemplate();
    try {
      const up = createCallbackFunction('payCallback', { env: {}, db: async () => db });
      expect(await up({ returnCode: 'SUCCESS', resultCode: 'FAIL', outTradeNo: 'X1' })).toMatchObject({ errcode: 0 });
      const anomalies = await db.kysely.selectFrom('payment_anomalies').select('kind').execute();
      expect(anomalies).toEqual([{ kind: 'failed_result' }]);
    } finally {
      await db.close();
    }
  });
});
