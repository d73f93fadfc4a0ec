import Taro from '@tarojs/taro';
import type { ActionInput, ActionName, ActionOutput } from '../../cloudfunctions/core/contract';
import { useSession } from '../stores/session';
import { transportFailure, unwrap } from './errors';
import { apiBase, forgetSession, sessionToken } from './session-http';

interface CallBody {
  action: string;
  data: unknown;
  idempotencyKey?: string;
}

/** Splits `catalog.home` into the deployed function `catalog` and its action `home`. */
function splitName(name: string): { fn: string; action: string } {
  const dot = name.indexOf('.');
  return { fn: name.slice(0, dot), action: name.slice(dot + 1) };
}

/** What came back: the body (an envelope when the server answered) and the HTTP status where there is one. */
interface Answer {
  status?: number;
  body: unknown;
}

async function sendH5(fn: string, body: CallBody): Promise<Answer> {
  // The gateway answers an envelope for failures too (4xx/5xx), so read the body regardless of status;
  // a body that is not JSON (a proxy's error page) is left for `unwrap` to refuse.
  const res = await fetch(`/api/fn/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Dev-Openid': useSession.getState().openid },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => undefined) };
}

/** Self-hosted gateway: the session token as a Bearer header; a refused token signs in once more. */
async function sendHttp(fn: string, body: CallBody, retry = true): Promise<Answer> {
  const token = await sessionToken();
  if (typeof token !== 'string') return { body: token };
  const res = await Taro.request({
    url: `${apiBase()}/api/fn/${fn}`,
    method: 'POST',
    header: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    data: body,
  });
  if (res.statusCode === 401 && retry) {
    forgetSession();
    return sendHttp(fn, body, false);
  }
  return { status: res.statusCode, body: res.data };
}

async function sendCloud(fn: string, body: CallBody): Promise<Answer> {
  const res = await Taro.cloud.callFunction({ name: fn, data: body as unknown as Record<string, unknown> });
  return { body: res.result };
}

function transport(fn: string, body: CallBody): Promise<Answer> {
  if (process.env.TARO_ENV === 'h5') return sendH5(fn, body);
  if (process.env.TARO_APP_API_MODE === 'http') return sendHttp(fn, body);
  return sendCloud(fn, body);
}

/**
 * Calls one action of the server contract and resolves with its typed output.
 * Throws `ApiError` for `ok: false` answers (the server's code and message) and for transport
 * failures (see `TransportCode`).
 */
export async function call<N extends ActionName>(
  name: N,
  data: ActionInput<N>,
  opts: { idempotencyKey?: string } = {},
): Promise<ActionOutput<N>> {
  const { fn, action } = splitName(name);
  const body: CallBody = { action, data };
  if (opts.idempotencyKey) body.idempotencyKey = opts.idempotencyKey;
  let answer: Answer;
  try {
    answer = await transport(fn, body);
  } catch (err) {
    throw transportFailure(err);
  }
  return unwrap<ActionOutput<N>>(answer);
}

/** A fresh idempotency key for one user intent (reuse it when retrying the same intent). */
export function newIdempotencyKey(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
