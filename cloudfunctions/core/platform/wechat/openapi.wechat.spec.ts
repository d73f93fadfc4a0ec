import { describe, expect, it } from 'vitest';
import { createWechatShipping, fitItemDesc, maskedContact, shanghaiRfc3339 } from './shipping.wechat';
import { createWechatMessages } from './messages.wechat';
import { createWechatMiniCode } from './mini-code.wechat';
import type { WxServerSdk } from './sdk';

type Answer = Record<string, unknown> | Error;

/** wx-server-sdk replaced at its boundary: `openapi.<path>` records its params and answers `answer`. */
function fakeSdk(answer: Answer) {
  const calls: Array<{ api: string; params: Record<string, unknown> }> = [];
  const call = (api: string) => async (params: Record<string, unknown>) => {
    calls.push({ api, params });
    if (answer instanceof Error) throw answer;
    return answer;
  };
  const sdk: WxServerSdk = {
    DYNAMIC_CURRENT_ENV: 'env',
    init: () => undefined,
    getWXContext: () => ({}),
    openapi: {
      wxa: {
        sec: {
          order: {
            uploadShippingInfo: call('wxa.sec.order.uploadShippingInfo'),
            getOrder: call('wxa.sec.order.getOrder'),
          },
        },
      },
      subscribeMessage: { send: call('subscribeMessage.send') },
      wxacode: { getUnlimited: call('wxacode.getUnlimited') },
    },
  };
  return { sdk, calls };
}

const NOW = new Date('2026-11-24T05:29:35.120Z');
const express = {
  transactionId: '4200001234202611240000000001',
  openid: 'oBuyer1',
  logisticsType: 1 as const,
  carrier: '顺丰速运',
  trackingNo: 'SF1234567890',
  itemDesc: '山茶花洁面乳 x2，玫瑰精华 x1',
  receiverPhone: '13812345678',
};

