import type { ErrorCode } from '../../cloudfunctions/core/contract';

/**
 * Failures only the client can see: the call never came back with an envelope, so there is no
 * server message to show. Every business failure's words come from the server.
 */
export type TransportCode = 'NETWORK_ERROR' | 'TIMEOUT' | 'ABORTED' | 'BAD_RESPONSE' | 'SERVER_UNAVAILABLE';

const TRANSPORT_TEXT: Record<TransportCode, string> = {
  NETWORK_ERROR: '网络不给力，请稍后再试',
  TIMEOUT: '网络超时，请稍后再试',
  ABORTED: '请求已中断，请重试',
  /** An answer that is not JSON, or JSON without `ok`: a proxy or gateway page, not our server. */
  BAD_RESPONSE: '服务返回异常，请稍后再试',
  /** HTTP 5xx without an envelope: the gateway or the platform in front of it is down. */
  SERVER_UNAVAILABLE: '服务器开小差了，请稍后再试',
};

/** Anything else thrown (a platform API's failure, a bug in a page): logged, and these words shown. */
const UNEXPECTED_TEXT = '出了点问题，请稍后再试';

/**
 * A failed call. `message` is what the customer sees: the server's for a business failure, the
 * client's own only for a transport failure.
 */
export class ApiError extends Error {
  readonly code: ErrorCode | TransportCode;
  readonly details: unknown;

  constructor(code: ApiError['code'], message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
}

export function transportError(code: TransportCode, cause?: unknown): ApiError {
  return new ApiError(code, TRANSPORT_TEXT[code], cause === undefined ? undefined : { cause: describe(cause) });
}

/**
 * True when the call may or may not have reached the server: a retry must replay the same
 * idempotency key rather than act twice.
 */
export function isTransportError(err: unknown): err is ApiError {
  return err instanceof ApiError && err.code in TRANSPORT_TEXT;
}

function describe(err: unknown): string {
  const errMsg = (err as { errMsg?: unknown } | null)?.errMsg;
  if (typeof errMsg === 'string') return errMsg;
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/**
 * Which transport failure a thrown request is. fetch names its errors (AbortError, TimeoutError);
 * WeChat's request and callFunction only say it in `errMsg` ("request:fail timeout"), so that text
 * is read here: it is the platform's, not a server message.
 */
export function transportFailure(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const name = (err as { name?: unknown } | null)?.name;
  const text = describe(err);
  if (name === 'AbortError' || /\babort/i.test(text)) return transportError('ABORTED', err);
  if (name === 'TimeoutError' || /time ?out|timed out/i.test(text)) return transportError('TIMEOUT', err);
  return transportError('NETWORK_ERROR', err);
}

function isEnvelope(
  value: unknown,
): value is { ok: boolean; data?: unknown; error?: { code: ErrorCode; message: string; details?: unknown } } {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/**
 * Reads what the transport brought back: the data of an `ok` envelope, else throws an `ApiError`
 * carrying the server's code and message as they are, or a transport error when there is no envelope.
 * `status` is the HTTP status where the transport has one.
 */
export function unwrap<T>(answer: { status?: number; body: unknown }): T {
  const { status, body } = answer;
  if (!isEnvelope(body) || (!body.ok && typeof body.error?.code !== 'string')) {
    throw transportError(
      status !== undefined && status >= 500 ? 'SERVER_UNAVAILABLE' : 'BAD_RESPONSE',
      `HTTP ${status ?? '-'}`,
    );
  }
  if (!body.ok) {
    const { code, message, details } = body.error!;
    throw new ApiError(code, message || UNEXPECTED_TEXT, details);
  }
  return body.data as T;
}

/** The words to show for a failure: the server's message, or the client's own for a transport failure. */
export function errorText(err: unknown): string {
  return err instanceof ApiError ? err.message : UNEXPECTED_TEXT;
}
