import { expect } from 'vitest';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { runOrderTimer } from '../../../cloudfunctions/core/order/lifecycle.service';
import { runOutboxWorker } from '../../../cloudfunctions/core/outbox/outbox-worker';
import { callAction, okData } from '../../support/call';
import { claimed, makeTemplate } from '../coupon/coupon-factory';
import { makeCampaign, payGroupOrder } from '../groupbuy/groupbuy-factory';
import {
  MANAGER,
  T0,
  createInput,
  jobContext,
  localPlatform,
  makeOrder,
  makePaidOrder,
  minutesAfter,
  newKey,
  newOpenid,
  pay,
  payEvent,
  type MadeOrder,
} from '../order/order-factory';
import { makeMember, settleOrder } from '../points/points-factory';
import { bind, refundWhole } from '../referral/referral-factory';
import { STAFF, receipt } from '../staff/staff-factory';

const SERUM_A = 'sku-niacinamide-even-tone-serum-1';
const SERUM_B = 'sku-niacinamide-even-tone-serum-2';
const CLEANSER = 'sku-amino-acid-cleanser-1';

/** What a corruption test needs to point at: one object of each kind the invariants watch. */
export interface BusyStore {
  skuId: string;
  memberId: string;
  paidOrderId: string;
  refundedOrderId: string;
  teamId: string;
  couponId: string;
  couponOrderId: string;
  referralId: string;
  referralOrderId: string;
}

/** Customer refund of some lines: request -> manager approval -> outbox -> local refund callback. */
async function refundLines(db: Db, order: MadeOrder, lineIds: string[], at: Date) {
  const requested = okData(
    await callAction(
      db,
      'order.requestRefund',
      { orderId: order.orderId, lineIds, reason: '买多了' },
      { openid: order.openid, now: at, idempotencyKey: newKey() },
    ),
  );
  okData(
    await callAction(
      db,
      'manager.approveRefund',
      { refundId: requested.refundId },
      { openid: MANAGER, now: at, idempotencyKey: newKey() },
    ),
  );
  const platform = localPlatform(db, { now: at });
  await runOutboxWorker(jobContext(db, at, platform));
  await platform.pay.settle();
}

/**
 * A store that has seen every path the invariants watch, all through the real actions: paid,
 * pending, expired and cancelled orders, a duplicate and a late second payment, whole and partial
 * refunds, a coupon and points spent at checkout, staff awards, a manager stock edit, a filled and an
 * open group-buy team, and a settled referral reward.
 */
export async function makeBusyStore(db: Db): Promise<BusyStore> {
  const shopper = newOpenid();
  // Staff award: points for an in-store receipt, then spent at checkout.
  const { code } = okData(await callAction(db, 'member.memberCode', {}, { openid: shopper, now: T0 }));
  okData(
    await callAction(
      db,
      'staff.awardPoints',
      { code, amountFen: 50_000, receiptNo: receipt() },
      { openid: STAFF, now: T0, idempotencyKey: newKey() },
    ),
  );
  const templateId = await makeTemplate(db);
  const couponId = await claimed(db, shopper, templateId, T0);
  const withCoupon = okData(
    await callAction(
      db,
      'order.create',
      { ...createInput([{ skuId: SERUM_A, qty: 2 }]), couponId, pointsToUse: 100 },
      { openid: shopper, now: T0, idempotencyKey: newKey() },
    ),
  );
  const couponOrder = {
    orderId: withCoupon.orderId,
    orderNo: withCoupon.orderNo,
    payableFen: withCoupon.payableFen,
    openid: shopper,
    createdAt: T0,
  };
  const event = payEvent(couponOrder);
  expect(await pay(db, couponOrder, minutesAfter(T0, 1), event)).toEqual({ errcode: 0, errmsg: 'ok' });
  expect(await pay(db, couponOrder, minutesAfter(T0, 2), event)).toEqual({
    errcode: 0,
    errmsg: 'ok (already recorded)',
  });
  // A second, different transaction for an order already paid: recorded and refunded.
  await pay(db, couponOrder, minutesAfter(T0, 3), payEvent(couponOrder));

  const paid = await makePaidOrder(db, {
    items: [
      { skuId: SERUM_A, qty: 1 },
      { skuId: SERUM_B, qty: 1 },
    ],
  });
  const partly = await makePaidOrder(db, {
    items: [
      { skuId: SERUM_A, qty: 1 },
      { skuId: SERUM_B, qty: 2 },
    ],
  });
  const lines = await db.kysely
    .selectFrom('order_lines')
    .select('id')
    .where('order_id', '=', partly.orderId)
    .orderBy('sort')
    .execute();
  await refundLines(db, partly, [lines[1]!.id], minutesAfter(T0, 10));
  const whole = await makePaidOrder(db, { items: [{ skuId: SERUM_B, qty: 1 }] });
  await refundWhole(db, whole, minutesAfter(T0, 12));
  const cancelled = await makeOrder(db, { items: [{ skuId: CLEANSER, qty: 3 }] });
  okData(
    await callAction(
      db,
      'order.cancel',
      { orderId: cancelled.orderId },
      { openid: cancelled.openid, now: minutesAfter(T0, 5), idempotencyKey: newKey() },
    ),
  );
  await makeOrder(db, { items: [{ skuId: SERUM_B, qty: 1 }] });
  await runOrderTimer(jobContext(db, minutesAfter(T0, 45))); // expires the unpaid one made at T0

  // The manager restocks (compare-and-set): recorded as a stock adjustment.
  const sku = await db.kysely.selectFrom('skus').select('stock').where('id', '=', SERUM_A).executeTakeFirstOrThrow();
  okData(
    await callAction(
      db,
      'manager.updateSku',
      { skuId: SERUM_A, stock: { from: sku.stock, to: sku.stock + 25 } },
      { openid: MANAGER, now: T0, idempotencyKey: newKey() },
    ),
  );

  const campaign = await makeCampaign(db, { teamSize: 2 });
  const leader = await payGroupOrder(db, { campaignId: campaign.campaignId, skuId: campaign.skuId });
  await payGroupOrder(db, { campaignId: campaign.campaignId, skuId: campaign.skuId, teamId: leader.teamId! });
  await payGroupOrder(db, { campaignId: campaign.campaignId, skuId: campaign.skuId });

  const inviter = await makeMember(db);
  const friend = await makeMember(db);
  await bind(db, inviter, friend, T0);
  const friendOrder = await makePaidOrder(db, {
    items: [{ skuId: CLEANSER, qty: 1 }],
    openid: friend.openid,
    now: minutesAfter(T0, 30),
  });
  await settleOrder(db, friendOrder);
  const referral = await db.kysely
    .selectFrom('referrals')
    .selectAll()
    .where('friend_member_id', '=', friend.id)
    .executeTakeFirstOrThrow();
  expect(referral.status).toBe('rewarded');

  const member = await db.kysely
    .selectFrom('members')
    .select('id')
    .where('openid', '=', shopper)
    .executeTakeFirstOrThrow();
  return {
    skuId: SERUM_A,
    memberId: member.id,
    paidOrderId: paid.orderId,
    refundedOrderId: whole.orderId,
    teamId: leader.teamId!,
    couponId,
    couponOrderId: couponOrder.orderId,
    referralId: referral.id,
    referralOrderId: friendOrder.orderId,
  };
}
