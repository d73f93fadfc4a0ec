import { request } from 'node:https';
import type { TrackingPort } from '../platform';
import type { Fetch } from '../wechat/http-fetch';
import { createKuaidi100Tracking } from './kuaidi100';

/**
 * A POST over node:https: cloud functions run on Node 16, which has no global `fetch`. Ten seconds at
 * most, so a slow carrier never holds the customer's order page.
 */
const httpsFetch: Fetch = (url, init = {}) =>
  new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, text: async () => text, json: async () => JSON.parse(text) });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
    req.end(init.body);
  });

/** No provider configured: the order page says tracking is unavailable rather than inventing a journey. */
const unconfigured: TrackingPort = {
  provider: 'none',
  async query() {
    return { found: false, reason: '物流查询未配置' };
  },
};

/** 快递100 when `KUAIDI100_CUSTOMER` and `KUAIDI100_KEY` are set, else no tracking. */
export function trackingFromEnv(env: NodeJS.ProcessEnv, fetch: Fetch = httpsFetch): TrackingPort {
  const customer = env.KUAIDI100_CUSTOMER?.trim();
  const key = env.KUAIDI100_KEY?.trim();
  return customer && key ? createKuaidi100Tracking({ customer, key }, fetch) : unconfigured;
}
