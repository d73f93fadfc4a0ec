import type { StoragePort } from '../platform';

/** The answer fields that hold a stored image: a file id in the database, a URL on the wire. */
const MEDIA_FIELDS: ReadonlySet<string> = new Set([
  'image',
  'images',
  'icon',
  'avatarUrl',
  'friendAvatarUrl',
  'shareImage',
]);

function isFileId(value: unknown): value is string {
  return typeof value === 'string' && (value.startsWith('/media/') || value.startsWith('cloud://'));
}

/** Every value under a media field, visited with a setter, in one walk. */
function visit(node: unknown, found: Array<{ id: string; set: (url: string) => void }>): void {
  if (Array.isArray(node)) {
    node.forEach((child) => visit(child, found));
    return;
  }
  if (!node || typeof node !== 'object' || node instanceof Date) return;
  const obj = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(obj)) {
    if (MEDIA_FIELDS.has(key)) {
      if (isFileId(value)) found.push({ id: value, set: (url) => (obj[key] = url) });
      else if (Array.isArray(value))
        value.forEach((v, i) => isFileId(v) && found.push({ id: v, set: (url) => (value[i] = url) }));
      else visit(value, found);
    } else visit(value, found);
  }
}

/**
 * A copy of an answer with every stored image id under a media field turned into a URL the client
 * can load (one `urlFor` call for the whole answer). Rows keep file ids, so a temporary cloud link
 * never ends up in the database or in a replayed idempotent answer.
 */
export async function resolveMediaFields<T>(data: T, storage: StoragePort): Promise<T> {
  if (data === null || typeof data !== 'object') return data;
  const copy = structuredClone(data);
  const found: Array<{ id: string; set: (url: string) => void }> = [];
  visit(copy, found);
  if (found.length === 0) return data;
  const urls = await storage.urlFor(found.map((f) => f.id));
  found.forEach((f, i) => f.set(urls[i] ?? f.id));
  return copy;
}
