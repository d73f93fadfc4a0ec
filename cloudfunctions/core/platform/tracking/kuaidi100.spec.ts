import { describe, expect, it } from 'vitest';
import { createKuaidi100Tracking, kuaidi100Request, KUAIDI100_QUERY_URL, parseKuaidi100Answer } from './kuaidi100';
import type { Fetch } from '../wechat/http-fetch';

const config = { customer: 'TESTCUSTOMER0001', key: 'testkey123' };
const query = { carrier: 'yuantong', trackingNo: 'YT9693083639795', phoneTail: '8000' };

/** The shape of 快递100's documented 实时查询 answer (state 3 = 签收, data newest first). */
const documentedAnswer = {
  message: 'ok',
  nu: 'YT9693083639795',
  ischeck: '1',
  condition: 'F00',
  com: 'yuantong',
  status: '200',
  state: '3',
  data: [
    {
      time: '2026-03-03 15:46:08',
      ftime: '2026-03-03 15:46:08',
      context: '【杭州市】您的快件已签收，签收人：本人',
      location: '杭州市',
      areaName: '浙江,杭州市',
      status: '签收',
    },
    { time: '2026-03-02 09:12:00', ftime: '2026-03-02 09:12:00', context: '【上海市】已揽收', location: '' },
  ],
};

describe('快递100 实时查询', () => {
  it('posts customer, param and sign = upper-case MD5(param + key + customer) as a form', () => {
    const { url, body } = kuaidi100Request(config, query);
    expect(url).toBe(KUAIDI100_QUERY_URL);
    expect(url).toBe('https://poll.kuaidi100.com/poll/query.do');
    const form = new URLSearchParams(body);
    expect([...form.keys()].sort()).toEqual(['customer', 'param', 'sign']);
    expect(form.get('customer')).toBe('TESTCUSTOMER0001');
    const param = form.get('param')!;
    expect(param).toBe(
      '{"com":"yuantong","num":"YT9693083639795","phone":"8000","resultv2":"1","show":"0","order":"desc"}',
    );
    // Computed outside this code (Python hashlib) over the exact string above + key + customer.
    expect(form.get('sign')).toBe('1A74A522864323A0DCEC955AA089809B');
  });

  it('reads the documented answer: state 3 is delivered, times are Shanghai, newest first', () => {
    const answer = parseKuaidi100Answer(documentedAnswer);
    expect(answer).toEqual({
      found: true,
      state: 'delivered',
      events: [
        { at: '2026-03-03T07:46:08.000Z', text: '【杭州市】您的快件已签收，签收人：本人', place: '浙江,杭州市' },
        { at: '2026-03-02T01:12:00.000Z', text: '【上海市】已揽收', place: null },
      ],
    });
  });

  it('a refusal (result false, returnCode, message) is "not found" with its reason', () => {
    expect(parseKuaidi100Answer({ result: false, returnCode: '500', message: '查询无结果，请隔段时间再查' })).toEqual({
      found: false,
      reason: '500 查询无结果，请隔段时间再查',
    });
  });

  it('through fetch: a POST with the form content type; an outage code throws so the cache is kept', async () => {
    const seen: Array<{ url: string; init: Parameters<Fetch>[1] }> = [];
    let answer: unknown = documentedAnswer;
    const fetch: Fetch = async (url, init) => {
      seen.push({ url, init });
      return { status: 200, json: async () => answer, text: async () => JSON.stringify(answer) };
    };
    const port = createKuaidi100Tracking(config, fetch);
    expect((await port.query(query)).found).toBe(true);
    expect(seen[0]!.init).toMatchObject({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    answer = { result: false, returnCode: '503', message: '验证签名失败' };
    await expect(port.query(query)).rejects.toThrow(/503/);
  });
});
