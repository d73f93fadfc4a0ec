import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalStorage } from './storage.local';

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
});
