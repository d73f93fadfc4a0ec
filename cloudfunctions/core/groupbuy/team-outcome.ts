import type { Executor } from '../db/db';
import { enqueue } from '../outbox/outbox';
import { openRefund } from '../order';
import { findOrder, transitionOrder } from '../order';
import {
  finishTeam,
  giveBackCampaignSeats,
  giveBackMemberSeats,
  setOrderGroupBuy,
  teamMembers,
} from './repo/groupbuy.repo';

export type TeamOutcome = 'succeeded' | 'failed';

/** Queues the team-outcome subscribe message for one member's order (delivered by notify.ts). */
async function queueNotice(tx: Executor, orderId: string, teamId: string, outcome: TeamOutcome, now: Date) {
  await enqueue(tx, {
    topic: 'groupbuy.notify',
    dedupeKey: `groupbuy-notify:${orderId}:${outcome}`,
    payload: { orderId, teamId, outcome },
    now,
  });
}

/** Refunds a paid group-buy order in full through the refund machinery (deterministic outRefundNo, outbox). */
export async function refundGroupOrder(tx: Executor, orderId: string, reason: string, now: Date): Promise<boolean> {
  const order = (await findOrder(tx, orderId))!;
  const opened = await openRefund(tx, order, 'groupRefund', { reason, initiatedBy: 'system', approved: true, now });
  return opened.ok;
}

/**
 * Ends a team once. Success: its orders leave 拼团中 for fulfilment (paid). Failure: every member's
 * order is refunded in full and the campaign and member seats are given back. Only the caller that
 * wins the conditional `open -> ...` update does any of it, so two timers refund each member once.
 */
export async function endTeam(
  tx: Executor,
  teamId: string,
  outcome: TeamOutcome,
  opts: { virtual: boolean; now: Date; onlyExpired: boolean },
): Promise<boolean> {
  const team = await finishTeam(tx, teamId, outcome, opts);
  if (!team) return false;
  const members = await teamMembers(tx, [teamId]);
  const orderIds = members.map((m) => m.order_id);
  await setOrderGroupBuy(tx, orderIds, { teamStatus: outcome });
  if (outcome === 'succeeded') {
    for (const id of orderIds) await transitionOrder(tx, id, 'groupSucceeded');
  } else {
    await giveBackCampaignSeats(tx, team.campaign_id, members.length);
    await giveBackMemberSeats(
      tx,
      team.campaign_id,
      members.map((m) => m.member_id),
    );
    for (const id of orderIds) await refundGroupOrder(tx, id, '拼团未成功，自动退款', opts.now);
  }
  for (const id of orderIds) await queueNotice(tx, id, teamId, outcome, opts.now);
  return true;
}
