import { describe, expect, it } from 'vitest';
import type { StoragePort } from '../platform';
import { resolveMediaFields } from './resolve-media';

function recordingStorage() {
  const asked: string[][] = [];
  const storage: StoragePort = {
    put: async () => {
      throw new Error('not used');
    },
    remove: async () => [],
    putReport: async () => {
      throw new Error('not used');
    },
    urlFor: async (ids) => {
      asked.push([...ids]);
      return ids.map((id) => `https://cdn.test${id.replace('cloud://env.b', '')}`);
    },
  };
  return { storage, asked };
}

describe('media fields in answers', () => {
  it('turns every stored id under a media field into a URL with one urlFor call, leaving the input alone', async () => {
    const { storage, asked } = recordingStorage();
    const answer = {
      images: ['/media/products/p1/1.png', '/media/products/p1/2.png'],
      shareImage: '/media/share/products/p1.png',
      members: [
        { nickname: '小禾', avatarUrl: 'cloud://env.b/avatars/a.png' },
        { nickname: 'x', avatarUrl: null },
      ],
      featured: { image: 'https://elsewhere.example.com/a.png', title: '/media/not-a-media-field' },
      qrImage: 'data:image/png;base64,AAAA',
    };
    const before = structuredClone(answer);
    const resolved = await resolveMediaFields(answer, storage);
    expect(resolved).toEqual({
      images: ['https://cdn.test/media/products/p1/1.png', 'https://cdn.test/media/products/p1/2.png'],
      shareImage: 'https://cdn.test/media/share/products/p1.png',
      members: [
        { nickname: '小禾', avatarUrl: 'https://cdn.test/avatars/a.png' },
        { nickname: 'x', avatarUrl: null },
      ],
      featured: { image: 'https://elsewhere.example.com/a.png', title: '/media/not-a-media-field' },
      qrImage: 'data:image/png;base64,AAAA',
    });
    expect(asked).toEqual([
      [
        '/media/products/p1/1.png',
        '/media/products/p1/2.png',
        '/media/share/products/p1.png',
        'cloud://env.b/avatars/a.png',
      ],
    ]);
    expect(answer).toEqual(before);
  });

  it('asks nothing for an answer without stored images', async () => {
    const { storage, asked } = recordingStorage();
    const answer = { items: [{ image: 'https://a.example.com/x.png' }], n: 1 };
    expect(await resolveMediaFields(answer, storage)).toBe(answer);
    expect(await resolveMediaFields(null, storage)).toBeNull();
    expect(asked).toEqual([]);
  });
});
