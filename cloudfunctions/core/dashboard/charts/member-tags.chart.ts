import { rfmTagCounts } from '../repo/rfm';
import type { ChartProvider } from './chart';

const TAGS = ['高消费', '高频复购', '近期活跃', '待唤醒'];

/** Members per RFM tag (a member may carry several). */
const memberTags: ChartProvider = {
  code: 'member_tags',
  title: '会员标签',
  load: async (exec, { storeId }) => {
    const rows = await rfmTagCounts(exec, { storeId });
    const count = new Map(rows.map((r) => [r.tag, Number(r.members)]));
    return { kind: 'bars', unit: '人', rows: TAGS.map((tag) => ({ label: tag, value: count.get(tag) ?? 0 })) };
  },
};
export default memberTags;
