import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, shanghaiText, yuanText } from './cells';
import { exportRange } from './date-range';

describe('report cells', () => {
  it('fen to yuan exactly, for every integer', () => {
    expect(yuanText(1234)).toBe('12.34');
    expect(yuanText(5)).toBe('0.05');
    expect(yuanText(-5)).toBe('-0.05');
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
        expect(Math.round(Number(yuanText(fen)) * 100)).toBe(fen);
      }),
    );
  });

  it('CSV quoting, formula injection, Shanghai times', () => {
    expect(csvCell('text', '张三, "小张"')).toBe('"张三, ""小张"""');
    expect(csvCell('text', '=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('fen', -120)).toBe('-1.20');
    expect(csvCell('time', new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02 00:00:00');
    expect(csvCell('text', null)).toBe('');
    expect(shanghaiText(new Date('2026-03-02T02:00:00Z'))).toBe('2026-03-02 10:00:00');
  });
});

describe('export range', () => {
  it('whole Shanghai days, both ends included', () => {
    expect(exportRange('2026-03-01', '2026-03-02')).toEqual({
      ok: true,
      from: new Date('2026-02-28T16:00:00Z'),
      to: new Date('2026-03-02T16:00:00Z'),
      days: 2,
    });
  });

  it('refuses a reversed range, a day that does not exist and more than 366 days', () => {
    expect(exportRange('2026-03-02', '2026-03-01')).toMatchObject({ ok: false });
    expect(exportRange('2026-02-30', '2026-03-01')).toMatchObject({ ok: false, reason: '日期无效' });
    expect(exportRange('2024-01-01', '2024-12-31')).toMatchObject({ ok: true, days: 366 });
    expect(exportRange('2025-01-01', '2026-01-02')).toMatchObject({ ok: false, reason: '一次最多导出 366 天' });
  });
});
