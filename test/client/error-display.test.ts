import { describe, expect, it } from 'vitest';
import { ApiError, errorText, isTransportError, transportFailure, unwrap } from '../../src/api/errors';

/** What `call` does with one answer: the data, or the ApiError it throws. */
function outcome(answer: { status?: number; body: unknown }): unknown {
  try {
    return unwrap(answer);
  } catch (err) {
    return err;
  }
}

describe('the client shows the server’s message', () => {
  it('shows a business failure’s message as the server sent it, however specific', () => {
    const err = outcome({
      status: 409,
      body: { ok: false, error: { code: 'COUPON_THRESHOLD_NOT_MET', message: '未满¥178，还差¥17.80' } },
    });
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'COUPON_THRESHOLD_NOT_MET' });
    expect(errorText(err)).toBe('未满¥178，还差¥17.80');
    expect(isTransportError(err)).toBe(false);
  });

  it('does not replace a service’s message with a generic one for its code', () => {
    const err = outcome({
      status: 404,
      body: {
        ok: false,
        error: { code: 'NOT_FOUND', message: '提货码无效或已核销', details: { pickupCode: '000000' } },
      },
    });
    expect(errorText(err)).toBe('提货码无效或已核销');
    expect(err).toMatchObject({ code: 'NOT_FOUND', details: { pickupCode: '000000' } });
  });

  it('answers the data of an ok envelope', () => {
    expect(outcome({ status: 200, body: { ok: true, data: { orderId: 'o1' } } })).toEqual({ orderId: 'o1' });
  });
});

describe('the client’s own words, only for transport failures', () => {
  const cases: Array<[string, unknown, string]> = [
    ['fetch could not connect', new TypeError('Failed to fetch'), 'NETWORK_ERROR'],
    ['WeChat request failed', { errMsg: 'request:fail ' }, 'NETWORK_ERROR'],
    ['WeChat request timed out', { errMsg: 'request:fail timeout' }, 'TIMEOUT'],
    ['fetch timed out', Object.assign(new Error('signal timed out'), { name: 'TimeoutError' }), 'TIMEOUT'],
    [
      'the request was aborted',
      Object.assign(new Error('The user aborted a request.'), { name: 'AbortError' }),
      'ABORTED',
    ],
    ['WeChat request aborted', { errMsg: 'request:fail abort' }, 'ABORTED'],
  ];
  it.each(cases)('%s', (_, thrown, code) => {
    const err = transportFailure(thrown);
    expect(err.code).toBe(code);
    expect(isTransportError(err)).toBe(true);
    expect(errorText(err)).toMatch(/[\u4e00-\u9fff]/);
    // The raw cause is kept for logs, never shown.
    expect(errorText(err)).not.toContain('fail');
  });

  it('an HTTP 5xx page without an envelope is the server being unavailable', () => {
    const err = outcome({ status: 502, body: undefined });
    expect(err).toMatchObject({ code: 'SERVER_UNAVAILABLE' });
    expect(isTransportError(err)).toBe(true);
  });

  it('an answer that is not an envelope is a bad response', () => {
    for (const body of [undefined, '<html>', { data: 1 }, { ok: false }]) {
      const err = outcome({ status: 200, body });
      expect(err, JSON.stringify(body)).toMatchObject({ code: 'BAD_RESPONSE' });
      expect(isTransportError(err)).toBe(true);
    }
  });

  it('something that is no ApiError at all still gets words, not a crash', () => {
    expect(errorText(new Error('undefined is not a function'))).toMatch(/[\u4e00-\u9fff]/);
    expect(errorText(undefined)).toMatch(/[\u4e00-\u9fff]/);
  });
});
