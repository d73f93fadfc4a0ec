import type { MemberProfile } from '../contract';
import type { Executor, Kdb } from '../db/db';
import { ok, type Result } from '../errors';
import type { ServiceArgs } from '../context';
import { points } from '../shared/money';
import { runNewMemberHooks } from './new-member-hooks';
import { newInviteCode } from './domain/invite-code';
import { nextTierAfter, tierForGrowth } from './domain/tiers';
import { findMemberByOpenid, findTiers, insertMember } from './repo/member.repo';
import { loadProfileExtras } from './profile-view';

/** Attempts at a fresh invite code before giving up (6 chars of 31 symbols: collisions are rare). */
const INVITE_CODE_ATTEMPTS = 5;

/**
 * Registers the caller as a member: the member for (store, openid), created on their first signed-in
 * call with a unique invite code and the entry tier, and greeted by the new-member hooks (the gift)
 * in the same transaction: the member and their gift commit together or not at all. Two concurrent
 * first calls create one member: the loser's insert does nothing and re-reads, and gives no gift.
 * Called with the database it opens its own transaction; called with a caller's, it runs in it.
 */
export async function ensureMember(exec: Executor, storeId: string, openid: string, now: Date) {
  const existing = await findMemberByOpenid(exec, storeId, openid);
  if (existing) return existing;
  const register = (tx: Executor) => registerMember(tx, storeId, openid, now);
  return exec.isTransaction ? register(exec) : (exec as Kdb).transaction().execute(register);
}

async function registerMember(tx: Executor, storeId: string, openid: string, now: Date) {
  const tiers = await findTiers(tx, storeId);
  const entry = tierForGrowth(tiers, 0);
  for (let attempt = 0; attempt < INVITE_CODE_ATTEMPTS; attempt++) {
    const inviteCode = newInviteCode();
    const inserted = await insertMember(tx, {
      storeId,
      openid,
      nickname: `会员${inviteCode.slice(-4)}`,
      tierCode: entry.code,
      inviteCode,
      now,
    });
    const member = await findMemberByOpenid(tx, storeId, openid);
    // Only the insert's winner runs the hooks (the gift); a hook never fails the registration.
    if (inserted && member) await runNewMemberHooks(tx, { storeId, memberId: member.id, now });
    if (member) return member;
  }
  throw new Error('could not allocate a unique invite code');
}

/** `member.me`: the member card. */
export async function getMyProfile({
  caller,
  ctx,
  exec,
}: ServiceArgs<Record<string, never>>): Promise<Result<MemberProfile>> {
  // The dispatcher registered the caller before this runs: memberId is set for every customer call.
  const member = (await findMemberByOpenid(exec, ctx.storeId, caller.openid!))!;
  const tiers = await findTiers(exec, ctx.storeId);
  const tier = tiers.find((t) => t.code === member.tier_code) ?? tierForGrowth(tiers, member.growth);
  const next = nextTierAfter(tiers, member.growth);
  return ok({
    memberId: member.id,
    nickname: member.nickname,
    avatarUrl: member.avatar_url,
    tier: { code: tier.code, name: tier.name },
    points: points(member.points_balance),
    growth: member.growth,
    inviteCode: member.invite_code,
    nextTier: next ? { code: next.code, name: next.name, minGrowth: next.minGrowth } : null,
    role: caller.role,
    ...(await loadProfileExtras(exec, member.id, ctx.now)),
  });
}
