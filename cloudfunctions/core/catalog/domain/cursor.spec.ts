import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeCursor, encodeCursor } from './cursor';

const position = fc.record({
  sort: fc.maxSafeInteger().map((n) => n + 0),
  id: fc.string({ unit: 'binary', minLength: 1, maxLength: 64 }).filter((s) => s.length <= 64),
});

function raw(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

describe('list cursor', () => {
  it('decodes back to the position it was made from', () => {
    fc.assert(
      fc.property(position, (p) => {
        expect(decodeCursor(encodeCursor(p))).toEqual(p);
      }),
    );
  });

  it('is URL-safe and short enough for the contract (<= 200 chars) for any catalog id', () => {
    fc.assert(
      fc.property(position, (p) => {
        const cursor = encodeCursor({ ...p, id: p.id.replace(/[^\x20-\x7e]/g, 'x') });
        expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(cursor.length).toBeLessThanOrEqual(200);
      }),
    );
  });

  it.each([
    ['empty string', ''],
    ['not base64 at all', '%%%***'],
    ['base64 of plain text', Buffer.from('hello').toString('base64url')],
    ['an object instead of a pair', raw({ sort: 1, id: 'p-a' })],
    ['a pair with a fractional sort', raw([1.5, 'p-a'])],
    ['a pair with a string sort', raw(['1', 'p-a'])],
    ['a sort beyond safe integers', raw([2 ** 53, 'p-a'])],
    ['an empty id', raw([10, ''])],
    ['an id longer than 64 chars', raw([10, 'p'.repeat(65)])],
    ['a numeric id', raw([10, 42])],
    ['three elements', raw([10, 'p-a', 'x'])],
    ['JSON null', raw(null)],
  ])('decodes %s to null', (_label, cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });

  it('never throws on arbitrary input: it answers null or a well-formed position', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (garbage) => {
        const decoded = decodeCursor(garbage);
        if (decoded !== null) {
          expect(Number.isSafeInteger(decoded.sort)).toBe(true);
          expect(decoded.id.length).toBeGreaterThan(0);
          expect(decoded.id.length).toBeLessThanOrEqual(64);
        }
      }),
    );
  });

  it('a cursor with one character flipped never decodes to a malformed position', () => {
    fc.assert(
      fc.property(position, fc.nat(), fc.constantFrom(...'ABCxyz019-_'), (p, at, replacement) => {
        const cursor = encodeCursor(p);
        const i = at % cursor.length;
        const tampered = cursor.slice(0, i) + replacement + cursor.slice(i + 1);
        const decoded = decodeCursor(tampered);
        if (decoded !== null) {
          expect(Number.isSafeInteger(decoded.sort)).toBe(true);
          expect(decoded.id.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
