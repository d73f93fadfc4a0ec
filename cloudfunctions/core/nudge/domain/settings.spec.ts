import { describe, expect, it } from 'vitest';
import { DEFAULT_NUDGE_SETTINGS as S, isQuietHour, quietHoursEnd } from './settings';

const at = (shanghai: string) => new Date(`${shanghai}+08:00`);

describe('quiet hours 21:00-09:00 Asia/Shanghai', () => {
  it('is quiet from 21:00 until 08:59 and open from 09:00 to 20:59', () => {
    expect(isQuietHour(at('2026-03-02T20:59:59'), S)).toBe(false);
    expect(isQuietHour(at('2026-03-02T21:00:00'), S)).toBe(true);
    expect(isQuietHour(at('2026-03-03T03:00:00'), S)).toBe(true);
    expect(isQuietHour(at('2026-03-03T08:59:59'), S)).toBe(true);
    expect(isQuietHour(at('2026-03-03T09:00:00'), S)).toBe(false);
    expect(isQuietHour(at('2026-03-03T10:00:00'), S)).toBe(false);
  });

  it('defers a send in the quiet hours to the next 09:00, before or after midnight', () => {
    expect(quietHoursEnd(at('2026-03-02T22:30:00'), S)).toEqual(at('2026-03-03T09:00:00'));
    expect(quietHoursEnd(at('2026-03-03T02:00:00'), S)).toEqual(at('2026-03-03T09:00:00'));
    expect(quietHoursEnd(at('2026-03-03T10:00:00'), S)).toEqual(at('2026-03-03T10:00:00'));
  });

  it('supports a window that does not wrap midnight', () => {
    const s = { quietStartHour: 12, quietEndHour: 14 };
    expect(isQuietHour(at('2026-03-03T13:00:00'), s)).toBe(true);
    expect(isQuietHour(at('2026-03-03T15:00:00'), s)).toBe(false);
  });
});
