import { rfmSegmentCounts, SEGMENT_TITLES, type RfmSegment } from '../repo/rfm';
import type { ChartProvider } from './chart';

/** RFM segments with member counts (every segment shown, zero or not, in a fixed order). */
const rfmSegments: ChartProvider = {
  code: 'rfm_segments',
  title: 'RFM 会员分层',
  load: async (exec, { storeId }) => {
    const rows = await rfmSegmentCounts(exec, { storeId });
    const count = new Map(rows.map((r) => [r.segment, Number(r.members)]));
    return {
      kind: 'bars',
      unit: '人',
      rows: (Object.keys(SEGMENT_TITLES) as RfmSegment[]).map((s) => ({
        label: SEGMENT_TITLES[s],
        value: count.get(s) ?? 0,
      })),
      note: '按最近消费、消费频次、消费金额五分位打分',
    };
  },
};
export default rfmSegments;
