import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** ISO-8601 -> business time (Asia/Shanghai, UTC+8, no DST), whatever the device's zone. */
export function shanghaiTime(iso: string, format = 'YYYY-MM-DD HH:mm'): string {
  return dayjs(iso)
    .utcOffset(8 * 60)
    .format(format);
}
