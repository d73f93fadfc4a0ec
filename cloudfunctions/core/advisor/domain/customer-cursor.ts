import type { CustomerSort } from '../../contract/advisor.contract';

/**
 * Keyset position in 我的顾客: the sort key's value and the member id, newest / highest first. The
 * shared (timestamp, id) cursor (shared/time-cursor) covers two of the three sorts only: points are an
 * integer key, so this cursor carries the sort it was made for and a value of either kind. A cursor
 * of another sort, or a tampered one, decodes to null (the first page).
 */
export interface CustomerPosition {
  sort: CustomerSort;
  value: string | number;
  id: string;
}

export function encodeCustomerCursor(p: CustomerPosition): string {
  return Buffer.from(JSON.stringify([p.sort, p.value, p.id])).toString('base64url');
}

export function decodeCustomerCursor(cursor: string | undefined, sort: CustomerSort): CustomerPosition | null {
  if (!cursor) return null;
  try {
    const [s, value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (s !== sort || typeof id !== 'string') return null;
    if (sort === 'points') return Number.isSafeInteger(value) ? { sort, value, id } : null;
    return typeof value === 'string' && !Number.isNaN(new Date(value).getTime()) ? { sort, value, id } : null;
  } catch {
    return null;
  }
}
