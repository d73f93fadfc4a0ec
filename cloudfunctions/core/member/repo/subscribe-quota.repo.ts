import { sql } from 'kysely';
import type { Executor } from '../../db/db';

/**
 * A member's consent to one subscribe-message template (table subscribe_quotas): one-time grants
 * are counted in `remaining`, one per send; a long-term grant is never spent. The nudge timer spends
 * in bulk with its own set-based SQL; single sends use these.
 */

/** Takes consent for one send: spends a one-time grant, or rides on a long-term one. Null: no consent. */
export async function spendSubscribeQuota(
  exec: Executor,
  memberId: string,
  templateId: string,
  now: Date,
): Promise<'one_time' | 'long_term' | null> {
  const row = await exec
    .updateTable('subscribe_quotas')
    .set({ remaining: sql`case when long_term then remaining else remaining - 1 end`, updated_at: now })
    .where('member_id', '=', memberId)
    .where('template_id', '=', templateId)
    .where((eb) => eb.or([eb('remaining', '>', 0), eb('long_term', '=', true)]))
    .returning('long_term')
    .executeTakeFirst();
  if (!row) return null;
  return row.long_term ? 'long_term' : 'one_time';
}

/** Gives back a one-time grant whose send failed for a reason that a retry may fix. */
export async function returnSubscribeQuota(
  exec: Executor,
  memberId: string,
  templateId: string,
  now: Date,
): Promise<void> {
  await exec
    .updateTable('subscribe_quotas')
    .set({ remaining: sql`remaining + 1`, updated_at: now })
    .where('member_id', '=', memberId)
    .where('template_id', '=', templateId)
    .execute();
}

/**
 * WeChat answered 43101: the member holds no subscription at all. Whatever the client reported
 * (one-time grants or a long-term one) is gone until a new grant.
 */
export async function clearSubscription(
  exec: Executor,
  memberId: string,
  templateId: string,
  now: Date,
): Promise<void> {
  await exec
    .updateTable('subscribe_quotas')
    .set({ remaining: 0, long_term: false, updated_at: now })
    .where('member_id', '=', memberId)
    .where('template_id', '=', templateId)
    .execute();
}
