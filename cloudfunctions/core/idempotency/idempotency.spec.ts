import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { requestHash } from './idempotency';

/** The same object with its keys (at every depth) in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    );
  }
  return value;
}

describe('idempotency request hash', () => {
  it('is the same for the same data in any key order', () => {
    expect(requestHash({ items: [{ skuId: 'a', qty: 1 }], couponId: 'c1' })).toBe(
      requestHash({ couponId: 'c1', items: [{ qty: 1, skuId: 'a' }] }),
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(requestHash(reversedKeys(value))).toBe(requestHash(value));
      }),
    );
  });

  it('differs when the data differs', () => {
    expect(requestHash({ qty: 1 })).not.toBe(requestHash({ qty: 2 }));
    expect(requestHash({ qty: 1 })).not.toBe(requestHash({ qty: '1' }));
    expect(requestHash(['a', 'b'])).not.toBe(requestHash(['b', 'a']));
    expect(requestHash({ a: { b: 1 } })).not.toBe(requestHash({ a: { c: 1 } }));
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const [ja, jb] = [JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b))];
        fc.pre(!isDeepStrictEqual(ja, jb));
        expect(requestHash(a)).not.toBe(requestHash(b));
      }),
    );
  });

  it('ignores absent optional fields, as zod leaves them undefined', () => {
    expect(requestHash({ items: [1], couponId: undefined })).toBe(requestHash({ items: [1] }));
  });

  it('is a hex sha-256', () => {
    expect(requestHash({})).toMatch(/^[0-9a-f]{64}$/);
  });
});
