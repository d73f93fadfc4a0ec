import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  BAD_NUMBERS,
  HOSTILE_STRINGS,
  HUGE_ARRAY,
  HUGE_ARRAY_OF_OBJECTS,
  HUGE_STRING,
  LONG_ARRAY,
  PROTO_KEYS,
  anyValue,
  fitted,
} from './payloads';
import {
  fieldsOf,
  parentExists,
  unwrapNullable,
  valueAt,
  withValueAt,
  type Field,
  type JsonSchema,
  type Path,
} from './schema-fields';

/**
 * `invalid`: the generator broke the schema on purpose, so the answer must be VALIDATION_FAILED (or,
 * for the call envelope, IDEMPOTENCY_KEY_REQUIRED). `hostile`: meant to pass the schema and reach the
 * use case (payloads in text, other members' ids, ids that do not exist): the answer must be a clean
 * business refusal, or a harmless read.
 */
export type Intent = 'invalid' | 'hostile';

export interface BadInputCase {
  family: string;
  label: string;
  intent: Intent;
  data: unknown;
  /** `undefined`: the call carries no idempotency key. */
  idempotencyKey: string | undefined;
  expectCode?: 'VALIDATION_FAILED' | 'IDEMPOTENCY_KEY_REQUIRED';
}

/** Ids the hostile generators put into id fields, by kind (`order`, `coupon`...). */
export interface IdPool {
  /** Another member's objects: an attacker must get NOT_FOUND / FORBIDDEN, never the object. */
  foreign: Array<{ kind: string; id: string }>;
  /** Objects anyone may see or use (catalog, campaigns, templates): only used where a different kind is expected. */
  shared: Array<{ kind: string; id: string }>;
}

export interface GeneratorInput {
  schema: JsonSchema;
  /** Valid inputs to break: the first one that carries a field's parent is used for that field. */
  samples: unknown[];
  mutating: boolean;
  /** The caller acts on the store's objects (staff, manager): same-kind foreign ids would be legitimate. */
  privileged: boolean;
  pool: IdPool;
  /** Whether the real schema accepts the top-level replacement `{}` (null/undefined data mean `{}`). */
  emptyIsValid: boolean;
  total: number;
  seed: number;
}

const freshKey = () => `bad-${randomUUID()}`;
const show = (path: Path) => (path.length ? path.join('.') : '(data)');

/** The kind of object an id field names: `orderId` -> order, `lineIds` -> line, `openid` -> member. */
function idKind(field: Field): string | null {
  if (field.schema.type !== 'string' || field.schema.enum) return null;
  if (field.name === 'openid') return 'member';
  const m = /^(.*?)Ids?$/.exec(field.name);
  return m && m[1] ? m[1] : null;
}

function wrongTypes(schema: JsonSchema, nullable = false): fc.Arbitrary<unknown> {
  const all: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.oneof(fc.string(), fc.constantFrom('1', '0', 'true', '[]', '{}')),
    number: fc.oneof(fc.integer(), fc.constant(0)),
    boolean: fc.boolean(),
    null: fc.constant(null),
    array: fc.array(anyValue, { maxLength: 3 }),
    object: fc.dictionary(fc.string({ maxLength: 6 }), anyValue, { maxKeys: 3 }),
  };
  const own = schema.type === 'integer' ? 'number' : (schema.type ?? 'object');
  return fc.oneof(
    ...Object.entries(all)
      .filter(([t]) => t !== own && !(nullable && t === 'null'))
      .map(([, a]) => a),
  );
}

