import type { ActionInput, ActionOutput } from '../contract';
import type { MemberArgs } from '../context';
import { ok, type Result } from '../errors';

/**
 * `member.grantLongTermSubscriptions`: templates the member accepted as long-term subscriptions
 * (WeChat offers these to some service categories only). A long-term grant is never spent by a
 * send; one-time grants stay in `member.grantSubscriptions`.
 */
export async function grantLongTermSubscriptions({
  input,
  caller,
  ctx,
  exec,
}: MemberArgs<ActionInput<'member.grantLongTermSubscriptions'>>): Promise<
  Result<ActionOutput<'member.grantLongTermSubscriptions'>>
> {
  const templateIds = [...new Set(input.accepted)];
  for (const templateId of templateIds) {
    await exec
      .insertInto('subscribe_quotas')
      .values({
        member_id: caller.memberId,
        template_id: templateId,
        remaining: 0,
        long_term: true,
        updated_at: ctx.now,
      })
      .onConflict((oc) =>
        oc.columns(['member_id', 'template_id']).doUpdateSet({ long_term: true, updated_at: ctx.now }),
      )
      .execute();
  }
  return ok({ templateIds });
}
