/** Group-buy (拼团): campaigns and teams for customers. The manager's campaign admin is in manager/. */
import { z } from 'zod';
import type { DeliveryType } from './order.contract';
import type { Fen } from '../shared/money';
import { action, id } from './action';

export interface GroupBuyCampaignView {
  campaignId: string;
  skuId: string;
  productId: string;
  title: string;
  productTitle: string;
  specsText: string;
  image: string;
  /** The product's 5:4 PNG share card cover. */
  shareImage: string;
  groupPriceFen: Fen;
  /** The SKU's list price, shown struck through beside the group price. */
  originalPriceFen: Fen;
  teamSize: number;
  windowHours: number;
  perMemberLimit: number;
  startsAt: string;
  endsAt: string;
  status: 'active' | 'stopped';
  /** Whether a new team may be opened now (active, started, not ended), on the server's clock. */
  open: boolean;
  /** Seats still for sale under the stock cap. */
  remainingSeats: number;
  deliveryOptions: DeliveryType[];
}

export interface GroupBuyMemberView {
  nickname: string;
  avatarUrl: string | null;
  leader: boolean;
}

export interface GroupBuyTeamSummary {
  teamId: string;
  joined: number;
  teamSize: number;
  expiresAt: string;
  leader: GroupBuyMemberView;
}

export interface GroupBuyTeamView {
  teamId: string;
  campaignId: string;
  status: 'open' | 'succeeded' | 'failed';
  teamSize: number;
  joined: number;
  virtual: boolean;
  members: GroupBuyMemberView[];
  expiresAt: string;
  finishedAt: string | null;
  campaign: GroupBuyCampaignView;
  /** The caller's own order in this team, if any (signed-in callers only). */
  myOrderId: string | null;
  /** Whether the caller may join now (open, a seat free, not already in it). */
  canJoin: boolean;
}

export const groupbuyActions = {
  'groupbuy.listCampaigns': action<{ items: Array<GroupBuyCampaignView & { openTeams: number }> }>()({
    input: z.object({}).strict(),
    role: 'any',
  }),
  'groupbuy.getCampaign': action<
    GroupBuyCampaignView & {
      teams: GroupBuyTeamSummary[];
      /** What shipping adds to a seat, said before checkout (`快递运费¥10，门店自提免运费`, `快递包邮`). */
      shipping: string;
    }
  >()({
    input: z.object({ campaignId: id }).strict(),
    role: 'any',
  }),
  'groupbuy.getTeam': action<GroupBuyTeamView>()({ input: z.object({ teamId: id }).strict(), role: 'any' }),
} as const;
