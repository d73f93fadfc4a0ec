import type { CallContext } from '../context';
import { issueCoupon } from '../coupon';
import { voidUnusedCoupon } from '../coupon';
import type { Executor } from '../db/db';
import type { PayloadOf } from '../outbox/outbox';

type OrderSettledEvent = PayloadOf<'order.settled'>;
type OrderRefundedEvent = PayloadOf<'order.refunded'>;
import { creditPoints, takeBack } from '../points';
import { findEntry, lockMember } from '../points';
import { capReached, capWindows } from './domain/reward-caps';
import type { ReferralSettings } from './domain/referral-settings';
import {
  firstPaidOrder,
  loadSettings,
  lockLiveBinding,
  moveBinding,
  recordEvent,
  rewardsGranted,
} from './repo/referral.repo';

/** Whether a refund of the order succeeded at or after `since` (a refund whose event may still be on its way). */
async function refundedSince(tx: Executor, orderId: string, since: Date): Promise<boolean> {
  const row = await tx
    .selectFrom('refunds')
    .select('id')
    .where('order_id', '=', orderId)
    .where('status', '=', 'succeeded')
    .where('completed_at', '>=', since)
    .executeTakeFirst();
  return row !== undefined;
}

type Binding = NonNullable<Awaited<ReturnType<typeof lockLiveBinding>>>;

const rewardKey = (referralId: string) => `referral:${referralId}`;

/** Hands the inviter the configured reward; returns what was given (null when the coupon could not be issued). */
async function grant(tx: Executor, b: Binding, settings: ReferralSettings, orderId: string, at: Date) {
  if (settings.rewardKind === 'coupon' && settings.rewardTemplateId) {
    const issued = await issueCoupon(tx, {
      storeId: b.store_id,
      memberId: b.inviter_member_id,
      templateId: settings.rewardTemplateId,
      source: 'referral',
      now: at,
    });
    return issued.ok ? { reward_kind: 'coupon' as const, reward_coupon_id: issued.data.couponId } : null;
  }
  await creditPoints(tx, {
    memberId: b.inviter_member_id,
    points: settings.rewardPoints,
    reason: 'referral',
    key: rewardKey(b.id),
    at,
    orderId,
    metadata: { referralId: b.id, friendMemberId: b.friend_member_id },
  });
  return { reward_kind: 'points' as const, reward_points: settings.rewardPoints };
}

/**
 * `order.settled` consumer: when the settled order is the bound friend's first paid order (paid inside
 * the binding window), rewards the inviter, unless a daily or monthly cap is reached (recorded as
 * capped). Idempotent: the binding row is locked and moves out of `bound` once, so a second delivery
 * (or two at once) finds nothing to do; the points entry is keyed `referral:<referralId>` as well.
 */
export async function rewardInviterOnSettled(ctx: CallContext, event: OrderSettledEvent): Promise<void> {
  const at = new Date(event.settledAt);
  await ctx.db.kysely.transaction().execute(async (tx) => {
    const b = await lockLiveBinding(tx, event.memberId, event.storeId);
    if (!b || b.status !== 'bound') return;
    const first = await firstPaidOrder(tx, event.memberId);
    if (!first || first.id !== event.orderId || first.paid_at! >= b.expires_at) return;
    // The inviter's row lock serializes rewards of one inviter, so two settlements cannot both slip
    // under a cap. Taken before any insert: an event row's foreign key share-locks the same row.
    await lockMember(tx, b.inviter_member_id);
    const base = {
      storeId: b.store_id,
      inviterId: b.inviter_member_id,
      friendId: b.friend_member_id,
      referralId: b.id,
    };
    // Dated when it was paid (the funnel's moment), recorded now that it counts; the order is on the binding.
    await recordEvent(tx, { ...base, kind: 'first_order', reason: 'paid_in_window', at: first.paid_at! });
    // A refund that landed after settlement but before this delivery: nothing to reward, nothing to reverse later.
    if (await refundedSince(tx, event.orderId, at)) {
      await moveBinding(tx, b.id, ['bound'], { status: 'void', first_order_id: event.orderId });
      await recordEvent(tx, { ...base, kind: 'refused', reason: 'first_order_refunded', at });
      return;
    }
    const settings = await loadSettings(tx, b.store_id);
    const windows = capWindows(at);
    const capped = capReached(
      {
        today: await rewardsGranted(tx, b.inviter_member_id, ...windows.day),
        thisMonth: await rewardsGranted(tx, b.inviter_member_id, ...windows.month),
      },
      settings,
    );
    if (capped) {
      await moveBinding(tx, b.id, ['bound'], { status: 'capped', first_order_id: event.orderId });
      await recordEvent(tx, { ...base, kind: 'refused', reason: capped, at });
      return;
    }
    const reward = await grant(tx, b, settings, event.orderId, at);
    if (!reward) {
      await moveBinding(tx, b.id, ['bound'], { status: 'capped', first_order_id: event.orderId });
      await recordEvent(tx, { ...base, kind: 'refused', reason: 'reward_coupon_unavailable', at });
      return;
    }
    await moveBinding(tx, b.id, ['bound'], {
      status: 'rewarded',
      first_order_id: event.orderId,
      rewarded_at: at,
      ...reward,
    });
    await recordEvent(tx, { ...base, kind: 'rewarded', reason: reward.reward_kind, at });
  });
}

/**
 * `order.refunded` consumer for the friend's first order. After the reward: takes the points back
 * with a reversing ledger entry (what the balance allows; the shortfall is recorded) or voids the
 * coupon if still unused. Before settlement, a whole-order refund voids the binding: that first order
 * will never settle, so it will never be rewarded. Idempotent through the binding's conditional move.
 */
export async function reverseRewardOnRefunded(ctx: CallContext, event: OrderRefundedEvent): Promise<void> {
  const at = new Date(event.refundedAt);
  await ctx.db.kysely.transaction().execute(async (tx) => {
    const b = await lockLiveBinding(tx, event.memberId, event.storeId);
    if (!b) return;
    const base = {
      storeId: b.store_id,
      inviterId: b.inviter_member_id,
      friendId: b.friend_member_id,
      referralId: b.id,
    };
    if (b.status === 'bound' && !event.afterSettlement && event.wholeOrder) {
      const first = await firstPaidOrder(tx, event.memberId);
      if (first?.id !== event.orderId) return;
      if (await moveBinding(tx, b.id, ['bound'], { status: 'void', first_order_id: event.orderId })) {
        await recordEvent(tx, { ...base, kind: 'refused', reason: 'first_order_refunded', at });
      }
      return;
    }
    if (b.status !== 'rewarded' || b.first_order_id !== event.orderId) return;
    if (!(await moveBinding(tx, b.id, ['rewarded'], { status: 'reversed', reversed_at: at }))) return;
    let reason = 'points_reversed';
    if (b.reward_kind === 'coupon' && b.reward_coupon_id) {
      reason = (await voidUnusedCoupon(tx, b.reward_coupon_id)) ? 'coupon_voided' : 'coupon_already_used';
    } else if (b.reward_points) {
      const credit = await findEntry(tx, rewardKey(b.id));
      const taken = await takeBack(tx, {
        memberId: b.inviter_member_id,
        wanted: b.reward_points,
        key: `referral_reversal:${b.id}`,
        at,
        orderId: event.orderId,
        preferLot: credit?.lot_id ?? null,
        metadata: { referralId: b.id, refundId: event.refundId },
      });
      if (taken && taken.shortfall > 0) reason = 'points_reversed_partially';
    }
    await recordEvent(tx, { ...base, kind: 'reversed', reason, at });
  });
}
