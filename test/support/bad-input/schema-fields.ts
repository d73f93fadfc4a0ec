import { z } from 'zod';

/** The subset of JSON Schema that zod's `toJSONSchema` emits for the contract's inputs. */
export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  default?: unknown;
  anyOf?: JsonSchema[];
}

export type Path = Array<string | number>;

/** One place in an action's input that a generator can break: where it is and what the schema wants there. */
export interface Field {
  path: Path;
  /** The property name (or the array's name for its elements): `orderId`, `lineIds`... */
  name: string;
  schema: JsonSchema;
  /** Absent is fine (optional or defaulted). */
  optional: boolean;
  /** `null` is a valid value (zod `.nullable()`). */
  nullable: boolean;
}

/** `X | null` (zod `.nullable()`) as X and a flag; any other union stays as it is (no `type`). */
export function unwrapNullable(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const branches = schema.anyOf;
  if (!branches || !branches.some((b) => b.type === 'null')) return { schema, nullable: false };
  const rest = branches.filter((b) => b.type !== 'null');
  return { schema: rest.length === 1 ? rest[0]! : { anyOf: rest }, nullable: true };
}

/**
 * The action's input schema as JSON Schema (zod v4 does the walk of its own types): refinements are
 * not representable and are left to the real schema, which the suite still consults for every case.
 */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/**
 * Every field of the schema, depth first: object properties, and an array's element (path index 0),
 * so a generator reaches `items.0.qty` and `delivery.address.phone` as well as top-level fields.
 */
export function fieldsOf(raw: JsonSchema, path: Path = [], name = '', optional = false): Field[] {
  const { schema, nullable } = unwrapNullable(raw);
  const here: Field[] = path.length === 0 ? [] : [{ path, name, schema, optional, nullable }];
  if (schema.type === 'object' && schema.properties) {
    const required = new Set(schema.required ?? []);
    for (const [key, child] of Object.entries(schema.properties)) {
      here.push(...fieldsOf(child, [...path, key], key, !required.has(key) || child.default !== undefined));
    }
  } else if (schema.type === 'array' && schema.items) {
    here.push(...fieldsOf(schema.items, [...path, 0], name, false));
  }
  return here;
}

/** Whether `path` exists in `value` (a generator only breaks fields its base sample carries or may carry). */
export function parentExists(value: unknown, path: Path): boolean {
  let node = value;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node as object, key)) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node !== null && typeof node === 'object';
}

/** The value at `path` in `value`, or undefined. */
export function valueAt(value: unknown, path: Path): unknown {
  let node = value;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** A copy of `base` with `value` at `path` (or the key removed when `remove`). */
export function withValueAt(base: unknown, path: Path, value: unknown, remove = false): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) delete node[last];
  // defineProperty, not assignment: a key named __proto__ must become an own property, as JSON.parse makes it.
  else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}
