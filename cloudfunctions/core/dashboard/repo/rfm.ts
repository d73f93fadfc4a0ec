import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/db';
import { PURCHASED } from '../../nudge';

export type RfmSegment = 'champions' | 'loyal' | 'promising' | 'at_risk' | 'hibernating' | 'needs_attention';

export const SEGMENT_TITLES: Record<RfmSegment, string> = {
  champions: '重要价值',
  loyal: '忠诚客户',
  promising: '潜力新客',
  needs_attention: '一般维持',
  at_risk: '流失风险',
  hibernating: '沉睡客户',
};

/**
 * Every buying member's RFM scores, 1-5 quintiles (ntile) over the store's buyers: recency of the
 * last purchase, frequency (orders), monetary (paid fen); ties broken by the other measures so
 * equal counts do not land in arbitrary tiles. Then the segment and tags, all in SQL.
 * Rows: member_id, r, f, m, segment, tags text[].
 */
function rfmScores(storeId: string): RawBuilder<unknown> {
  return sql`
    select member_id, r, f, m,
           case when r >= 4 and f >= 4 then 'champions'
                when r >= 3 and f >= 3 then 'loyal'
                when r >= 4 then 'promising'
                when r <= 2 and f >= 3 then 'at_risk'
                when r = 1 then 'hibernating'
                else 'needs_attention' end as segment,
           array_remove(array[
             case when m = 5 then '高消费' end,
             case when f >= 4 then '高频复购' end,
             case when r = 5 then '近期活跃' end,
             case when r <= 2 and f >= 3 then '待唤醒' end], null) as tags
      from (
        select member_id,
               ntile(5) over (order by last_paid, orders, monetary) as r,
               ntile(5) over (order by orders, monetary, last_paid) as f,
               ntile(5) over (order by monetary, orders, last_paid) as m
          from (
            select o.member_id, max(o.paid_at) as last_paid, count(*) as orders, sum(o.payable_fen) as monetary
              from orders o
             where o.store_id = ${storeId} and o.paid_at is not null and o.status in ${PURCHASED}
             group by o.member_id) s) q`;
}

/** Members per RFM tag (a member may carry several). */
export async function rfmTagCounts(exec: Executor, q: { storeId: string }) {
  const { rows } = await sql<{ tag: string; members: number }>`
      select t.tag, count(*)::int as members from (${rfmScores(q.storeId)}) s cross join lateral unnest(s.tags) as t(tag) group by t.tag`.execute(
    exec,
  );
  return rows;
}

/** Members per RFM segment. */
export async function rfmSegmentCounts(exec: Executor, q: { storeId: string }) {
  const { rows } = await sql<{ segment: RfmSegment; members: number }>`
      select segment, count(*)::int as members from (${rfmScores(q.storeId)}) s group by segment`.execute(exec);
  return rows;
}
