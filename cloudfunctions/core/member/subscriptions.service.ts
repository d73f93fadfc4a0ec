import { sql } from 'kysely';
import type { ActionInput, ActionOutput } from '../contract';
import type { MemberArgs } from '../context';
import { ok, type Result } from '../errors';

/**
 * `member.grantSubscriptions`: the templates the member accepted in requestSubscribeMessage. Each
 * one-time acceptance is one send (nudges spend them later, one each).
 */
export async function grantSubscriptions({
  input,
  caller,
  ctx,
  exec,
}: MemberArgs<ActionInput<'member.grantSubscriptions'>>): Promise<Result<ActionOutput<'member.grantSubscriptions'>>> {
  const accepted = [...new Set(input.accepted)];
  for (const templateId of accepted) {
    await exec
      .insertInto('subscribe_quotas')
      .values({ member_id: caller.memberId, template_id: templateId, remaining: 1, updated_at: ctx.now })
      .onConflict((oc) =>
        oc
          .columns(['member_id', 'template_id'])
          .doUpdateSet({ remaining: sql`subscribe_quotas.remaining + 1`, updated_at: ctx.now }),
      )
      .execute();
  }
  const quotas = await exec
    .selectFrom('subscribe_quotas')
    .select(['template_id', 'remaining'])
    .where('member_id', '=', caller.memberId)
    .orderBy('template_id')
    .execute();
  return ok({ quotas: quotas.map((q) => ({ templateId: q.template_id, remaining: q.remaining })) });
}
