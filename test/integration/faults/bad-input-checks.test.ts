import { describe, expect, it } from 'vitest';
import { contract, type ActionSpec } from '../../../cloudfunctions/core/contract';
import { fail, type Envelope } from '../../../cloudfunctions/core/errors';
import type { BadInputCase } from '../../support/bad-input/case-generators';
import { changes, harmfulChanges } from '../../support/bad-input/db-snapshot';
import type { HostileWorld } from '../../support/bad-input/hostile-world';
import { judge } from '../../support/bad-input/run-batch';

/** The suite's own checks must be able to fail: each violation it looks for, shown once. */
describe('bad-input checks', () => {
  const spec = contract['order.get'] as ActionSpec;
  const world: HostileWorld = {
    attackerOpenid: 'o_attacker',
    pool: { foreign: [], shared: [] },
    privateMarkers: ['ord-victim-1', 'NO20260302VICTIM'],
  };
  const invalid: BadInputCase = {
    family: 'wrong-type',
    label: 'x',
    intent: 'invalid',
    data: { orderId: 42 },
    idempotencyKey: undefined,
    expectCode: 'VALIDATION_FAILED',
  };
  const hostile: BadInputCase = {
    family: 'foreign-or-missing-id',
    label: 'y',
    intent: 'hostile',
    data: { orderId: 'ord-victim-1' },
    idempotencyKey: undefined,
  };
  const check = (c: BadInputCase, envelope: Envelope<unknown>) => judge(spec, c, envelope, world, 'customer');

  it('accepts a clean refusal', () => {
    expect(check(invalid, fail('VALIDATION_FAILED'))).toEqual([]);
    expect(check(hostile, fail('NOT_FOUND'))).toEqual([]);
  });

  it('flags INTERNAL, a 5xx code, an unknown code and a stack trace', () => {
    expect(check(hostile, fail('INTERNAL'))).toEqual([expect.stringContaining('INTERNAL (HTTP 500)')]);
    expect(check(hostile, fail('UPSTREAM_UNAVAILABLE'))).toEqual([expect.stringContaining('HTTP 503')]);
    expect(check(hostile, { ok: false, error: { code: 'BOOM' as never, message: 'x' } })).toEqual([
      expect.stringContaining('unknown error code'),
    ]);
    expect(check(hostile, fail('NOT_FOUND', 'Error: x\n    at run (/srv/order.ts:12:3)'))).toEqual([
      expect.stringContaining('stack trace'),
    ]);
  });

  it('flags invalid input that was not refused as VALIDATION_FAILED', () => {
    expect(check(invalid, { ok: true, data: {} })).toEqual(['expected VALIDATION_FAILED, got ok']);
    expect(check(invalid, fail('NOT_FOUND'))).toEqual(['expected VALIDATION_FAILED, got NOT_FOUND']);
  });

  it("flags another member's data in an answer, unless the caller sent it", () => {
    expect(check(invalid, { ok: true, data: { orderNo: 'NO20260302VICTIM' } })).toContain(
      "answer carries another member's data: NO20260302VICTIM",
    );
    expect(check(hostile, fail('NOT_FOUND', undefined, { orderId: 'ord-victim-1' }))).toEqual([]);
  });

  it('tells a harmful write (rows deleted, balances moved) from an accepted one (rows added)', () => {
    const before = { 'rows:orders': '3', 'rows:audit_log': '1', 'sum:skus.stock': '100', 'hash:orders': 'a' };
    expect(harmfulChanges(before, { ...before, 'rows:audit_log': '2', 'hash:orders': 'b' })).toEqual([]);
    expect(harmfulChanges(before, { ...before, 'rows:orders': '2' })).toEqual(['rows:orders: 3 -> 2']);
    expect(harmfulChanges(before, { ...before, 'sum:skus.stock': '99' })).toEqual(['sum:skus.stock: 100 -> 99']);
    expect(changes(before, { ...before, 'hash:orders': 'b' })).toEqual(['hash:orders: a -> b']);
  });
});
