import fc from 'fast-check';

/** 100k characters: far past every string limit, still under the gateway's 100 KB body limit when ASCII. */
export const HUGE_STRING = 'x'.repeat(100_000);

/** Arrays far past every list limit (built once: generators share them, nothing mutates them). */
export const HUGE_ARRAY: readonly number[] = Array.from({ length: 100_000 }, (_, i) => i);
export const HUGE_ARRAY_OF_OBJECTS: readonly object[] = Array.from({ length: 100_000 }, () => ({}));
export const LONG_ARRAY: readonly number[] = Array.from({ length: 10_000 }, () => 0);

/**
 * Strings an attacker types into any text field: SQL and script injection, template and path tricks,
 * control characters (NUL, which Postgres text cannot store), lone surrogates, odd unicode.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  "' OR '1'='1",
  "'; DROP TABLE orders; --",
  '1; SELECT pg_sleep(10); --',
  "x' UNION SELECT openid, phone FROM members --",
  '" OR ""="',
  "admin'--",
  "%' OR 1=1 --",
  '$$; DELETE FROM members; $$',
  "\\'; TRUNCATE points_entries; --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(document.cookie)>',
  'javascript:alert(1)',
  "{{constructor.constructor('return process')()}}",
  '${process.env.DATABASE_URL}',
  '../../../../etc/passwd',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\r\n\tX-Injected: 1',
  '%00%27%22',
  '__proto__',
  'constructor',
  'NaN',
  'null',
  '[object Object]',
  '🙂🙂🙂',
  '𠜎𠜱𠝹𠱓',
  '\u202Eevil',
  ' ',
];

/** A hostile string cut to the field's length limit, so it passes the schema and reaches the use case. */
export function fitted(payload: string, maxLength: number | undefined): string {
  return maxLength === undefined ? payload : Array.from(payload).slice(0, maxLength).join('');
}

/** Any JSON-ish value, for extra keys and wrong-type replacements. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** Numbers no integer fen, quantity or count field may take. */
export const BAD_NUMBERS: readonly number[] = [
  -1,
  -100,
  0.5,
  1.5,
  99.99,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  2 ** 31,
  2 ** 31 + 1,
  2 ** 53 + 2,
  -(2 ** 31) - 1,
  1e308,
  Number.MIN_VALUE,
];

/** Keys that try to reach an object's prototype. */
export const PROTO_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];
