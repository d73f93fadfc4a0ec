import Taro from '@tarojs/taro';
import type {
  ActionInput,
  ActionName,
  ActionOutput,
  AppErrorBody,
  Envelope,
  ErrorCode,
} from '../../cloudfunctions/core/contract';
import { useSession } from '../stores/session';
import { apiBase, forgetSession, sessionToken } from './session-http';

/** A failed call: the server's stable code, its message and optional details. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'NETWORK_ERROR';
  readonly details: unknown;

  constructor(code: ApiError['code'], message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
}

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

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

async function sendH5(fn: string, body: CallBody): Promise<unknown> {
  // The gateway answers an envelope for failures too (4xx/5xx), so read the body regardless of status.
  const res = await fetch(`/api/fn/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Dev-Openid': useSession.getState().openid },
    body: JSON.stringify(body),
  });
  return res.json();
}

/** Self-hosted gateway: the session token as a Bearer header; a refused token signs in once more. */
async function sendHttp(fn: string, body: CallBody, retry = true): Promise<unknown> {
  const token = await sessionToken();
  if (typeof token !== 'string') return token;
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
  return res.data;
}

async function sendCloud(fn: string, body: CallBody): Promise<unknown> {
  const res = await Taro.cloud.callFunction({ name: fn, data: body as unknown as Record<string, unknown> });
  return res.result;
}

function transport(fn: string, body: CallBody): Promise<unknown> {
  if (process.env.TARO_ENV === 'h5') return sendH5(fn, body);
  if (process.env.TARO_APP_API_MODE === 'http') return sendHttp(fn, body);
  return sendCloud(fn, body);
}

/**
 * Calls one action of the server contract and resolves with its typed output.
 * Throws `ApiError` for `ok: false` answers and for transport failures (`NETWORK_ERROR`).
 */
export async function call<N extends ActionName>(
  name: N,
  data: ActionInput<N>,
  opts: { idempotencyKey?: string } = {},
): Promise<ActionOutput<N>> {
  const { fn, action } = splitName(name);
  const body: CallBody = { action, data };
  if (opts.idempotencyKey) body.idempotencyKey = opts.idempotencyKey;
  let answer: unknown;
  try {
    answer = await transport(fn, body);
  } catch (err) {
    throw new ApiError('NETWORK_ERROR', err instanceof Error ? err.message : String(err));
  }
  if (!isEnvelope(answer)) throw new ApiError('INTERNAL', '服务返回格式有误');
  if (!answer.ok) {
    const error: AppErrorBody = answer.error;
    throw new ApiError(error.code, error.message, error.details);
  }
  return answer.data as ActionOutput<N>;
}

/** A fresh idempotency key for one user intent (reuse it when retrying the same intent). */
export function newIdempotencyKey(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
