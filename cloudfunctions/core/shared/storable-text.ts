/**
 * Text Postgres cannot store. `text` refuses the NUL character (U+0000: "invalid byte sequence for
 * encoding UTF8: 0x00") and `jsonb` refuses it and lone UTF-16 surrogates as escapes (the idempotency
 * store keeps answers as jsonb, and answers echo input). Either would surface as a 500, so input is
 * checked once, at the dispatcher, and no action's schema can forget it.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function storable(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** The path of the first string (value or object key) in `value` Postgres cannot store, or null. */
export function pathOfUnstorableText(value: unknown, path: Array<string | number> = []): string | null {
  if (typeof value === 'string') return storable(value) ? null : path.join('.');
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = pathOfUnstorableText(value[i], [...path, i]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (!storable(key)) return [...path, key].join('.');
      const found = pathOfUnstorableText(child, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}
