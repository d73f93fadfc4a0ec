import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/db';
import type { GroupBuyOrderInfo } from '../contract';
import { transitionOrder } from '../order';
import type { PaidOrder } from '../payment';
import { openTeamRefusal, teamExpiry } from './domain/campaign-rules';
import { campaignFacts } from './groupbuy-price';
import {
  findCampaign,
  giveBackCampaignSeats,
  giveBackMemberSeats,
  insertTeam,
  insertTeamMember,
  isMemberOfTeam,
  setOrderGroupBuy,
  takeCampaignSeat,
  takeMemberSeat,
  takeTeamSeat,
  type CampaignRow,
} from './repo/groupbuy.repo';
import { endTeam, refundGroupOrder } from './team-outcome';

const REFUSALS = {
  sold_out: '拼团名额已抢完，款项原路退回',
  limit: '已达参团上限，款项原路退回',
  team_full: '该团已满员，款项原路退回',
  closed: '拼团活动已结束，款项原路退回',
} as const;

async function openTeam(tx: Executor, campaign: CampaignRow, leaderId: string, now: Date): Promise<string> {
  const id = `t_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
  await insertTeam(tx, {
    id,
    storeId: campaign.store_id,
    campaignId: campaign.id,
    leaderId,
    size: campaign.team_size,
    now,
    expiresAt: teamExpiry(now, campaign.window_hours),
  });
  return id;
}

/**
 * Runs inside the payment callback's transaction, right after the order became `paid`: takes the
 * group-buy seat that payment bought. Order of locks: campaign row (stock cap), member-seat row
 * (per-member limit), team row (the seat): every payment takes them in this order, so none deadlock.
 * No seat -> the order is refunded in full (or, for a team that just filled, a new team is opened
 * for the payer when the campaign says so). A team that fills succeeds in the same transaction.
 */
export async function takeGroupBuySeat(tx: Executor, paid: PaidOrder, now: Date): Promise<void> {
  const order = { id: paid.id, store_id: paid.storeId, member_id: paid.memberId };
  const request = paid.groupBuy as Partial<GroupBuyOrderInfo> | null;
  if (!request?.campaignId) return;
  const campaign = (await findCampaign(tx, order.store_id, request.campaignId))!;
  const refuse = async (why: keyof typeof REFUSALS, counters: { campaign: boolean; member: boolean }) => {
    if (counters.member) await giveBackMemberSeats(tx, campaign.id, [order.member_id]);
    if (counters.campaign) await giveBackCampaignSeats(tx, campaign.id, 1);
    await setOrderGroupBuy(tx, [order.id], { teamStatus: 'refused' });
    // Through `grouping`, so a refund WeChat refuses returns the order there (never to a shippable `paid`).
    await transitionOrder(tx, order.id, 'refuseSeat');
    await refundGroupOrder(tx, order.id, REFUSALS[why], now);
  };
  if (!(await takeCampaignSeat(tx, campaign.id))) return refuse('sold_out', { campaign: false, member: false });
  if (!(await takeMemberSeat(tx, campaign.id, order.member_id, campaign.per_member_limit))) {
    return refuse('limit', { campaign: true, member: false });
  }

  let teamId: string | null = null;
  let seat: { joined: number; size: number } | null = null;
  if (request.teamId && !(await isMemberOfTeam(tx, request.teamId, order.member_id))) {
    seat = await takeTeamSeat(tx, request.teamId, now);
    if (seat) teamId = request.teamId;
  }
  if (!teamId) {
    // Opening a team: asked for, or the joined team filled first and the campaign opens a new one.
    const mayOpen = !request.teamId || campaign.on_full === 'open_new';
    if (!mayOpen) return refuse('team_full', { campaign: true, member: true });
    if (openTeamRefusal(campaignFacts(campaign), now)) return refuse('closed', { campaign: true, member: true });
    teamId = await openTeam(tx, campaign, order.member_id, now);
    seat = { joined: 1, size: campaign.team_size };
  }
  await insertTeamMember(tx, { teamId, orderId: order.id, memberId: order.member_id, seat: seat!.joined, now });
  await transitionOrder(tx, order.id, 'joinGroup');
  await setOrderGroupBuy(tx, [order.id], { teamId, teamStatus: 'open' });
  if (seat!.joined === seat!.size) await endTeam(tx, teamId, 'succeeded', { virtual: false, now, onlyExpired: false });
}