/** Values the field's schema must refuse, beyond a wrong type. */
function outOfRange(field: Field): fc.Arbitrary<unknown> | null {
  const s = field.schema;
  if (s.enum) {
    const known = new Set(s.enum.map(String));
    return fc.oneof(
      fc.string({ maxLength: 12 }).filter((v) => !known.has(v)),
      fc
        .constantFrom(...s.enum.map((v) => String(v).toUpperCase()), ...s.enum.map((v) => ` ${String(v)}`))
        .filter((v) => !known.has(v)),
    );
  }
  if (s.type === 'string') {
    const options: fc.Arbitrary<unknown>[] = [
      fc.constant(HUGE_STRING),
      fc.nat({ max: 1000 }).map((n) => '长'.repeat(100_000 - n)),
    ];
    if (s.maxLength !== undefined)
      options.push(
        fc
          .string({ minLength: s.maxLength + 1, maxLength: s.maxLength + 40 })
          .filter((v) => v.trim().length > s.maxLength!),
      );
    if ((s.minLength ?? 0) >= 1) options.push(fc.constant(''));
    if (s.pattern) {
      const re = new RegExp(s.pattern);
      options.push(fc.string({ maxLength: 12 }).filter((v) => !re.test(v) && !re.test(v.trim())));
    }
    return fc.oneof(...options);
  }
  if (s.type === 'integer' || s.type === 'number') {
    const limits: number[] = [];
    if (s.minimum !== undefined) limits.push(s.minimum - 1);
    if (s.maximum !== undefined && s.maximum < 2 ** 31) limits.push(s.maximum + 1);
    return fc.constantFrom(...BAD_NUMBERS, ...limits);
  }
  if (s.type === 'array') {
    const element = s.items?.type === 'object' ? {} : 'x';
    const options: fc.Arbitrary<unknown>[] = [
      fc.constant(HUGE_ARRAY),
      fc
        .integer({ min: (s.maxItems ?? 1000) + 1, max: (s.maxItems ?? 1000) + 500 })
        .map((n) => Array.from({ length: n }, () => element)),
      fc.array(wrongTypes(unwrapNullable(s.items ?? {}).schema, unwrapNullable(s.items ?? {}).nullable), {
        minLength: 1,
        maxLength: 3,
      }),
    ];
    if ((s.minItems ?? 0) >= 1) options.push(fc.constant([]));
    return fc.oneof(...options);
  }
  return null;
}

/** Objects carrying keys the schema does not know (the contract's objects are strict). */
function extraKeys(obj: JsonSchema): fc.Arbitrary<{ key: string; value: unknown }> {
  const known = new Set(Object.keys(obj.properties ?? {}));
  return fc.record({
    key: fc
      .oneof(
        fc.constantFrom(...PROTO_KEYS, 'storeId', 'openid', 'role', 'priceFen', 'memberId', 'isAdmin'),
        fc.string({ minLength: 1, maxLength: 12 }),
      )
      .filter((k) => !known.has(k)),
    value: fc.oneof(
      anyValue,
      fc.constant(HUGE_STRING),
      fc.constant({ polluted: true, role: 'manager' }),
      fc.constant(LONG_ARRAY),
    ),
  });
}

function idsFor(field: Field, input: GeneratorInput): fc.Arbitrary<string> {
  const kind = idKind(field);
  const max = field.schema.maxLength;
  const foreign = input.pool.foreign.filter((p) => !input.privileged || p.kind !== kind).map((p) => p.id);
  // A read may look at a shared object of its own kind (a team, a campaign): the leak check then
  // proves the answer carries nothing private of the members behind it.
  const shared = input.pool.shared.filter((p) => !input.mutating || p.kind !== kind).map((p) => p.id);
  const missing = fc.oneof(
    fc.uuid(),
    fc.stringMatching(/^[a-z]{1,6}-[0-9a-f]{6,12}$/),
    fc.constantFrom('0', '-1', '00000000-0000-0000-0000-000000000000', 'null', 'undefined'),
  );
  const known = [...foreign, ...shared];
  return (known.length ? fc.oneof(fc.constantFrom(...known), missing) : missing).map((id) => fitted(id, max));
}

/** Field-level cases: break one field (or, hostile, fill it with something nasty that still fits). */
/** Any Unicode code point (fast-check's own 'binary' unit costs ~2 s to build its tables). */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp));

type Draft = Omit<BadInputCase, 'idempotencyKey'>;

/** Cases of one family: drawn at random by weight; `fixed` ones are always included. */
interface Family {
  weight: number;
  arbitrary: fc.Arbitrary<Draft>;
  fixed?: Draft[];
}

const DATETIME_EDGES = [
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00+23:59',
  '1970-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2030-02-28T23:59:59.999999999-23:59',
];

/** Hostile strings every text field gets, whatever the random draws. */
const ALWAYS: readonly string[] = [
  "'; DROP TABLE orders; --",
  "' OR '1'='1",
  '<script>alert(1)</script>',
  'a\u0000b',
  '\uD800',
  '🙂🙂🙂',
];

