import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalStorage, REPORT_LINK_TTL_SECONDS } from './storage.local';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('pixels')]);

describe('local storage port', () => {
  it('writes under its folder, answers the /media/ path as file id and reads it back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'media-'));
    const storage = createLocalStorage({ dir });
    const id = await storage.put(PNG, 'avatars/abc.png', 'image/png');
    expect(id).toBe('/media/avatars/abc.png');
    expect(readFileSync(join(dir, 'avatars/abc.png')).equals(PNG)).toBe(true);
    expect((await storage.read('avatars/abc.png'))?.equals(PNG)).toBe(true);
    expect(await storage.read('avatars/missing.png')).toBeNull();
  });

  it('resolves file ids against the public base URL; without one they stay same-origin paths', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'media-'));
    const ids = ['/media/products/p1/1.png', 'https://cdn.example.com/x.png', 'cloud://env.bucket/a.png'];
    expect(await createLocalStorage({ dir }).urlFor(ids)).toEqual(ids);
    expect(await createLocalStorage({ dir, publicBaseUrl: 'https://shop.example.com/' }).urlFor(ids)).toEqual([
      'https://shop.example.com/media/products/p1/1.png',
      'https://cdn.example.com/x.png',
      'cloud://env.bucket/a.png',
    ]);
  });

  it('refuses bytes that are not the declared image type and keys that could escape the folder', async () => {
    const storage = createLocalStorage({ dir: mkdtempSync(join(tmpdir(), 'media-')) });
    await expect(storage.put(Buffer.from('<svg/>'), 'a.png', 'image/png')).rejects.toThrow(/MEDIA_TYPE_UNSUPPORTED/);
    await expect(storage.put(PNG, 'a.jpg', 'image/jpeg')).rejects.toThrow(/bytes are image\/png/);
    await expect(storage.put(PNG, '../escape.png', 'image/png')).rejects.toThrow(/invalid storage key/);
    expect(storage.fileOf('../escape.png')).toBeNull();
  });

  it('answers report links signed with an expiry, and verifies only its own unexpired signatures', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'media-'));
    let now = Date.UTC(2026, 2, 2, 2, 0, 0);
    const storage = createLocalStorage({ dir, linkSecret: 'k'.repeat(40), nowMs: () => now });
    const key = 'exports/orders-20260302-20260302-0123456789abcdef01234567.csv';
    const [url] = await storage.urlFor([`/media/${key}`]);
    const m = /^\/media\/exports\/[^?]+\?exp=(\d+)&sig=([0-9a-f]{64})$/.exec(url!)!;
    expect(Number(m[1])).toBe(now / 1000 + REPORT_LINK_TTL_SECONDS);
    expect(storage.verifyReportLink(key, m[1], m[2])).toBe(true);
    // Another key, a moved expiry, another gateway's secret, no signature: refused.
    expect(storage.verifyReportLink(key.replace('orders', 'points'), m[1], m[2])).toBe(false);
    expect(storage.verifyReportLink(key, String(Number(m[1]) + 3600), m[2])).toBe(false);
    expect(createLocalStorage({ dir, linkSecret: 'x'.repeat(40) }).verifyReportLink(key, m[1], m[2])).toBe(false);
    expect(storage.verifyReportLink(key, undefined, undefined)).toBe(false);
    expect(storage.verifyReportLink(key, m[1], 'zz')).toBe(false);
    now += REPORT_LINK_TTL_SECONDS * 1000;
    expect(storage.verifyReportLink(key, m[1], m[2])).toBe(false);
    // Pictures keep their plain paths.
    expect(await storage.urlFor(['/media/avatars/a.png'])).toEqual(['/media/avatars/a.png']);
  });

  it('removes files by id; an id already gone counts as removed, one it cannot place does not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'media-'));
    const storage = createLocalStorage({ dir });
    const src = join(dir, 'report.csv');
    writeFileSync(src, 'a,b\r\n');
    const id = await storage.putReport(
      src,
      'exports/orders-20260302-20260302-aaaaaaaaaaaaaaaaaaaaaaaa.csv',
      'text/csv',
    );
    expect(existsSync(join(dir, 'exports/orders-20260302-20260302-aaaaaaaaaaaaaaaaaaaaaaaa.csv'))).toBe(true);
    expect(
      await storage.remove([id, '/media/exports/gone-20260302-bbbbbbbbbbbbbbbbbbbbbbbb.csv', '/media/../x']),
    ).toEqual([id, '/media/exports/gone-20260302-bbbbbbbbbbbbbbbbbbbbbbbb.csv']);
    expect(existsSync(join(dir, 'exports/orders-20260302-20260302-aaaaaaaaaaaaaaaaaaaaaaaa.csv'))).toBe(false);
  });
});
