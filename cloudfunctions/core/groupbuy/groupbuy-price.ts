import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import { joinTeamRefusal, openTeamRefusal } from './domain/campaign-rules';
import { findCampaign, findTeam, isMemberOfTeam, memberSeats, type CampaignRow } from './repo/groupbuy.repo';

export const campaignFacts = (c: CampaignRow) => ({ status: c.status, startsAt: c.starts_at, endsAt: c.ends_at });

/**
 * The checkout seam (order/seams.ts): checks a group-buy request and answers the group price of the
 * campaign's SKU. It only reads; the seat is taken when the payment is recorded (take-seat.ts), so
 * these checks are the friendly early answer and the conditional updates there are the guarantee.
 */
export async function groupBuyPrice(
  exec: Executor,
  q: {
    campaignId: string;
    teamId?: string;
    storeId: string;
    memberId: string;
    now: Date;
    items: ReadonlyArray<{ skuId: string; qty: number }>;
  },
): Promise<Result<Map<string, number>>> {
  const campaign = await findCampaign(exec, q.storeId, q.campaignId);
  if (!campaign) return fail('GROUP_BUY_UNAVAILABLE', '拼团活动不存在', { campaignId: q.campaignId });
  const item = q.items[0];
  if (q.items.length !== 1 || item?.skuId !== campaign.sku_id || item.qty !== 1) {
    return fail('VALIDATION_FAILED', '拼团订单仅限活动商品 1 件', { skuId: campaign.sku_id });
  }
  if (q.teamId) {
    const team = await findTeam(exec, q.teamId);
    if (!team || team.campaign_id !== campaign.id)
      return fail('GROUP_BUY_TEAM_NOT_FOUND', undefined, { teamId: q.teamId });
    const refusal = joinTeamRefusal(campaignFacts(campaign), { ...team, expiresAt: team.expires_at }, q.now);
    if (refusal) return fail(refusal, undefined, { teamId: team.id });
    if (await isMemberOfTeam(exec, team.id, q.memberId))
      return fail('GROUP_BUY_ALREADY_JOINED', undefined, { teamId: team.id });
  } else {
    const refusal = openTeamRefusal(campaignFacts(campaign), q.now);
    if (refusal) return fail(refusal, undefined, { campaignId: campaign.id });
  }
  if (campaign.seats_sold >= campaign.stock_cap)
    return fail('GROUP_BUY_SOLD_OUT', undefined, { campaignId: campaign.id });
  // Paid seats only: an abandoned unpaid order must not lock the member out; a payment beyond the
  // limit is refused and refunded by take-seat.ts.
  if ((await memberSeats(exec, campaign.id, q.memberId)) >= campaign.per_member_limit) {
    return fail('GROUP_BUY_LIMIT_REACHED', undefined, { limit: campaign.per_member_limit });
  }
  return ok(new Map([[campaign.sku_id, campaign.group_price_fen]]));
}