function fieldCases(field: Field, input: GeneratorInput): Family[] {
  // Any sample that can hold the field; fixed cases use one that already carries it (the fullest).
  const holders = input.samples.filter((s) => parentExists(s, field.path));
  if (holders.length === 0) return [];
  const carrier =
    holders.find((s) => parentExists(s, [...field.path, '']) || valueAt(s, field.path) !== undefined) ?? holders[0];
  const make = (family: string, intent: Intent, base: unknown, v: unknown, remove: boolean): Draft => ({
    family,
    intent,
    label: `${family} at ${show(field.path)}`,
    data: withValueAt(base, field.path, v, remove),
    ...(intent === 'invalid' ? { expectCode: 'VALIDATION_FAILED' as const } : {}),
  });
  const at = (family: string, intent: Intent, value: fc.Arbitrary<unknown>, remove = false) =>
    fc.tuple(fc.constantFrom(...holders), value).map(([base, v]) => make(family, intent, base, v, remove));
  const out: Family[] = [];
  const draft = (family: string, intent: Intent, v: unknown): Draft => make(family, intent, carrier, v, false);
  // undefined is "absent": a wrong type only for required fields.
  // A union other than `X | null` has no single type to be wrong about.
  if (field.schema.type)
    out.push({ weight: 3, arbitrary: at('wrong-type', 'invalid', wrongTypes(field.schema, field.nullable)) });
  if (!field.optional && typeof field.path[field.path.length - 1] === 'string') {
    out.push({ weight: 1, arbitrary: at('missing-field', 'invalid', fc.constant(undefined), true) });
  }
  const range = outOfRange(field);
  if (range) {
    const family =
      field.schema.type === 'string' && !field.schema.enum
        ? 'bad-string'
        : field.schema.enum
          ? 'unknown-enum'
          : field.schema.type === 'array'
            ? 'bad-array'
            : 'bad-number';
    // Every bad number for every numeric field: each is a distinct way to lose money.
    const fixed = family === 'bad-number' ? BAD_NUMBERS.map((n) => draft(family, 'invalid', n)) : undefined;
    out.push({ weight: 3, arbitrary: at(family, 'invalid', range), fixed });
  }
  if (field.schema.type === 'object' && input.samples.some((s) => parentExists(s, [...field.path, '']))) {
    const holder = input.samples.find((s) => parentExists(s, [...field.path, '']));
    out.push({
      weight: 2,
      arbitrary: extraKeys(field.schema).map(({ key, value }) => ({
        family: PROTO_KEYS.includes(key) ? 'proto-key' : 'extra-key',
        intent: 'invalid' as const,
        label: `extra key ${JSON.stringify(key)} in ${show(field.path)}`,
        data: withValueAt(holder, [...field.path, key], value),
        expectCode: 'VALIDATION_FAILED' as const,
      })),
    });
  }
  if (field.schema.type === 'string' && !field.schema.enum) {
    const kind = idKind(field);
    // Whitespace-only and other odd text: the schema decides (ids are not trimmed), the use case must cope.
    const texts = fc
      .oneof(
        fc.constantFrom(...HOSTILE_STRINGS, '\t\n '),
        fc.string({ unit: anyCodePoint, minLength: 1, maxLength: 40 }),
      )
      .map((s) => fitted(s, field.schema.maxLength));
    out.push({
      weight: 3,
      arbitrary: at('hostile-string', 'hostile', texts),
      fixed: ALWAYS.map((t) => draft('hostile-string', 'hostile', fitted(t, field.schema.maxLength))),
    });
    if (kind) out.push({ weight: 4, arbitrary: at('foreign-or-missing-id', 'hostile', idsFor(field, input)) });
    if (field.schema.format === 'date-time') {
      // Valid ISO-8601 that a database may not hold: year 0, year 9999, extreme offsets.
      const edges = DATETIME_EDGES.map((t) => draft('edge-datetime', 'hostile', t));
      out.push({
        weight: 1,
        arbitrary: at('edge-datetime', 'hostile', fc.constantFrom(...DATETIME_EDGES)),
        fixed: edges,
      });
    } else if (field.schema.pattern) {
      // Strings the pattern allows (all-nines cursors, six-digit codes...): they reach the use case.
      const re = new RegExp(field.schema.pattern);
      const { minLength = 0, maxLength = 200 } = field.schema;
      // Long enough for the field (a token of 16+ chars): repeating keeps a `^[...]+$` match.
      const matching = fc
        .oneof(fc.stringMatching(re), fc.stringMatching(re, { size: 'large' }))
        .map((v) =>
          (v.length > 0 && v.length < minLength ? v.repeat(Math.ceil(minLength / v.length)) : v).slice(0, maxLength),
        )
        .filter((v) => re.test(v) && v.length >= minLength);
      out.push({ weight: 2, arbitrary: at('pattern-valid', 'hostile', matching) });
    }
  }
  if (field.schema.type === 'integer' && field.schema.minimum !== undefined && field.schema.maximum !== undefined) {
    const { minimum: min, maximum: max } = field.schema;
    out.push({
      weight: 1,
      arbitrary: at('boundary-number', 'hostile', fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max }))),
    });
  }
  return out;
}

