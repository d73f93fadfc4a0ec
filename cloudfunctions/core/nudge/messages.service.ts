import type { ActionInput, ActionOutput } from '../contract';
import type { ServiceArgs } from '../context';
import { ok, type Result } from '../errors';
import { converted } from './repo/conversion';
import { loadNudgeSettings } from './repo/settings.repo';
import { renderNudge } from './render-nudge';
import { findTrigger } from './triggers/registry';

const PAGE = 20;

/** `manager.messages` (消息记录): the store's nudges, newest first, with outcome and conversion. */
export async function listNudgeMessages({
  input,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'manager.messages'>>): Promise<Result<ActionOutput<'manager.messages'>>> {
  let q = exec
    .selectFrom('nudges as n')
    .innerJoin('members as m', 'm.id', 'n.member_id')
    .select([
      'n.id',
      'n.trigger',
      'n.status',
      'n.detail',
      'n.page',
      'n.data',
      'n.errcode',
      'n.created_at',
      'n.sent_at',
      'm.nickname',
    ])
    .select(converted('n').as('converted'))
    .where('n.store_id', '=', ctx.storeId)
    .orderBy('n.id', 'desc')
    .limit(PAGE + 1);
  if (input.status) q = q.where('n.status', '=', input.status);
  if (input.cursor) q = q.where('n.id', '<', input.cursor as never);
  const rows = await q.execute();
  const settings = await loadNudgeSettings(exec, ctx.storeId);
  const items = rows.slice(0, PAGE).map((r) => {
    const message = renderNudge(r.trigger, r.detail, settings);
    return {
      nudgeId: String(r.id),
      memberNickname: r.nickname,
      trigger: r.trigger,
      triggerTitle: findTrigger(r.trigger)?.title ?? r.trigger,
      status: r.status,
      title: r.data?.thing1?.value ?? message.title,
      body: r.data?.thing2?.value ?? message.body,
      page: r.page ?? message.page,
      errcode: r.errcode,
      createdAt: r.created_at.toISOString(),
      sentAt: r.sent_at?.toISOString() ?? null,
      converted: Boolean(r.converted),
    };
  });
  return ok({ items, nextCursor: rows.length > PAGE ? String(rows[PAGE - 1]!.id) : null });
}
