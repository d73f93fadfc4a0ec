import type { MemberCodeView } from '../contract';
import type { ServiceArgs } from '../context';
import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import {
  issueMemberCode,
  matchDigitsStep,
  memberCodeDigits,
  memberCodeSecret,
  memberCodeStep,
  parseMemberDigits,
  readMemberCode,
  verifyMemberCode,
} from './domain/member-code';
import { findCardNo, findMemberByCardNo, memberExistsInStore, recordMemberCodeUse } from './repo/member-code.repo';

/** Typed digits older than the accepted two steps but this recent are answered EXPIRED, not INVALID. */
const DIGITS_EXPIRED_WINDOW_STEPS = 20;

function stepsBack(now: Date, from: number, to: number): number[] {
  const current = memberCodeStep(now);
  return Array.from({ length: to - from + 1 }, (_, i) => current - from - i);
}

/** `member.memberCode`: the caller's code for this 30-second step. Reading it changes nothing. */
export async function getMemberCode({
  caller,
  ctx,
  exec,
}: ServiceArgs<Record<string, never>>): Promise<Result<MemberCodeView>> {
  const secret = memberCodeSecret(process.env, ctx.platform.name);
  const issued = issueMemberCode(caller.memberId!, ctx.now, secret);
  const cardNo = await findCardNo(exec, caller.memberId!);
  return ok({
    code: issued.code,
    digits: memberCodeDigits(caller.memberId!, cardNo, issued.step, secret),
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
  const checked = await checkMemberCode(tx, scan);
  if (!checked.ok) return checked;
  const { memberId, step } = checked.data;
  const first = await recordMemberCodeUse(tx, { memberId, step, usedAt: scan.now, usedBy: scan.usedBy });
  if (!first) return fail('MEMBER_CODE_USED');
  return ok({ memberId, step });
}

/** A code in either form (QR text or typed digits): authentic, from the current or previous step, of this store. */
async function checkMemberCode(
  tx: Executor,
  scan: { code: string; storeId: string; now: Date; secret: string },
): Promise<Result<{ memberId: string; step: number }>> {
  const digits = parseMemberDigits(scan.code);
  if (!digits) {
    const checked = verifyMemberCode(scan.code, scan.now, scan.secret);
    if (!checked.ok) return fail(checked.code);
    if (!(await memberExistsInStore(tx, scan.storeId, checked.memberId))) return fail('MEMBER_CODE_INVALID');
    return ok({ memberId: checked.memberId, step: checked.step });
  }
  const memberId = await findMemberByCardNo(tx, scan.storeId, digits.cardNo);
  if (!memberId) return fail('MEMBER_CODE_INVALID');
  const step = matchDigitsStep(digits, memberId, stepsBack(scan.now, 0, 1), scan.secret);
  if (step !== null) return ok({ memberId, step });
  const old = matchDigitsStep(digits, memberId, stepsBack(scan.now, 2, DIGITS_EXPIRED_WINDOW_STEPS), scan.secret);
  return fail(old === null ? 'MEMBER_CODE_INVALID' : 'MEMBER_CODE_EXPIRED');
}

/**
 * The member and step an authentic code carries, in either form, up to `maxAgeSteps` old for typed
 * digits (the QR form carries its step); null when it is not one. Spends nothing: the counter uses it
 * to recognise a code it already spent.
 */
export async function readCounterMemberCode(
  exec: Executor,
  q: { code: string; storeId: string; now: Date; secret: string; maxAgeSteps: number },
): Promise<{ memberId: string; step: number } | null> {
  const digits = parseMemberDigits(q.code);
  if (!digits) return readMemberCode(q.code, q.secret);
  const memberId = await findMemberByCardNo(exec, q.storeId, digits.cardNo);
  if (!memberId) return null;
  const step = matchDigitsStep(digits, memberId, stepsBack(q.now, 0, q.maxAgeSteps), q.secret);
  return step === null ? null : { memberId, step };
}
