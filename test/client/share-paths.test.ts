import { describe, expect, it } from 'vitest';
import { queryOf, shareMessages, withInvite } from '../../src/utils/share';

describe('share paths carry the invite code', () => {
  it('adds inv to a path with or without a query, encoded, and leaves it alone without a code', () => {
    expect(withInvite('/pages/home/index', 'AB12CD')).toBe('/pages/home/index?inv=AB12CD');
    expect(withInvite('/packages/goods/detail?id=p-serum', 'AB12CD')).toBe(
      '/packages/goods/detail?id=p-serum&inv=AB12CD',
    );
    expect(withInvite('/packages/goods/detail?id=p1', 'a&b')).toBe('/packages/goods/detail?id=p1&inv=a%26b');
    expect(withInvite('/packages/goods/detail?id=p1', null)).toBe('/packages/goods/detail?id=p1');
  });

  it('the chat card gets the full path, the 朋友圈 share its query, both the PNG cover', () => {
    const { appMessage, timeline } = shareMessages(
      {
        title: '玻尿酸精华',
        path: '/packages/goods/detail?id=p-serum',
        imageUrl: 'https://x.test/media/share/products/p-serum.png',
      },
      'AB12CD',
    );
    expect(appMessage).toEqual({
      title: '玻尿酸精华',
      path: '/packages/goods/detail?id=p-serum&inv=AB12CD',
      imageUrl: 'https://x.test/media/share/products/p-serum.png',
    });
    expect(timeline).toEqual({
      title: '玻尿酸精华',
      query: 'id=p-serum&inv=AB12CD',
      imageUrl: 'https://x.test/media/share/products/p-serum.png',
    });
    expect(queryOf('/pages/home/index')).toBe('');
    expect(shareMessages({ title: 't', path: '/pages/home/index' }, 'C1').timeline.query).toBe('inv=C1');
  });
});
