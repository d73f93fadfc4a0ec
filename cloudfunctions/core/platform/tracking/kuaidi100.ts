import { createHash } from 'node:crypto';
import type { TrackingAnswer, TrackingPort, TrackingQuery, TrackingState } from '../platform';
import type { Fetch } from '../wechat/http-fetch';

/** 快递100 实时查询 (enterprise API): POST form fields `customer`, `param` (JSON), `sign`. */
export const KUAIDI100_QUERY_URL = 'https://poll.kuaidi100.com/poll/query.do';

export interface Kuaidi100Config {
  /** 公司编号 (`KUAIDI100_CUSTOMER`). */
  customer: string;
  /** 授权 key (`KUAIDI100_KEY`). */
  key: string;
}

/**
 * The request body: `param` is the query as JSON (carrier code, number, phone for SF, newest first),
 * and `sign = MD5(param + key + customer)` in upper-case hex, as 快递100's documentation and demos build it.
 */
export function kuaidi100Request(config: Kuaidi100Config, query: TrackingQuery): { url: string; body: string } {
  const param = JSON.stringify({
    com: query.carrier,
    num: query.trackingNo,
    phone: query.phoneTail ?? '',
    resultv2: '1',
    show: '0',
    order: 'desc',
  });
  const sign = createHash('md5')
    .update(param + config.key + config.customer, 'utf8')
    .digest('hex')
    .toUpperCase();
  const body = new URLSearchParams({ customer: config.customer, sign, param }).toString();
  return { url: KUAIDI100_QUERY_URL, body };
}

/** 快递100's `state`: 0 在途, 1 揽收, 2 疑难, 3 签收, 4 退签, 5 派件, 6 退回, 7 转投, 8-10 清关, 14 拒签. */
const STATES: Record<string, TrackingState> = {
  '0': 'in_transit',
  '1': 'collected',
  '2': 'problem',
  '3': 'delivered',
  '4': 'returned',
  '5': 'delivering',
  '6': 'returned',
  '7': 'in_transit',
  '8': 'in_transit',
  '9': 'in_transit',
  '10': 'in_transit',
  '14': 'returned',
};

interface Kuaidi100Event {
  ftime?: string;
  time?: string;
  context?: string;
  location?: string;
  areaName?: string;
}

/** `2026-03-02 10:00:00` in Shanghai time -> ISO-8601. */
function shanghaiIso(text: string): string {
  const m = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d(?::\d\d)?)$/.exec(text.trim());
  if (!m) return text;
  const time = m[2]!.length === 5 ? `${m[2]}:00` : m[2];
  return new Date(`${m[1]}T${time}+08:00`).toISOString();
}

/**
 * Reads an answer: success carries `message: "ok"`, `status: "200"`, `state` and `data` (newest first
 * with `order: desc`); a refusal carries `result: false`, `returnCode` and `message`.
 */
export function parseKuaidi100Answer(body: unknown): TrackingAnswer {
  const a = (body ?? {}) as Record<string, unknown>;
  if (a.result === false || a.status !== '200' || !Array.isArray(a.data)) {
    return { found: false, reason: `${String(a.returnCode ?? a.status ?? '')} ${String(a.message ?? '')}`.trim() };
  }
  const events = (a.data as Kuaidi100Event[]).map((e) => ({
    at: shanghaiIso(e.ftime ?? e.time ?? ''),
    text: e.context ?? '',
    place: e.areaName || e.location || null,
  }));
  return { found: true, state: STATES[String(a.state)] ?? 'unknown', events };
}

/** Codes 快递100 answers when it may be asked again later (its own 500/503 and the rate limit). */
const RETRYABLE = new Set(['500', '501', '502', '503', '601']);

export function createKuaidi100Tracking(config: Kuaidi100Config, fetch: Fetch): TrackingPort {
  return {
    provider: 'kuaidi100',
    async query(query) {
      const { url, body } = kuaidi100Request(config, query);
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      if (res.status >= 500) throw new Error(`kuaidi100 answered HTTP ${res.status}`);
      const answer = (await res.json()) as Record<string, unknown>;
      // "查询无结果" (500) is also how it says a new parcel has no scan yet; other 5xx are outages.
      if (answer.result === false && RETRYABLE.has(String(answer.returnCode)) && answer.returnCode !== '500') {
        throw new Error(`kuaidi100 busy: ${String(answer.returnCode)} ${String(answer.message ?? '')}`);
      }
      return parseKuaidi100Answer(answer);
    },
  };
}
