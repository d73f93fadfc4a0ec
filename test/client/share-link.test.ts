import { describe, expect, it } from 'vitest';
import { absoluteShareLink } from '../../src/utils/share-link';

describe('H5 share links a friend can open', () => {
  const path = '/packages/invite/landing?inv=AB12CD';

  it('puts the configured public base URL and the hash route before the page path', () => {
    expect(absoluteShareLink(path, 'https://shop.example.com')).toBe(
      'https://shop.example.com/#/packages/invite/landing?inv=AB12CD',
    );
    expect(absoluteShareLink(path, 'https://shop.example.com/h5/')).toBe(
      'https://shop.example.com/h5/#/packages/invite/landing?inv=AB12CD',
    );
  });

  it('falls back to the page’s own address, dropping its current route and query', () => {
    expect(absoluteShareLink(path, 'http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787/#' + path);
    expect(absoluteShareLink(path, 'http://127.0.0.1:8787/index.html?x=1#/pages/me/index')).toBe(
      'http://127.0.0.1:8787/index.html#' + path,
    );
  });

  it('adds the leading slash a page path may lack, and leaves a full URL alone', () => {
    expect(absoluteShareLink('packages/groupbuy/team?teamId=t1', 'https://s.example')).toBe(
      'https://s.example/#/packages/groupbuy/team?teamId=t1',
    );
    expect(absoluteShareLink('https://other.example/x', 'https://s.example')).toBe('https://other.example/x');
  });
});
