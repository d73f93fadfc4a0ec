import { describe, expect, it } from 'vitest';
import { createWechatPhone } from './phone.wechat';
import type { WxServerSdk } from './sdk';

/** wx-server-sdk replaced at its boundary: records what openapi was asked and answers as WeChat does. */
function fakeSdk(answer: Record<string, unknown> | Error) {
  const calls: Array<Record<string, unknown>> = [];
  const sdk: WxServerSdk = {
    DYNAMIC_CURRENT_ENV: 'env',
    init: () => undefined,
    getWXContext: () => ({}),
    openapi: {
      phonenumber: {
        getPhoneNumber: async (params) => {
          calls.push(params);
          if (answer instanceof Error) throw answer;
          return answer;
        },
      },
    },
  };
  return { sdk, calls };
}

const phoneInfo = {
  phoneNumber: '+8613800138000',
  purePhoneNumber: '13800138000',
  countryCode: '86',
  watermark: { timestamp: 1764000000, appid: 'wx123' },
};

describe('phone number over cloud openapi', () => {
  it('sends only the code and reads phoneInfo (the cloud SDK answers camelCase)', async () => {
    const { sdk, calls } = fakeSdk({ errCode: 0, errMsg: 'openapi.phonenumber.getPhoneNumber:ok', phoneInfo });
    expect(await createWechatPhone(sdk).exchange('0a1b2c')).toEqual({
      ok: true,
      phoneNumber: '13800138000',
      countryCode: '86',
    });
    expect(calls).toEqual([{ code: '0a1b2c' }]);
  });

  it('reads the HTTP API shape too (errcode, phone_info)', async () => {
    const { sdk } = fakeSdk({ errcode: 0, errmsg: 'ok', phone_info: phoneInfo });
    expect(await createWechatPhone(sdk).exchange('c0de')).toEqual({
      ok: true,
      phoneNumber: '13800138000',
      countryCode: '86',
    });
  });

  it('a WeChat error code is a failure, not a number', async () => {
    const { sdk } = fakeSdk({ errCode: 40029, errMsg: 'invalid code' });
    expect(await createWechatPhone(sdk).exchange('used')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('40029'),
    });
  });

  it('a thrown SDK error is a failure', async () => {
    const { sdk } = fakeSdk(Object.assign(new Error('boom'), { errCode: -604101 }));
    expect(await createWechatPhone(sdk).exchange('x')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('-604101'),
    });
  });

  it('no openapi (not in WeChat Cloud) is a failure', async () => {
    const sdk: WxServerSdk = { DYNAMIC_CURRENT_ENV: 'env', init: () => undefined, getWXContext: () => ({}) };
    expect((await createWechatPhone(sdk).exchange('x')).ok).toBe(false);
  });
});