describe('shipping-info upload over the cloud call wxa.sec.order.uploadShippingInfo', () => {
  it('sends the documented body: order by transaction id, express parcel with company id, goods, RFC 3339 time, payer', async () => {
    const { sdk, calls } = fakeSdk({ errcode: 0, errmsg: 'ok' });
    expect(await createWechatShipping(sdk, () => NOW).uploadShippingInfo(express)).toEqual({ ok: true });
    expect(calls).toEqual([
      {
        api: 'wxa.sec.order.uploadShippingInfo',
        params: {
          order_key: { order_number_type: 2, transaction_id: '4200001234202611240000000001' },
          logistics_type: 1,
          delivery_mode: 1,
          // SF Express needs a contact: the receiver's phone, masked but for its last 4 digits.
          shipping_list: [
            {
              tracking_no: 'SF1234567890',
              express_company: 'SF',
              item_desc: '山茶花洁面乳 x2，玫瑰精华 x1',
              contact: { receiver_contact: '138****5678' },
            },
          ],
          upload_time: '2026-11-24T13:29:35.120+08:00',
          payer: { openid: 'oBuyer1' },
        },
      },
    ]);
  });

  it('a pickup order is logistics_type 4 with no tracking number', async () => {
    const { sdk, calls } = fakeSdk({ errCode: 0 });
    await createWechatShipping(sdk, () => NOW).uploadShippingInfo({
      ...express,
      logisticsType: 4,
      carrier: null,
      trackingNo: null,
    });
    expect(calls[0]!.params).toMatchObject({
      logistics_type: 4,
      shipping_list: [{ item_desc: '山茶花洁面乳 x2，玫瑰精华 x1' }],
    });
    expect(calls[0]!.params.shipping_list).toEqual([{ item_desc: '山茶花洁面乳 x2，玫瑰精华 x1' }]);
  });

  it('WeChat busy is retried; a refusal (e.g. no such order) is final and carries the errcode', async () => {
    expect(
      await createWechatShipping(fakeSdk({ errcode: -1, errmsg: 'system error' }).sdk).uploadShippingInfo(express),
    ).toMatchObject({ ok: false, retryable: true });
    expect(
      await createWechatShipping(
        fakeSdk(Object.assign(new Error('x'), { errCode: 10060001, errMsg: '支付单不存在' })).sdk,
      ).uploadShippingInfo(express),
    ).toEqual({
      ok: false,
      retryable: false,
      reason: 'upload_shipping_info errcode 10060001 支付单不存在',
    });
  });

  it('other carriers carry no contact', async () => {
    const { sdk, calls } = fakeSdk({ errcode: 0 });
    await createWechatShipping(sdk, () => NOW).uploadShippingInfo({ ...express, carrier: '中通', trackingNo: 'ZT1' });
    expect(calls[0]!.params.shipping_list).toEqual([
      { tracking_no: 'ZT1', express_company: 'ZTO', item_desc: '山茶花洁面乳 x2，玫瑰精华 x1' },
    ]);
  });

  it("item_desc fits WeChat's 120 characters, counted as characters, ending in an ellipsis when cut", async () => {
    const name = '山茶花氨基酸温和净透洁面乳';
    const long = Array.from({ length: 12 }, (_, i) => `${name}${i + 1}号 x${i + 1}`).join('，');
    expect(Array.from(long).length).toBeGreaterThan(120);
    const { sdk, calls } = fakeSdk({ errcode: 0 });
    await createWechatShipping(sdk, () => NOW).uploadShippingInfo({ ...express, itemDesc: long });
    const sent = (calls[0]!.params.shipping_list as Array<{ item_desc: string }>)[0]!.item_desc;
    expect(Array.from(sent)).toHaveLength(120);
    expect(sent).toBe(`${Array.from(long).slice(0, 119).join('')}…`);

    const exact = '玫'.repeat(120);
    expect(fitItemDesc(exact)).toBe(exact);
    expect(fitItemDesc(`${exact}瑰`)).toBe(`${'玫'.repeat(119)}…`);
    // A character outside the BMP (two UTF-16 units) is never cut in half.
    const emoji = `${'花'.repeat(118)}🌹🌹🌹`;
    expect(fitItemDesc(emoji)).toBe(`${'花'.repeat(118)}🌹…`);
  });

  it('masks a contact but for its last 4 digits', () => {
    expect(maskedContact('13812345678')).toBe('138****5678');
    expect(maskedContact('02112345678')).toBe('021****5678');
    expect(maskedContact('12345678')).toBe('****5678');
  });

  it('times are Shanghai wall clock', () => {
    expect(shanghaiRfc3339(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01T00:00:00.000+08:00');
  });
});

describe('order query over the cloud call wxa.sec.order.getOrder', () => {
  it('asks by transaction id and answers the order state and payer', async () => {
    const { sdk, calls } = fakeSdk({ errcode: 0, errmsg: 'ok', order: { order_state: 3, openid: 'oBuyer1' } });
    expect(await createWechatShipping(sdk).getOrder({ transactionId: express.transactionId })).toEqual({
      found: true,
      orderState: 3,
      openid: 'oBuyer1',
    });
    expect(calls).toEqual([
      { api: 'wxa.sec.order.getOrder', params: { transaction_id: '4200001234202611240000000001' } },
    ]);
  });

  it('no such payment (10060001) is not found; any other error throws, as WeChat could not say', async () => {
    const missing = Object.assign(new Error('x'), { errCode: 10060001, errMsg: '支付单不存在' });
    expect(await createWechatShipping(fakeSdk(missing).sdk).getOrder({ transactionId: 'T' })).toEqual({
      found: false,
    });
    await expect(
      createWechatShipping(fakeSdk({ errcode: -1, errmsg: 'system error' }).sdk).getOrder({ transactionId: 'T' }),
    ).rejects.toThrow('get_order errcode -1 system error');
    await expect(createWechatShipping(fakeSdk({ errcode: 0 }).sdk).getOrder({ transactionId: 'T' })).rejects.toThrow(
      'order_state',
    );
  });
});

describe('subscribe message over openapi.subscribeMessage.send', () => {
  const message = {
    openid: 'oBuyer1',
    templateId: 'TPL_ORDER_SHIPPED',
    page: 'packages/order/detail?id=o1',
    data: { thing1: { value: '青禾洁面乳' }, time2: { value: '2026-11-24 13:29' } },
  };

  it('sends touser, templateId, page, data and the mini program state (camelCase, as the cloud call takes)', async () => {
    const { sdk, calls } = fakeSdk({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' });
    expect(await createWechatMessages(sdk, { miniprogramState: 'trial' }).sendSubscribeMessage(message)).toEqual({
      ok: true,
    });
    expect(calls[0]).toEqual({
      api: 'subscribeMessage.send',
      params: {
        touser: 'oBuyer1',
        templateId: 'TPL_ORDER_SHIPPED',
        page: 'packages/order/detail?id=o1',
        data: message.data,
        miniprogramState: 'trial',
      },
    });
  });

  it('43101 (no subscription) is a final outcome, a system error is retried', async () => {
    const refused = Object.assign(new Error('refuse'), { errCode: 43101, errMsg: 'user refuse to accept the msg' });
    expect(await createWechatMessages(fakeSdk(refused).sdk).sendSubscribeMessage(message)).toEqual({
      ok: false,
      errcode: 43101,
      retryable: false,
      reason: 'user refuse to accept the msg',
    });
    expect(
      await createWechatMessages(fakeSdk({ errCode: -1, errMsg: 'busy' }).sdk).sendSubscribeMessage(message),
    ).toMatchObject({ ok: false, errcode: -1, retryable: true });
  });
});

describe('mini-program code over openapi.wxacode.getUnlimited', () => {
  it('sends scene, page (no leading slash), width, checkPath and envVersion; answers the image', async () => {
    const { sdk, calls } = fakeSdk({ errCode: 0, contentType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff]) });
    const image = await createWechatMiniCode(sdk, { envVersion: 'trial' }).getUnlimited({
      scene: 'i=AB12CD',
      page: 'packages/invite/landing',
      width: 280,
    });
    expect(calls[0]).toEqual({
      api: 'wxacode.getUnlimited',
      params: { scene: 'i=AB12CD', page: 'packages/invite/landing', width: 280, checkPath: false, envVersion: 'trial' },
    });
    expect(image).toEqual({ ok: true, contentType: 'image/jpeg', data: Buffer.from([0xff, 0xd8, 0xff]) });
  });

  it('a WeChat error (41030: page not published) is a failure with its code', async () => {
    const { sdk } = fakeSdk(Object.assign(new Error('x'), { errCode: 41030, errMsg: 'invalid page' }));
    expect(await createWechatMiniCode(sdk).getUnlimited({ scene: 'i=1', page: 'pages/nope' })).toEqual({
      ok: false,
      reason: 'getUnlimited failed: 41030 invalid page',
    });
  });
});
