import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The business time zone: every calendar rule (expiry at year end, quiet hours) is read here. */
export const BUSINESS_TZ = 'Asia/Shanghai';

export function inShanghai(at: Date) {
  return dayjs(at).tz(BUSINESS_TZ);
}

/** `yyyyMMddHHmmss` in Asia/Shanghai (WeChat Pay's `timeEnd` format). */
export function shanghaiStamp(at: Date): string {
  return inShanghai(at).format('YYYYMMDDHHmmss');
}

export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000);
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * 86_400_000);
}
