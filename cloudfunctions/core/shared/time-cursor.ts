/**
 * Keyset cursor over (timestamp, id), newest first: opaque to the client. A tampered cursor decodes
 * to null; the caller decides whether that is VALIDATION_FAILED or the first page.
 */
export interface TimePosition {
  at: Date;
  id: string;
}

export function encodeTimeCursor(p: TimePosition): string {
  return Buffer.from(JSON.stringify([p.at.toISOString(), p.id])).toString('base64url');
}

export function decodeTimeCursor(cursor: string): TimePosition | null {
  try {
    const [raw, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const at = new Date(raw);
    return typeof id === 'string' && !Number.isNaN(at.getTime()) ? { at, id } : null;
  } catch {
    return null;
  }
}
