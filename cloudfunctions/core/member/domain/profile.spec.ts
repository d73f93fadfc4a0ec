import { describe, expect, it } from 'vitest';
import { isAvatarUrl, isCalendarDate, isPlausibleBirthday, maskPhone, nicknameLength } from './profile';

describe('profile rules', () => {
  it('masks a mainland number as 138****8000', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('91234567')).toBe('91***67');
  });

  it('counts an emoji as one character', () => {
    expect(nicknameLength('小禾🌿')).toBe(3);
  });

  it.each([
    ['https://thirdwx.qlogo.cn/mmopen/abc/132', true],
    ['cloud://shop-prod-1a2b.7368-shop/avatars/a.png', true],
    ['http://example.com/a.png', false],
    ['wxfile://tmp_abc.png', false],
    ['javascript:alert(1)', false],
    ['https://', false],
  ])('avatar %s -> %s', (url, expected) => {
    expect(isAvatarUrl(url)).toBe(expected);
  });

  it.each([
    ['2000-02-29', true],
    ['2001-02-29', false],
    ['1990-13-01', false],
    ['1990-1-1', false],
  ])('calendar date %s -> %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it('a birthday is a past day', () => {
    expect(isPlausibleBirthday('1995-06-18', '2026-05-01')).toBe(true);
    expect(isPlausibleBirthday('2026-05-02', '2026-05-01')).toBe(false);
    expect(isPlausibleBirthday('1800-01-01', '2026-05-01')).toBe(false);
  });
});
