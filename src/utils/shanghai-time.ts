import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** ISO-8601 -> business time (Asia/Shanghai, UTC+8, no DST), whatever the device's zone. */
export function shanghaiTime(iso: string, format = 'YYYY-MM-DD HH:mm'): string {
  return dayjs(iso)
    .utcOffset(8 * 60)
    .format(format);
}

/** `YYYY-MM-DD HH:mm` typed as business time -> ISO-8601; '' -> null; undefined when malformed. */
export function parseShanghai(text: string): string | null | undefined {
  const t = text.trim();
  if (!t) return null;
  const m = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d)$/.exec(t);
  if (!m) return undefined;
  const d = new Date(`${m[1]}T${m[2]}:00+08:00`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