/** Whole-`data` cases: not an object at all, prototype keys at the top, extra keys. */
function dataCases(input: GeneratorInput): Family[] {
  const sample = input.samples[0];
  const replacements: fc.Arbitrary<unknown>[] = [
    fc.array(anyValue, { maxLength: 3 }),
    fc.constant([sample]),
    fc.string(),
    fc.constant(HUGE_STRING),
    fc.integer(),
    fc.boolean(),
    fc.constant(HUGE_ARRAY_OF_OBJECTS),
  ];
  // The dispatcher reads missing data as `{}`: null is only wrong where `{}` is.
  if (!input.emptyIsValid) replacements.push(fc.constantFrom(null, undefined, {}));
  const notAnObject = fc.oneof(...replacements).map((data) => ({
    family: 'not-an-object',
    intent: 'invalid' as const,
    label: `data = ${Array.isArray(data) ? `array(${data.length})` : typeof data}`,
    data,
    expectCode: 'VALIDATION_FAILED' as const,
  }));
  const extra = extraKeys(input.schema).map(({ key, value }) => ({
    family: PROTO_KEYS.includes(key) ? 'proto-key' : 'extra-key',
    intent: 'invalid' as const,
    label: `extra key ${JSON.stringify(key)} in data`,
    data: withValueAt(sample, [key], value),
    expectCode: 'VALIDATION_FAILED' as const,
  }));
  // A JSON body can carry "__proto__" as an own key; JSON.parse keeps it (an object literal would not).
  const parsedProto = fc.constantFrom(...PROTO_KEYS).map((key) => ({
    family: 'proto-key',
    intent: 'invalid' as const,
    label: `JSON-parsed ${key} key in data`,
    data: { ...(JSON.parse(`{"${key}": {"polluted": true, "role": "manager"}}`) as object), ...(sample as object) },
    expectCode: 'VALIDATION_FAILED' as const,
  }));
  return [
    { weight: 3, arbitrary: notAnObject },
    { weight: 3, arbitrary: extra },
    { weight: 1, arbitrary: parsedProto },
  ];
}

/** Call-envelope cases for mutating actions: no key, or a key the envelope schema refuses. */
function keyCases(input: GeneratorInput): fc.Arbitrary<BadInputCase> {
  return fc
    .oneof(
      fc.constant(undefined),
      fc.constantFrom(
        '',
        'short',
        'has space!',
        "k'; drop table idempotency_keys;--",
        'x'.repeat(129),
        '键'.repeat(10),
      ),
    )
    .map((key) => ({
      family: 'bad-idempotency-key',
      intent: 'invalid' as const,
      label: key === undefined ? 'no idempotency key' : `idempotency key ${JSON.stringify(key.slice(0, 20))}`,
      data: input.samples[0],
      idempotencyKey: key,
      expectCode: key === undefined ? ('IDEMPOTENCY_KEY_REQUIRED' as const) : ('VALIDATION_FAILED' as const),
    }));
}

/**
 * At least `total` cases for one action, from fast-check with a fixed seed: first a few of every
 * family for every field (so each field is broken each way), then random draws over all of them.
 */
export function generateCases(input: GeneratorInput): BadInputCase[] {
  const fields = fieldsOf(input.schema);
  const families = [...fields.flatMap((f) => fieldCases(f, input)), ...dataCases(input)];
  const keyed = (c: Draft): BadInputCase => ({ ...c, idempotencyKey: input.mutating ? freshKey() : undefined });
  const all = families.map((f) => ({ weight: f.weight, arbitrary: f.arbitrary.map(keyed) }));
  if (input.mutating) all.push({ weight: 1, arbitrary: keyCases(input) });
  let seed = input.seed;
  const cases: BadInputCase[] = families.flatMap((f) => (f.fixed ?? []).map(keyed));
  for (const family of all) cases.push(...fc.sample(family.arbitrary, { numRuns: 2, seed: seed++ }));
  const rest = Math.max(0, input.total - cases.length);
  cases.push(
    ...fc.sample(fc.oneof(...all.map((f) => ({ weight: f.weight, arbitrary: f.arbitrary }))), {
      numRuns: rest,
      seed: seed++,
    }),
  );
  return cases;
}
