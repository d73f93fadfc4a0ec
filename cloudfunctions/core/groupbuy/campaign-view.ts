import type {
  DeliveryType,
  GroupBuyCampaignView,
  GroupBuyMemberView,
  GroupBuyTeamSummary,
  ManagerCampaignView,
} from '../contract';
import type { Executor } from '../db/db';
import { shareCoverOf, specsText } from '../catalog';
import { fen } from '../shared/money';
import { EXPRESS_FEE_FEN } from '../shared/shipping';
import { unitShippingLine } from '../freight';
import { DEFAULT_TIERS, findTierBenefits, type TierBenefits } from '../member';
import type { CampaignRow, TeamRow } from './repo/groupbuy.repo';
import { teamMembers } from './repo/groupbuy.repo';
import { openTeamRefusal } from './domain/campaign-rules';
import { campaignFacts } from './groupbuy-price';

/** Campaigns with their SKU and product, as every campaign view needs them. */
export function campaignsWithSku(exec: Executor, storeId: string) {
  return exec
    .selectFrom('groupbuy_campaigns as c')
    .innerJoin('skus as s', 's.id', 'c.sku_id')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .selectAll('c')
    .select(['s.price_fen', 's.specs', 'p.id as product_id', 'p.title as product_title', 'p.images', 'p.fulfilment'])
    .select(['s.weight_grams', 'p.freight_template_id'])
    .where('c.store_id', '=', storeId);
}

type CampaignWithSku = CampaignRow & {
  price_fen: number;
  specs: Record<string, string>;
  product_id: string;
  product_title: string;
  images: string[];
  fulfilment: DeliveryType[];
  weight_grams: number;
  freight_template_id: string | null;
};

/** A campaign as the pages show it; `open` is decided here, on the server's clock, by the same rule a new team meets. */
export function toCampaignView(c: CampaignWithSku, now: Date): GroupBuyCampaignView {
  return {
    campaignId: c.id,
    skuId: c.sku_id,
    productId: c.product_id,
    title: c.title,
    productTitle: c.product_title,
    specsText: specsText(c.specs),
    image: c.images[0] ?? '',
    shareImage: shareCoverOf(c.product_id, c.images),
    groupPriceFen: fen(c.group_price_fen),
    originalPriceFen: fen(c.price_fen),
    teamSize: c.team_size,
    windowHours: c.window_hours,
    perMemberLimit: c.per_member_limit,
    startsAt: c.starts_at.toISOString(),
    endsAt: c.ends_at.toISOString(),
    status: c.status,
    open: openTeamRefusal(campaignFacts(c), now) === null,
    remainingSeats: Math.max(0, c.stock_cap - c.seats_sold),
    deliveryOptions: c.fulfilment,
  };
}

export function toManagerCampaignView(
  c: CampaignWithSku,
  teams: ManagerCampaignView['teams'],
  now: Date,
): ManagerCampaignView {
  return {
    ...toCampaignView(c, now),
    stockCap: c.stock_cap,
    seatsSold: c.seats_sold,
    allowVirtual: c.allow_virtual,
    onFull: c.on_full,
    teams,
  };
}

/**
 * What shipping adds to one seat at the group price, said before checkout: `运费¥10`, `包邮`,
 * `按地区计运费，¥8起`, for the caller's tier (a visitor: the entry tier), as checkout will charge it.
 */
export async function campaignShipping(
  exec: Executor,
  storeId: string,
  c: CampaignWithSku,
  memberId: string | null,
): Promise<string> {
  if (!c.fulfilment.includes('express')) return '门店自提，无需运费';
  const stored = memberId ? ((await findTierBenefits(exec, memberId)) as unknown as TierBenefits | null) : null;
  const line = await unitShippingLine(exec, storeId, {
    templateId: c.freight_template_id,
    weightGrams: c.weight_grams,
    goodsFen: c.group_price_fen,
    flatFeeFen: EXPRESS_FEE_FEN,
    tierFreeOverFen: (stored ?? DEFAULT_TIERS[0]!.benefits).freeShippingThresholdFen,
  });
  return c.fulfilment.includes('pickup') ? `快递${line}，门店自提免运费` : `快递${line}`;
}

/** Members of teams, leader first, as the pages show them (nickname and avatar only). */
export async function membersByTeam(
  exec: Executor,
  teams: readonly TeamRow[],
): Promise<Map<string, Array<GroupBuyMemberView & { memberId: string; orderId: string }>>> {
  const rows = await teamMembers(
    exec,
    teams.map((t) => t.id),
  );
  const leaders = new Map(teams.map((t) => [t.id, t.leader_id]));
  const byTeam = new Map<string, Array<GroupBuyMemberView & { memberId: string; orderId: string }>>();
  for (const r of rows) {
    const list = byTeam.get(r.team_id) ?? [];
    list.push({
      nickname: r.nickname,
      avatarUrl: r.avatar_url,
      leader: leaders.get(r.team_id) === r.member_id,
      memberId: r.member_id,
      orderId: r.order_id,
    });
    byTeam.set(r.team_id, list);
  }
  return byTeam;
}

export function toTeamSummary(t: TeamRow, members: GroupBuyMemberView[]): GroupBuyTeamSummary {
  const leader = members.find((m) => m.leader) ?? { nickname: '团长', avatarUrl: null, leader: true };
  return {
    teamId: t.id,
    joined: t.joined,
    teamSize: t.size,
    expiresAt: t.expires_at.toISOString(),
    leader: { nickname: leader.nickname, avatarUrl: leader.avatarUrl, leader: true },
  };
}
