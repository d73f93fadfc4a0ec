import { sql } from 'kysely';
import type { Executor } from '../../db/db';
import type { ReferralEventKind } from '../domain/referral-status';
import { DEFAULT_REFERRAL_SETTINGS, type ReferralSettings } from '../domain/referral-settings';

/** Two-key advisory lock class for binding decisions (one store at a time; see attribute.service). */
const BIND_LOCK_CLASS = 8_150;

export async function loadSettings(exec: Executor, storeId: string): Promise<ReferralSettings> {
  const row = await exec.selectFrom('referral_settings').selectAll().where('store_id', '=', storeId).executeTakeFirst();
  if (!row) return DEFAULT_REFERRAL_SETTINGS;
  return {
    rewardKind: row.reward_kind,
    rewardPoints: row.reward_points,
    rewardTemplateId: row.reward_template_id,
    friendTemplateId: row.friend_template_id,
    dailyCap: row.daily_cap,
    monthlyCap: row.monthly_cap,
    bindingDays: row.binding_days,
  };
}

/**
 * Serializes binding decisions per store for the rest of the transaction. The cycle check reads
 * the invite graph; without this, A->B and B->A deciding at once could both see no cycle.
 */
export async function lockBindings(tx: Executor, storeId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${BIND_LOCK_CLASS}, hashtext(${storeId}))`.execute(tx);
}

export async function findMemberByInviteCode(exec: Executor, storeId: string, code: string) {
  return exec
    .selectFrom('members')
    .select(['id', 'nickname', 'avatar_url', 'phone', 'phone_country'])
    .where('store_id', '=', storeId)
    .where('invite_code', '=', code)
    .executeTakeFirst();
}

export async function findMember(exec: Executor, memberId: string) {
  return exec
    .selectFrom('members')
    .select(['id', 'nickname', 'avatar_url', 'phone', 'phone_country', 'invite_code'])
    .where('id', '=', memberId)
    .executeTakeFirstOrThrow();
}

/** The friend's binding that is not expired (at most one, by the partial unique index). */
export async function findLiveBinding(exec: Executor, friendId: string) {
  return exec
    .selectFrom('referrals')
    .selectAll()
    .where('friend_member_id', '=', friendId)
    .where('status', '<>', 'expired')
    .executeTakeFirst();
}

/** The same, locked, for a consumer about to move it. */
export async function lockLiveBinding(tx: Executor, friendId: string, storeId: string) {
  return tx
    .selectFrom('referrals')
    .selectAll()
    .where('friend_member_id', '=', friendId)
    .where('store_id', '=', storeId)
    .where('status', '<>', 'expired')
    .forUpdate()
    .executeTakeFirst();
}

/** The member's earliest paid order (the "first order"), whatever its later fate. */
export async function firstPaidOrder(exec: Executor, memberId: string) {
  return exec
    .selectFrom('orders')
    .select(['id', 'paid_at', 'status'])
    .where('member_id', '=', memberId)
    .where('paid_at', 'is not', null)
    .orderBy('paid_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Whether `friendId` is among the inviters above `inviterId` (inviter's inviter, and so on):
 * binding inviter -> friend would then close a loop of any length. Every binding counts, expired
 * ones included, so a loop cannot be built through an old binding either. `union` (not `union
 * all`) stops the walk on a loop already in the data.
 */
export async function closesCycle(exec: Executor, inviterId: string, friendId: string): Promise<boolean> {
  const { rows } = await sql<{ hit: number }>`
    with recursive up(member_id) as (
      select ${inviterId}::text
      union
      select r.inviter_member_id from referrals r join up on r.friend_member_id = up.member_id
    )
    select 1 as hit from up where member_id = ${friendId} limit 1`.execute(exec);
  return rows.length > 0;
}

/** Inserts a binding unless the friend has a live one (the partial unique index decides a race). */
export async function insertBinding(
  tx: Executor,
  b: { id: string; storeId: string; inviterId: string; friendId: string; boundAt: Date; expiresAt: Date },
): Promise<boolean> {
  const inserted = await tx
    .insertInto('referrals')
    .values({
      id: b.id,
      store_id: b.storeId,
      inviter_member_id: b.inviterId,
      friend_member_id: b.friendId,
      bound_at: b.boundAt,
      expires_at: b.expiresAt,
      friend_coupon_id: null,
      first_order_id: null,
      reward_kind: null,
      reward_points: null,
      reward_coupon_id: null,
      rewarded_at: null,
      reversed_at: null,
    })
    .onConflict((oc) => oc.column('friend_member_id').where('status', '<>', 'expired').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Conditional move of a binding; false when it is no longer in one of `from`. */
export async function moveBinding(
  tx: Executor,
  id: string,
  from: string[],
  set: Partial<{
    status: 'bound' | 'rewarded' | 'capped' | 'reversed' | 'void' | 'expired';
    friend_coupon_id: string;
    first_order_id: string;
    reward_kind: 'points' | 'coupon';
    reward_points: number;
    reward_coupon_id: string;
    rewarded_at: Date;
    reversed_at: Date;
  }>,
): Promise<boolean> {
  const result = await tx
    .updateTable('referrals')
    .set(set)
    .where('id', '=', id)
    .where('status', 'in', from as Array<'bound'>)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recordEvent(
  exec: Executor,
  e: {
    storeId: string;
    inviterId: string;
    friendId: string | null;
    kind: ReferralEventKind;
    reason?: string | null;
    referralId?: string | null;
    at: Date;
  },
): Promise<void> {
  await exec
    .insertInto('referral_events')
    .values({
      store_id: e.storeId,
      inviter_member_id: e.inviterId,
      friend_member_id: e.friendId,
      kind: e.kind,
      reason: e.reason ?? null,
      referral_id: e.referralId ?? null,
      created_at: e.at,
    })
    .execute();
}

/** Rewards granted to an inviter in [from, to) (reversed ones count: caps limit what was handed out). */
export async function rewardsGranted(exec: Executor, inviterId: string, from: Date, to: Date): Promise<number> {
  const row = await exec
    .selectFrom('referrals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('inviter_member_id', '=', inviterId)
    .where('rewarded_at', '>=', from)
    .where('rewarded_at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** An inviter's bindings, newest first, with the friend and the friend's first paid order. */
export async function invitesOf(
  exec: Executor,
  inviterId: string,
  before: { at: Date; id: string } | null,
  limit: number,
) {
  let q = exec
    .selectFrom('referrals as r')
    .innerJoin('members as f', 'f.id', 'r.friend_member_id')
    .select([
      'r.id',
      'r.status',
      'r.bound_at',
      'r.expires_at',
      'r.reward_kind',
      'r.reward_points',
      'r.rewarded_at',
      'f.nickname',
      'f.avatar_url',
      (eb) =>
        eb
          .selectFrom('orders as o')
          .select((o) => o.fn.min('o.paid_at').as('p'))
          .whereRef('o.member_id', '=', 'r.friend_member_id')
          .where('o.paid_at', 'is not', null)
          .as('first_paid_at'),
    ])
    .where('r.inviter_member_id', '=', inviterId);
  if (before) {
    q = q.where((eb) =>
      eb.or([eb('r.bound_at', '<', before.at), eb.and([eb('r.bound_at', '=', before.at), eb('r.id', '<', before.id)])]),
    );
  }
  return q.orderBy('r.bound_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
}
