import { describe, expect, it } from 'vitest';
import { bannerLinkOf, bannerState, moveInOrder, scheduleValid } from './home-page';

describe('moveInOrder', () => {
  const ids = ['a', 'b', 'c'];
  it.each([
    ['b', 'up', ['b', 'a', 'c']],
    ['b', 'down', ['a', 'c', 'b']],
    ['c', 'first', ['c', 'a', 'b']],
    ['a', 'up', ['a', 'b', 'c']],
    ['c', 'down', ['a', 'b', 'c']],
    ['x', 'first', ['a', 'b', 'c']],
  ] as const)('%s %s', (id, direction, expected) => {
    expect(moveInOrder(ids, id, direction)).toEqual(expected);
  });
});

describe('bannerState', () => {
  const now = new Date('2026-12-04T10:00:00Z');
  const at = (iso: string) => new Date(iso);
  it('honours the switch, the start and the end', () => {
    expect(bannerState({ active: false, starts_at: null, ends_at: null }, now)).toBe('inactive');
    expect(bannerState({ active: true, starts_at: null, ends_at: null }, now)).toBe('live');
    expect(bannerState({ active: true, starts_at: at('2026-12-04T10:00:01Z'), ends_at: null }, now)).toBe('scheduled');
    expect(bannerState({ active: true, starts_at: now, ends_at: at('2026-12-05T00:00:00Z') }, now)).toBe('live');
    expect(bannerState({ active: true, starts_at: null, ends_at: now }, now)).toBe('ended');
  });
  it('refuses a schedule ending at or before its start', () => {
    expect(scheduleValid(now, now)).toBe(false);
    expect(scheduleValid(now, null)).toBe(true);
    expect(scheduleValid(now, at('2026-12-04T10:00:01Z'))).toBe(true);
  });
});

describe('bannerLinkOf', () => {
  it('prefers the typed columns and reads a legacy route', () => {
    expect(bannerLinkOf({ link_kind: 'page', link_id: 'coupons', link: '' })).toEqual({ kind: 'page', id: 'coupons' });
    expect(bannerLinkOf({ link_kind: null, link_id: null, link: '/packages/goods/detail?id=p-1' })).toEqual({
      kind: 'product',
      id: 'p-1',
    });
    expect(bannerLinkOf({ link_kind: null, link_id: null, link: '/packages/goods/list?categoryId=c-1' })).toEqual({
      kind: 'category',
      id: 'c-1',
    });
    expect(bannerLinkOf({ link_kind: null, link_id: null, link: 'https://example.com' })).toBeNull();
  });
});
