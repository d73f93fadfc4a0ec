import { sql } from 'kysely';
import { rfmScores } from '../repo/rfm';
import type { ChartProvider } from './chart';

const TAGS = ['高消费', '高频复购', '近期活跃', '待唤醒'];

/** Members per RFM tag (a member may carry several). */
const memberTags: ChartProvider = {
  code: 'member_tags',
  title: '会员标签',
  load: async (exec, { storeId }) => {
    const { rows } = await sql<{ tag: string; members: number }>`
      select t.tag, count(*)::int as members from (${rfmScores(storeId)}) s cross join lateral unnest(s.tags) as t(tag) group by t.tag`.execute(
      exec,
    );
    const count = new Map(rows.map((r) => [r.tag, Number(r.members)]));
    return { kind: 'bars', unit: '人', rows: TAGS.map((tag) => ({ label: tag, value: count.get(tag) ?? 0 })) };
  },
};
export default memberTags;
