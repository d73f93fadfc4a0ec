import { sql } from 'kysely';
import { PURCHASED } from '../../nudge';
import { percent, type ChartProvider } from './chart';

/**
 * Repurchase rate by month (last 6 Shanghai months): of the month's buyers, the share who bought
 * before that month or more than once in it.
 */
const repurchaseRate: ChartProvider = {
  code: 'repurchase_rate',
  title: '月度复购率',
  load: async (exec, { storeId, now }) => {
    const { rows } = await sql<{ label: string; buyers: number; repeaters: number }>`
      with months as (
        select generate_series(date_trunc('month', ${now}::timestamptz at time zone 'Asia/Shanghai') - interval '5 months',
                               date_trunc('month', ${now}::timestamptz at time zone 'Asia/Shanghai'), interval '1 month') as mon),
      buys as (
        select o.member_id, date_trunc('month', o.paid_at at time zone 'Asia/Shanghai') as mon, count(*) as n
          from orders o
         where o.store_id = ${storeId} and o.status in ${PURCHASED} and o.paid_at is not null
           and o.paid_at >= (date_trunc('month', ${now}::timestamptz at time zone 'Asia/Shanghai') - interval '5 months') at time zone 'Asia/Shanghai'
         group by 1, 2)
      select to_char(m.mon, 'YYYY-MM') as label, count(b.member_id)::int as buyers,
             (count(b.member_id) filter (where b.n > 1 or exists (
               select 1 from orders p where p.member_id = b.member_id and p.status in ${PURCHASED}
                  and p.paid_at < m.mon at time zone 'Asia/Shanghai')))::int as repeaters
        from months m left join buys b on b.mon = m.mon
       group by m.mon order by m.mon`.execute(exec);
    return {
      kind: 'bars',
      unit: '%',
      rows: rows.map((r) => ({
        label: r.label.slice(2).replace('-', '/'),
        value: percent(Number(r.repeaters), Number(r.buyers)),
        hint: `${r.repeaters}/${r.buyers}人`,
      })),
      note: '当月购买会员中，曾经购买或当月多次购买的占比',
    };
  },
};
export default repurchaseRate;
