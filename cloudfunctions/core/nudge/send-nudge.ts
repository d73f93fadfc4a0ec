import { sql } from 'kysely';
import type { CallContext } from '../context';
import { clearSubscription } from '../member';
import { enqueue, type PayloadOf } from '../outbox/outbox';
import { inShanghai } from '../shared/time';
import { templateData } from './domain/message';
import { isQuietHour, quietHoursEnd } from './domain/settings';
import { loadNudgeSettings } from './repo/settings.repo';
import { renderNudge } from './render-nudge';

/** After this many failed deliveries a nudge is recorded as failed (the outbox stops retrying it). */
const NUDGE_MAX_ATTEMPTS = 6;

/**
 * Outbox handler `nudge.send`: delivers one nudge through the subscribe-message port.
 * - only a `queued` nudge is sent, and every outcome is a conditional update on status, so a
 *   duplicate delivery of the outbox message sends nothing;
 * - in the quiet hours the send is deferred to their end (a new outbox message), never sent;
 * - WeChat's refusals (43101 no subscription ...) are final: recorded as `refused`, not retried;
 *   43101 also zeroes the member's one-time quota for the template, since WeChat holds none;
 * - other failures are retried with the outbox's backoff, up to NUDGE_MAX_ATTEMPTS, then `failed`.
 */
export async function sendNudge(ctx: CallContext, payload: PayloadOf<'nudge.send'>): Promise<'done' | 'retry'> {
  const db = ctx.db.kysely;
  const nudge = await db
    .selectFrom('nudges as n')
    .innerJoin('members as m', 'm.id', 'n.member_id')
    .select([
      'n.id',
      'n.store_id',
      'n.member_id',
      'n.trigger',
      'n.template_id',
      'n.detail',
      'n.status',
      'n.attempts',
      'm.openid',
    ])
    .where('n.id', '=', payload.nudgeId as never)
    .executeTakeFirst();
  if (!nudge || nudge.status !== 'queued') return 'done';
  const settings = await loadNudgeSettings(db, nudge.store_id);
  if (isQuietHour(ctx.now, settings)) {
    const at = quietHoursEnd(ctx.now, settings);
    await enqueue(db, {
      topic: 'nudge.send',
      dedupeKey: `nudge.send:${nudge.id}:${at.toISOString()}`,
      payload,
      now: ctx.now,
      notBefore: at,
    });
    return 'done';
  }
  const message = renderNudge(nudge.trigger, nudge.detail, settings);
  const data = templateData(message, inShanghai(ctx.now).format('YYYY-MM-DD'));
  const result = await ctx.platform.messages.sendSubscribeMessage({
    openid: nudge.openid,
    templateId: nudge.template_id,
    page: message.page,
    data,
  });
  const queued = db
    .updateTable('nudges')
    .where('id', '=', nudge.id as never)
    .where('status', '=', 'queued');
  if (result.ok) {
    await queued
      .set({ status: 'sent', sent_at: ctx.now, page: message.page, data: JSON.stringify(data), last_error: null })
      .execute();
    return 'done';
  }
  if (!result.retryable) {
    await queued
      .set({ status: 'refused', errcode: result.errcode, last_error: result.reason, attempts: sql`attempts + 1` })
      .execute();
    if (result.errcode === 43101) await clearSubscription(db, nudge.member_id, nudge.template_id, ctx.now);
    return 'done';
  }
  const failed = nudge.attempts + 1 >= NUDGE_MAX_ATTEMPTS;
  await queued
    .set({
      status: failed ? 'failed' : 'queued',
      errcode: result.errcode,
      last_error: result.reason,
      attempts: sql`attempts + 1`,
    })
    .execute();
  return failed ? 'done' : 'retry';
}
