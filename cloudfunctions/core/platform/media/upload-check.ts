import type { StoredContentType } from '../platform';

/** The most an uploaded image may weigh: WeChat's own avatar picker gives far less, a poster about 300 KB. */
export const MEDIA_MAX_BYTES = 2 * 1024 * 1024;

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);

export type UploadCheck =
  | { ok: true; contentType: StoredContentType; ext: 'png' | 'jpg' }
  | { ok: false; code: 'MEDIA_EMPTY' | 'MEDIA_TOO_LARGE' | 'MEDIA_TYPE_UNSUPPORTED'; details: Record<string, unknown> };

/** What the bytes are, by their magic number (a name or a declared type can say anything). */
export function sniffImageType(bytes: Buffer): StoredContentType | null {
  if (bytes.length >= PNG_MAGIC.length && bytes.subarray(0, PNG_MAGIC.length).equals(PNG_MAGIC)) return 'image/png';
  if (bytes.length >= JPEG_MAGIC.length && bytes.subarray(0, JPEG_MAGIC.length).equals(JPEG_MAGIC)) return 'image/jpeg';
  return null;
}

/** PNG or JPEG (sniffed), not empty, at most `maxBytes`: the only files the storage port takes. */
export function checkUpload(bytes: Buffer, maxBytes = MEDIA_MAX_BYTES): UploadCheck {
  if (bytes.length === 0) return { ok: false, code: 'MEDIA_EMPTY', details: {} };
  if (bytes.length > maxBytes)
    return { ok: false, code: 'MEDIA_TOO_LARGE', details: { bytes: bytes.length, limitBytes: maxBytes } };
  const contentType = sniffImageType(bytes);
  if (!contentType)
    return { ok: false, code: 'MEDIA_TYPE_UNSUPPORTED', details: { accepted: ['image/png', 'image/jpeg'] } };
  return { ok: true, contentType, ext: contentType === 'image/png' ? 'png' : 'jpg' };
}

/**
 * A storage key: lower-case path segments of `[a-z0-9_-]`, a `.png` / `.jpg` name, no `..`, at most
 * 200 chars. WeChat Cloud's cloudPath rules are wider; this keeps local paths and cloud paths the same.
 */
export function isStorageKey(key: string): boolean {
  return key.length <= 200 && /^(?:[a-z0-9_-]+\/)*[a-z0-9_-]+\.(?:png|jpg)$/i.test(key);
}

/** Refuses a key the code built wrongly (a bug, not a customer's mistake) and bytes of another type than declared. */
export function assertStorable(bytes: Buffer, key: string, contentType: StoredContentType): void {
  if (!isStorageKey(key)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
  const check = checkUpload(bytes);
  if (!check.ok) throw new Error(`refusing to store ${key}: ${check.code}`);
  if (check.contentType !== contentType) throw new Error(`refusing to store ${key}: bytes are ${check.contentType}`);
}

/** The gateway path of a key: the file id of the local storage and the key's path under a public base URL. */
export function mediaPath(key: string): string {
  return `/media/${key}`;
}

/** The key of a gateway media path, or null for anything else. */
export function keyOfMediaPath(path: string): string | null {
  return path.startsWith('/media/') ? path.slice('/media/'.length) : null;
}

/** A report file's key: `exports/<kind>-<days>-<random>.csv` or `.xlsx`; the gateway serves it only on a signed link. */
export function isReportKey(key: string): boolean {
  return /^exports\/[a-z0-9_-]{16,80}\.(?:csv|xlsx)$/.test(key);
}
