/**
 * Keyset cursors: opaque to the client, (sort, id) inside. A tampered cursor decodes to null and
 * the service answers VALIDATION_FAILED instead of guessing.
 */
export interface ListPosition {
  sort: number;
  id: string;
}

export function encodeCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify([position.sort, position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): ListPosition | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [sort, id] = value;
    if (!Number.isSafeInteger(sort) || typeof id !== 'string' || id.length === 0 || id.length > 64) return null;
    return { sort, id };
  } catch {
    return null;
  }
}
