import { describe, expect, it } from 'vitest';
import { createWechatPay } from './pay.wechat';
import type { WxServerSdk } from './sdk';

/** wx-server-sdk replaced at its boundary: records what cloudPay was asked and answers as WeChat does. */
function fakeSdk(answers: {
  unifiedOrder?: Record<string, unknown>;
  refund?: Record<string, unknown> | Error;
  queryOrder?: Record<string, unknown>;
  queryRefund?: Record<string, unknown>;
}) {
  const calls: Array<{ api: string; params: Record<string, unknown> }> = [];
  const sdk: WxServerSdk = {
    DYNAMIC_CURRENT_ENV: 'env',
    init: () => undefined,
    getWXContext: () => ({}),
    cloudPay: {
      unifiedOrder: async (params) => {
        calls.push({ api: 'unifiedOrder', params });
        return answers.unifiedOrder ?? {};
      },
      refund: async (params) => {
        calls.push({ api: 'refund', params });
        if (answers.refund instanceof Error) throw answers.refund;
        return answers.refund ?? {};
      },
      queryOrder: async (params) => {
        calls.push({ api: 'queryOrder', params });
        return answers.queryOrder ?? {};
      },
      queryRefund: async (params) => {
        calls.push({ api: 'queryRefund', params });
        return answers.queryRefund ?? {};
      },
    },
  };
  return { sdk, calls };
}

const config = { subMchId: '1900000109', envId: 'shop-prod-1a2b3c' };
const payment = {
  appId: 'wx123',
  timeStamp: '1764000000',
  nonceStr: 'n0nce',
  package: 'prepay_id=wx2017',
  signType: 'MD5',
  paySign: 'SIGN',
};

