import { sql, type RawBuilder } from 'kysely';
import { PURCHASED } from '../triggers/trigger';

/** How long after a send an order still counts as the nudge's conversion. */
export const CONVERSION_DAYS = 7;

/**
 * Whether nudge `n` converted: it was sent and its member paid an order created within 7 days
 * after the send. Computed at read time (orders_member index per nudge) rather than marked by a
 * timer: no extra job, and an order cancelled or refunded later stops counting by itself.
 */
export function converted(n = 'n'): RawBuilder<boolean> {
  const t = sql.ref(n);
  return sql<boolean>`(${t}.status = 'sent' and exists (
    select 1 from orders o
     where o.member_id = ${sql.ref(`${n}.member_id`)}
       and o.created_at >= ${sql.ref(`${n}.sent_at`)}
       and o.created_at < ${sql.ref(`${n}.sent_at`)} + interval '${sql.raw(String(CONVERSION_DAYS))} days'
       and o.status in ${PURCHASED}))`;
}
