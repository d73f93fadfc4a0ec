import { expect } from 'vitest';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { runOutboxWorker } from '../../../cloudfunctions/core/outbox/outbox-worker';
import { callAction, okData } from '../../support/call';
import {
  MANAGER,
  jobContext,
  localPlatform,
  minutesAfter,
  newKey,
  orderRow,
  type MadeOrder,
} from '../order/order-factory';
import { makeMember } from '../points/points-factory';

export const SKU = 'sku-amino-acid-cleanser-1';
export type Member = Awaited<ReturnType<typeof makeMember>>;

/** The friend (`openid`) opens the inviter's share card at `now`. */
export function openInvite(db: Db, friendOpenid: string, code: string, now: Date, via: 'inv' | 'scene' = 'inv') {
  const data = via === 'inv' ? { inviteCode: code } : { scene: encodeURIComponent(`i=${code}`) };
  return callAction(db, 'referral.attribute', data, { openid: friendOpenid, now, idempotencyKey: newKey() });
}

/** Opens the invite and expects it to bind. */
export async function bind(db: Db, inviter: Member, friend: Member, now: Date) {
  const result = okData(await openInvite(db, friend.openid, inviter.invite_code, now));
  expect(result).toMatchObject({ bound: true, outcome: 'bound', reason: null });
  return result;
}

export async function bindingsOf(db: Db, friendId: string) {
  return db.kysely
    .selectFrom('referrals')
    .selectAll()
    .where('friend_member_id', '=', friendId)
    .orderBy('bound_at')
    .execute();
}

export async function eventsOf(db: Db, inviterId: string) {
  const rows = await db.kysely
    .selectFrom('referral_events')
    .selectAll()
    .where('inviter_member_id', '=', inviterId)
    .orderBy('id')
    .execute();
  return rows.map((e) => (e.reason ? `${e.kind}:${e.reason}` : e.kind));
}

export async function balanceOf(db: Db, memberId: string) {
  const m = await db.kysely
    .selectFrom('members')
    .select('points_balance')
    .where('id', '=', memberId)
    .executeTakeFirstOrThrow();
  return m.points_balance;
}

/** What 我的邀请 shows: friend nickname -> status text. */
export async function invitesShown(db: Db, inviter: Member, now: Date) {
  const page = okData(await callAction(db, 'referral.myInvites', {}, { openid: inviter.openid, now }));
  return page.items.map((i) => i.statusText);
}

export async function referralCoupons(db: Db, memberId: string) {
  return db.kysely
    .selectFrom('coupons')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('source', '=', 'referral')
    .execute();
}

export async function setReferralSettings(db: Db, s: { daily_cap?: number; monthly_cap?: number }) {
  await db.kysely
    .insertInto('referral_settings')
    .values({ store_id: 'demo', friend_template_id: 'ct-referral-friend-15', reward_template_id: null, ...s })
    .onConflict((oc) => oc.column('store_id').doUpdateSet(s))
    .execute();
}

/** A manager refund of a whole order at `at`, carried through the outbox and the local refund simulator. */
export async function refundWhole(db: Db, order: MadeOrder, at: Date) {
  okData(
    await callAction(
      db,
      'manager.refundOrder',
      { orderId: order.orderId, reason: '顾客不想要了' },
      { openid: MANAGER, now: at, idempotencyKey: newKey() },
    ),
  );
  const platform = localPlatform(db, { now: at });
  await runOutboxWorker(jobContext(db, at, platform));
  await platform.pay.settle();
  await runOutboxWorker(jobContext(db, at, platform));
  await runOutboxWorker(jobContext(db, minutesAfter(at, 5), platform));
  expect((await orderRow(db, order.orderId)).status).toBe('refunded');
}
