import type { MemberCodeView } from '../contract';
import type { MemberArgs } from '../context';
import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import { issueMemberCode, memberCodeSecret, verifyMemberCode } from './domain/member-code';
import { memberExistsInStore, recordMemberCodeUse } from './repo/member-code.repo';

/** `member.memberCode`: the caller's code for this 30-second step. Reading it changes nothing. */
export async function getMemberCode({
  caller,
  ctx,
}: MemberArgs<Record<string, never>>): Promise<Result<MemberCodeView>> {
  const secret = memberCodeSecret(process.env, ctx.platform.name);
  const issued = issueMemberCode(caller.memberId, ctx.now, secret);
  return ok({
    code: issued.code,
    expiresAt: issued.expiresAt.toISOString(),
    refreshAt: issued.refreshAt.toISOString(),
    serverNow: ctx.now.toISOString(),
  });
}

/**
 * Spends a scanned member code: authentic, current or previous step, a member of this store, and
 * not used before. For staff actions (staff.scanMemberCode and friends, a later issue): call it
 * inside the staff action's transaction so a failed award does not burn the code.
 */
export async function consumeMemberCode(
  tx: Executor,
  scan: { code: string; storeId: string; now: Date; usedBy: string | null; secret: string },
): Promise<Result<{ memberId: string; step: number }>> {
  const checked = verifyMemberCode(scan.code, scan.now, scan.secret);
  if (!checked.ok) return fail(checked.code);
  if (!(await memberExistsInStore(tx, scan.storeId, checked.memberId))) return fail('MEMBER_CODE_INVALID');
  const first = await recordMemberCodeUse(tx, {
    memberId: checked.memberId,
    step: checked.step,
    usedAt: scan.now,
    usedBy: scan.usedBy,
  });
  if (!first) return fail('MEMBER_CODE_USED');
  return ok({ memberId: checked.memberId, step: checked.step });
}
