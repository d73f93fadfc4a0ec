import { describe, expect, it } from 'vitest';
import { createWechatPay } from './pay.wechat';
import type { WxServerSdk } from './sdk';

/** wx-server-sdk replaced at its boundary: records what cloudPay was asked and answers as WeChat does. */
function fakeSdk(answers: { unifiedOrder?: Record<string, unknown>; refund?: Record<string, unknown> | Error }) {
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
    },
  };
  return { sdk, calls };
}

const config = { subMchId: '1900000109', envId: 'shop-prod-1a2b3c' };
const payment = { appId: 'wx123', timeStamp: '1764000000', nonceStr: 'n0nce', package: 'prepay_id=wx2017', signType: 'MD5', paySign: 'SIGN' };

describe('WeChat Pay over cloudPay: request shapes', () => {
  it('unifiedOrder sends the fields cloudPay documents, totalFee in integer fen, callback to payCallback', async () => {
    const { sdk, calls } = fakeSdk({ unifiedOrder: { returnCode: 'SUCCESS', resultCode: 'SUCCESS', payment } });
    const params = await createWechatPay(sdk, config).unifiedOrder({
      outTradeNo: '2026112510300012345678',
      totalFee: 17800,
      body: '青禾氨基酸温和洁面乳 等2件',
      openid: 'oWx1',
    });
    expect(params).toEqual({ timeStamp: '1764000000', nonceStr: 'n0nce', package: 'prepay_id=wx2017', signType: 'MD5', paySign: 'SIGN' });
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
    const { sdk } = fakeSdk({ unifiedOrder: { returnCode: 'SUCCESS', resultCode: 'FAIL', errCodeDes: '商户号该产品权限未开通' } });
    await expect(createWechatPay(sdk, config).unifiedOrder({ outTradeNo: 'A1', totalFee: 1, body: 'x', openid: 'o' })).rejects.toThrow(
      '商户号该产品权限未开通',
    );
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
    const retry = await createWechatPay(fakeSdk({ refund: { returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'SYSTEMERROR' } }).sdk, config).refund({
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
    const final = await createWechatPay(fakeSdk({ refund: { returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'NOTENOUGH', errCodeDes: '余额不足' } }).sdk, config).refund({
      outTradeNo: 'A',
      outRefundNo: 'AR1',
      totalFee: 100,
      refundFee: 100,
      refundDesc: '',
    });
    expect(final).toEqual({ accepted: false, retryable: false, reason: '余额不足' });
  });
});
