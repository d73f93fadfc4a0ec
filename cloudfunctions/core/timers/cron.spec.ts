import { describe, expect, it } from 'vitest';
import { cronMatches, parseCron } from './cron';

const at = (iso: string) => new Date(iso);

describe('7-field timer cron in Asia/Shanghai', () => {
  it('`0 0 10 * * * *` fires at 10:00:00 Shanghai, which is 02:00:00 UTC, and at no other second', () => {
    const daily = parseCron('0 0 10 * * * *');
    expect(cronMatches(daily, at('2025-03-14T02:00:00Z'))).toBe(true);
    expect(cronMatches(daily, at('2025-03-14T02:00:01Z'))).toBe(false);
    expect(cronMatches(daily, at('2025-03-14T02:01:00Z'))).toBe(false);
    expect(cronMatches(daily, at('2025-03-14T10:00:00Z'))).toBe(false);
  });

  it('`0 */1 * * * * *` fires at second 0 of every minute', () => {
    const everyMinute = parseCron('0 */1 * * * * *');
    const start = at('2025-06-30T15:58:00Z').getTime();
    const fired: number[] = [];
    for (let s = 0; s < 300; s++) if (cronMatches(everyMinute, new Date(start + s * 1000))) fired.push(s);
    expect(fired).toEqual([0, 60, 120, 180, 240]);
  });

  it('reads day, month, weekday and year in Shanghai, not UTC', () => {
    // 2030-01-01 00:00 in Shanghai is still 2029-12-31 in UTC.
    expect(cronMatches(parseCron('0 0 0 1 1 * 2030'), at('2029-12-31T16:00:00Z'))).toBe(true);
    expect(cronMatches(parseCron('0 0 0 1 1 * 2030'), at('2030-01-01T00:00:00Z'))).toBe(false);
    // Monday 09:00 Shanghai = Monday 01:00 UTC; 2025-03-17 is a Monday.
    const mondayMorning = parseCron('0 0 9 * * 1 *');
    expect(cronMatches(mondayMorning, at('2025-03-17T01:00:00Z'))).toBe(true);
    expect(cronMatches(mondayMorning, at('2025-03-18T01:00:00Z'))).toBe(false);
  });

  it('supports lists, ranges and stepped ranges', () => {
    const cron = parseCron('0 0,30 9-11/2 * * 1-5 *');
    expect(cron[1]).toEqual(new Set([0, 30]));
    expect(cron[2]).toEqual(new Set([9, 11]));
    expect(cron[5]).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(parseCron('5/20 * * * * * *')[0]).toEqual(new Set([5, 25, 45]));
  });

  it.each([
    ['six fields', '0 0 10 * * *'],
    ['eight fields', '0 0 10 * * * * *'],
    ['second out of range', '60 * * * * * *'],
    ['hour out of range', '0 0 24 * * * *'],
    ['day of month 0', '0 0 0 0 * * *'],
    ['month 13', '0 0 0 * 13 * *'],
    ['weekday 7', '0 0 0 * * 7 *'],
    ['a word', '0 0 ten * * * *'],
    ['step 0', '*/0 * * * * * *'],
    ['empty step', '*/ * * * * * *'],
    ['reversed range', '0 0 12-9 * * * *'],
    ['empty', ''],
  ])('refuses %s', (_label, expression) => {
    expect(() => parseCron(expression)).toThrow();
  });

  // Number('') is 0, so an empty list item or range end silently becomes 0.
  it.each([
    ['a trailing comma', '0, 0 10 * * * *'],
    ['a range without a start', '0 -5 10 * * * *'],
    ['a range without an end', '0 0- 10 * * * *'],
  ])('refuses %s instead of reading it as 0', (_label, expression) => {
    expect(() => parseCron(expression)).toThrow();
  });
});
