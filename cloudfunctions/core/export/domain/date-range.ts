/** The longest report: a year and a day (a leap year's whole). */
const EXPORT_MAX_DAYS = 366;

const DAY_MS = 86_400_000;

export type ExportRange = { ok: true; from: Date; to: Date; days: number } | { ok: false; reason: string };

/** Midnight of a Shanghai day `YYYY-MM-DD` as a UTC instant, or null for a day that does not exist. */
function shanghaiMidnight(day: string): Date | null {
  const at = new Date(`${day}T00:00:00+08:00`);
  if (Number.isNaN(at.getTime())) return null;
  // `2026-02-30` parses to 3 March: refuse it rather than export another day.
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) === day ? at : null;
}

/** Whole Shanghai days `from`..`to`, both included, as a half-open UTC range [from, to). */
export function exportRange(from: string, to: string): ExportRange {
  const start = shanghaiMidnight(from);
  const last = shanghaiMidnight(to);
  if (!start || !last) return { ok: false, reason: '日期无效' };
  const days = Math.round((last.getTime() - start.getTime()) / DAY_MS) + 1;
  if (days < 1) return { ok: false, reason: '开始日期不能晚于结束日期' };
  if (days > EXPORT_MAX_DAYS) return { ok: false, reason: `一次最多导出 ${EXPORT_MAX_DAYS} 天` };
  return { ok: true, from: start, to: new Date(last.getTime() + DAY_MS), days };
}
