import type { ActionInput, ActionOutput } from '../contract';
import type { ServiceArgs } from '../context';
import { fail, ok, type Result } from '../errors';
import { campaignShipping, campaignsWithSku, membersByTeam, toCampaignView, toTeamSummary } from './campaign-view';
import { joinTeamRefusal } from './domain/campaign-rules';
import { campaignFacts } from './groupbuy-price';
import { findTeam, joinableTeams, openTeamCounts } from './repo/groupbuy.repo';
import { memberIdByOpenid } from '../member';

/** How many open teams the campaign page lists (soonest to expire first: the likeliest to fill). */
const OPEN_TEAMS_SHOWN = 10;

/** `groupbuy.listCampaigns`: campaigns running now, with how many teams wait for members. */
export async function listCampaigns({
  ctx,
  exec,
}: ServiceArgs<ActionInput<'groupbuy.listCampaigns'>>): Promise<Result<ActionOutput<'groupbuy.listCampaigns'>>> {
  const rows = await campaignsWithSku(exec, ctx.storeId)
    .where('c.status', '=', 'active')
    .where('c.starts_at', '<=', ctx.now)
    .where('c.ends_at', '>', ctx.now)
    .orderBy('c.ends_at')
    .execute();
  const openBy = await openTeamCounts(exec, ctx.storeId, ctx.now);
  return ok({ items: rows.map((r) => ({ ...toCampaignView(r, ctx.now), openTeams: openBy.get(r.id) ?? 0 })) });
}

/** `groupbuy.getCampaign`: the campaign and the teams one can join now. */
export async function getCampaign({
  input,
  caller,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'groupbuy.getCampaign'>>): Promise<Result<ActionOutput<'groupbuy.getCampaign'>>> {
  const campaign = await campaignsWithSku(exec, ctx.storeId).where('c.id', '=', input.campaignId).executeTakeFirst();
  if (!campaign) return fail('GROUP_BUY_UNAVAILABLE', '拼团活动不存在', { campaignId: input.campaignId });
  const teams = await joinableTeams(exec, campaign.id, ctx.now, OPEN_TEAMS_SHOWN);
  const members = await membersByTeam(exec, teams);
  const memberId = caller.memberId ?? (caller.openid ? await memberIdByOpenid(exec, ctx.storeId, caller.openid) : null);
  return ok({
    ...toCampaignView(campaign, ctx.now),
    shipping: await campaignShipping(exec, ctx.storeId, campaign, memberId),
    teams: teams.map((t) => toTeamSummary(t, members.get(t.id) ?? [])),
  });
}

/** `groupbuy.getTeam`: the team page (shared as a chat card, so anyone may open it). */
export async function getTeam({
  input,
  caller,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'groupbuy.getTeam'>>): Promise<Result<ActionOutput<'groupbuy.getTeam'>>> {
  const team = await findTeam(exec, input.teamId);
  if (!team || team.store_id !== ctx.storeId)
    return fail('GROUP_BUY_TEAM_NOT_FOUND', undefined, { teamId: input.teamId });
  const campaign = (await campaignsWithSku(exec, ctx.storeId).where('c.id', '=', team.campaign_id).executeTakeFirst())!;
  const members = (await membersByTeam(exec, [team])).get(team.id) ?? [];
  // Role `any` resolves no member id (anonymous browsing creates none): look the caller up by openid.
  const meId = caller.openid ? await memberIdByOpenid(exec, ctx.storeId, caller.openid) : null;
  const mine = meId ? members.find((m) => m.memberId === meId) : undefined;
  const refusal = joinTeamRefusal(campaignFacts(campaign), { ...team, expiresAt: team.expires_at }, ctx.now);
  return ok({
    teamId: team.id,
    campaignId: team.campaign_id,
    status: team.status,
    teamSize: team.size,
    joined: team.joined,
    virtual: team.virtual,
    members: members.map((m) => ({ nickname: m.nickname, avatarUrl: m.avatarUrl, leader: m.leader })),
    expiresAt: team.expires_at.toISOString(),
    finishedAt: team.finished_at ? team.finished_at.toISOString() : null,
    campaign: toCampaignView(campaign, ctx.now),
    myOrderId: mine?.orderId ?? null,
    canJoin: refusal === null && !mine,
  });
}
