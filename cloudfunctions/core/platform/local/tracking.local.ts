import type { TrackingEvent, TrackingPort } from '../platform';

const HOUR = 3_600_000;

/**
 * A stand-in carrier for dev and tests: a parcel's timeline follows from its number and the clock, so
 * the same call answers the same. A number starting `NONE` is unknown to the carrier; one ending in `D`
 * has been delivered (a final timeline).
 */
export function createLocalTracking(now: () => Date): TrackingPort {
  return {
    provider: 'local',
    async query({ trackingNo }) {
      if (/^NONE/i.test(trackingNo)) return { found: false, reason: '查询无结果' };
      const hour = Math.floor(now().getTime() / HOUR) * HOUR;
      const at = (hoursAgo: number) => new Date(hour - hoursAgo * HOUR).toISOString();
      const delivered = /D$/i.test(trackingNo);
      const events: TrackingEvent[] = [
        { at: at(30), text: `【上海市】快件已揽收，运单号 ${trackingNo}`, place: '上海市' },
        { at: at(20), text: '【上海市】快件已发往 杭州转运中心', place: '上海市' },
        { at: at(8), text: '【杭州市】快件已到达 杭州转运中心', place: '杭州市' },
        { at: at(2), text: '【杭州市】快递员正在派件，请保持电话畅通', place: '杭州市' },
      ];
      if (delivered) events.push({ at: at(1), text: '【杭州市】快件已签收，签收人：本人', place: '杭州市' });
      return { found: true, state: delivered ? 'delivered' : 'delivering', events: events.reverse() };
    },
  };
}