describe('WeChat Pay over cloudPay: request shapes', () => {
  it('unifiedOrder sends the fields cloudPay documents, totalFee in integer fen, callback to payCallback', async () => {
    const { sdk, calls } = fakeSdk({ unifiedOrder: { returnCode: 'SUCCESS', resultCode: 'SUCCESS', payment } });
    const params = await createWechatPay(sdk, config).unifiedOrder({
      outTradeNo: '2026112510300012345678',
      totalFee: 17800,
      body: '青禾氨基酸温和洁面乳 等2件',
      openid: 'oWx1',
    });
    expect(params).toEqual({
      timeStamp: '1764000000',
      nonceStr: 'n0nce',
      package: 'prepay_id=wx2017',
      signType: 'MD5',
      paySign: 'SIGN',
    });
    const sent = calls[0]!.params;
    expect(calls[0]!.api).toBe('unifiedOrder');
    expect(sent).toMatchObject({
      body: '青禾氨基酸温和洁面乳 等2件',
      outTradeNo: '2026112510300012345678',
      totalFee: 17800,
      subMchId: '1900000109',
      envId: 'shop-prod-1a2b3c',
      functionName: 'payCallback',
      tradeType: 'JSAPI',
    });
    expect(Number.isInteger(sent.totalFee)).toBe(true);
    expect(String(sent.outTradeNo)).toMatch(/^[0-9A-Za-z_-]{1,32}$/);
    expect(String(sent.nonceStr)).toMatch(/^[0-9a-f]{1,32}$/);
    expect(typeof sent.spbillCreateIp).toBe('string');
  });

  it('unifiedOrder that WeChat refuses throws with its reason (a bug or a configuration error, not a business outcome)', async () => {
    const { sdk } = fakeSdk({
      unifiedOrder: { returnCode: 'SUCCESS', resultCode: 'FAIL', errCodeDes: '商户号该产品权限未开通' },
    });
    await expect(
      createWechatPay(sdk, config).unifiedOrder({ outTradeNo: 'A1', totalFee: 1, body: 'x', openid: 'o' }),
    ).rejects.toThrow('商户号该产品权限未开通');
  });

  it('refund sends outRefundNo, both amounts in fen and the refundCallback function', async () => {
    const { sdk, calls } = fakeSdk({ refund: { returnCode: 'SUCCESS', resultCode: 'SUCCESS' } });
    const result = await createWechatPay(sdk, config).refund({
      outTradeNo: '2026112510300012345678',
      outRefundNo: '2026112510300012345678R1',
      totalFee: 17800,
      refundFee: 8900,
      refundDesc: '不想要了',
    });
    expect(result).toEqual({ accepted: true });
    expect(calls[0]!.params).toMatchObject({
      functionName: 'refundCallback',
      envId: 'shop-prod-1a2b3c',
      subMchId: '1900000109',
      outTradeNo: '2026112510300012345678',
      outRefundNo: '2026112510300012345678R1',
      totalFee: 17800,
      refundFee: 8900,
      refundDesc: '不想要了',
    });
  });

  it('refund errors: SYSTEMERROR and network failures are retried, a business refusal is final', async () => {
    const retry = await createWechatPay(
      fakeSdk({ refund: { returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'SYSTEMERROR' } }).sdk,
      config,
    ).refund({
      outTradeNo: 'A',
      outRefundNo: 'AR1',
      totalFee: 100,
      refundFee: 100,
      refundDesc: '',
    });
    expect(retry).toMatchObject({ accepted: false, retryable: true });
    const thrown = await createWechatPay(fakeSdk({ refund: new Error('ETIMEDOUT') }).sdk, config).refund({
      outTradeNo: 'A',
      outRefundNo: 'AR1',
      totalFee: 100,
      refundFee: 100,
      refundDesc: '',
    });
    expect(thrown).toMatchObject({ accepted: false, retryable: true, reason: 'ETIMEDOUT' });
    const final = await createWechatPay(
      fakeSdk({ refund: { returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'NOTENOUGH', errCodeDes: '余额不足' } })
        .sdk,
      config,
    ).refund({
      outTradeNo: 'A',
      outRefundNo: 'AR1',
      totalFee: 100,
      refundFee: 100,
      refundDesc: '',
    });
    expect(final).toEqual({ accepted: false, retryable: false, reason: '余额不足' });
  });

  it("queryOrder asks by our outTradeNo with the sub-merchant and reads WeChat's transaction, state and amount", async () => {
    const { sdk, calls } = fakeSdk({
      queryOrder: {
        returnCode: 'SUCCESS',
        resultCode: 'SUCCESS',
        tradeState: 'SUCCESS',
        outTradeNo: 'A1',
        transactionId: '4200001',
        totalFee: 17800,
      },
    });
    expect(await createWechatPay(sdk, config).queryOrder({ outTradeNo: 'A1' })).toEqual({
      found: true,
      tradeState: 'SUCCESS',
      outTradeNo: 'A1',
      transactionId: '4200001',
      totalFee: 17800,
    });
    expect(calls[0]).toMatchObject({ api: 'queryOrder', params: { subMchId: '1900000109', outTradeNo: 'A1' } });
    expect(String(calls[0]!.params.nonceStr)).toMatch(/^[0-9a-f]{1,32}$/);
    const missing = fakeSdk({
      queryOrder: { returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'ORDERNOTEXIST' },
    }).sdk;
    expect(await createWechatPay(missing, config).queryOrder({ outTradeNo: 'A2' })).toEqual({ found: false });
    // WeChat not answering is not an answer: the callback must be delivered again later.
    const down = fakeSdk({ queryOrder: { returnCode: 'FAIL', returnMsg: 'SYSTEMERROR' } }).sdk;
    await expect(createWechatPay(down, config).queryOrder({ outTradeNo: 'A3' })).rejects.toThrow('SYSTEMERROR');
  });

  it('queryRefund reads both documented shapes: indexed refund_status_$n fields and parallel lists', async () => {
    const indexed = fakeSdk({
      queryRefund: {
        returnCode: 'SUCCESS',
        resultCode: 'SUCCESS',
        outRefundNo_0: 'A1R1',
        refundStatus_0: 'REFUNDCLOSE',
        refundFee_0: 8900,
        refundId_0: '5000',
      },
    });
    expect(await createWechatPay(indexed.sdk, config).queryRefund({ outTradeNo: 'A1', outRefundNo: 'A1R1' })).toEqual({
      found: true,
      status: 'CLOSED',
      refundFee: 8900,
      refundId: '5000',
    });
    expect(indexed.calls[0]).toMatchObject({
      api: 'queryRefund',
      params: { subMchId: '1900000109', outRefundNo: 'A1R1' },
    });
    const snake = fakeSdk({
      queryRefund: { returnCode: 'SUCCESS', resultCode: 'SUCCESS', refund_status_0: 'CHANGE', refund_fee_0: 100 },
    });
    expect(
      await createWechatPay(snake.sdk, config).queryRefund({ outTradeNo: 'A1', outRefundNo: 'A1R1' }),
    ).toMatchObject({ found: true, status: 'ABNORMAL', refundFee: 100 });
    const lists = fakeSdk({
      queryRefund: {
        returnCode: 'SUCCESS',
        resultCode: 'SUCCESS',
        outRefundNoList: ['A1R1', 'A1R2'],
        refundStatusList: ['SUCCESS', 'PROCESSING'],
        refundFeeList: [100, 200],
        refundIdList: ['r1', 'r2'],
      },
    });
    expect(await createWechatPay(lists.sdk, config).queryRefund({ outTradeNo: 'A1', outRefundNo: 'A1R2' })).toEqual({
      found: true,
      status: 'PROCESSING',
      refundFee: 200,
      refundId: 'r2',
    });
    const none = fakeSdk({ queryRefund: { returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'REFUNDNOTEXIST' } });
    expect(await createWechatPay(none.sdk, config).queryRefund({ outTradeNo: 'A1', outRefundNo: 'A1R9' })).toEqual({
      found: false,
    });
    // An answer without a status for our refund is not taken as any outcome.
    const empty = fakeSdk({
      queryRefund: {
        returnCode: 'SUCCESS',
        resultCode: 'SUCCESS',
        refundCount: 1,
        outRefundNoList: [],
        refundStatusList: [],
      },
    });
    await expect(
      createWechatPay(empty.sdk, config).queryRefund({ outTradeNo: 'A1', outRefundNo: 'A1R1' }),
    ).rejects.toThrow('no status');
  });
});
