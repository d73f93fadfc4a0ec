import { describe, expect, it } from 'vitest';
import { checkUpload, isStorageKey, MEDIA_MAX_BYTES, sniffImageType } from './upload-check';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32)]);

describe('upload checks', () => {
  it('knows PNG and JPEG by their bytes, whatever they are called', () => {
    expect(sniffImageType(PNG)).toBe('image/png');
    expect(sniffImageType(JPEG)).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffImageType(PNG.subarray(0, 4))).toBeNull();
  });

  it('accepts PNG and JPEG up to the cap and names their extension', () => {
    expect(checkUpload(PNG)).toEqual({ ok: true, contentType: 'image/png', ext: 'png' });
    expect(checkUpload(JPEG)).toEqual({ ok: true, contentType: 'image/jpeg', ext: 'jpg' });
    const atCap = Buffer.concat([PNG, Buffer.alloc(MEDIA_MAX_BYTES - PNG.length)]);
    expect(checkUpload(atCap).ok).toBe(true);
  });

  it('refuses empty, oversized and other files with their own codes', () => {
    expect(checkUpload(Buffer.alloc(0))).toMatchObject({ ok: false, code: 'MEDIA_EMPTY' });
    const over = Buffer.concat([PNG, Buffer.alloc(MEDIA_MAX_BYTES)]);
    expect(checkUpload(over)).toMatchObject({
      ok: false,
      code: 'MEDIA_TOO_LARGE',
      details: { bytes: over.length, limitBytes: MEDIA_MAX_BYTES },
    });
    expect(checkUpload(Buffer.from('<svg/>'))).toMatchObject({ ok: false, code: 'MEDIA_TYPE_UNSUPPORTED' });
  });

  it('takes only plain keys that cannot leave the media folder', () => {
    expect(isStorageKey('avatars/ab12-cd34.png')).toBe(true);
    expect(isStorageKey('share/products/p-serum.png')).toBe(true);
    for (const bad of ['../etc/passwd.png', 'a/../b.png', '/abs.png', 'a.svg', 'a b.png', 'a//b.png', '', 'x.png/'])
      expect(isStorageKey(bad), bad).toBe(false);
  });
});
