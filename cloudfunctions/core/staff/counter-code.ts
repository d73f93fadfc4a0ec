import type { CallContext } from '../context';
import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import { consumeMemberCode, MEMBER_CODE_STEP_SECONDS, memberCodeSecret, readCounterMemberCode } from '../member';
import { findCodeUse } from './repo/staff.repo';
import { addMinutes } from '../shared/time';

/**
 * How long after a scan the same counter may keep acting on that member with the scanned code
 * (award points, redeem a coupon): typing an amount and a receipt number takes longer than the
 * code's own 60 seconds, yet the code stays single-presentation: nobody else can use it, and
 * scanning it again is MEMBER_CODE_USED.
 */
const COUNTER_SESSION_MINUTES = 10;

/**
 * `scan`: spends the code (valid for the current and previous 30 s step, usable once, HMAC-checked,
 * a member of this store) through member/consumeMemberCode.
 * `act`: the same, except that a code this staff member already scanned, within the counter session,
 * is accepted again. Runs in the action's transaction, so a refused action does not burn the code.
 */
export async function resolveCounterCode(
  tx: Executor,
  q: { code: string; ctx: CallContext; staffOpenid: string; mode: 'scan' | 'act' },
): Promise<Result<{ memberId: string }>> {
  const secret = memberCodeSecret(process.env, q.ctx.platform.name);
  const scannedHere = async (): Promise<string | null> => {
    const read = await readCounterMemberCode(tx, {
      code: q.code,
      storeId: q.ctx.storeId,
      now: q.ctx.now,
      secret,
      maxAgeSteps: (COUNTER_SESSION_MINUTES * 60) / MEMBER_CODE_STEP_SECONDS,
    });
    if (!read) return null;
    const use = await findCodeUse(tx, read.memberId, read.step);
    const sessionStart = addMinutes(q.ctx.now, -COUNTER_SESSION_MINUTES);
    return use && use.used_by === q.staffOpenid && use.used_at >= sessionStart ? read.memberId : null;
  };
  if (q.mode === 'act') {
    const memberId = await scannedHere();
    if (memberId) return ok({ memberId });
  }
  const spent = await consumeMemberCode(tx, {
    code: q.code,
    storeId: q.ctx.storeId,
    now: q.ctx.now,
    usedBy: q.staffOpenid,
    secret,
  });
  if (spent.ok) return ok({ memberId: spent.data.memberId });
  // Two requests from this counter at once: the other one's scan committed while this one waited.
  if (q.mode === 'act' && spent.error.code === 'MEMBER_CODE_USED') {
    const memberId = await scannedHere();
    if (memberId) return ok({ memberId });
  }
  return spent;
}
