/** Group-buy (拼团): campaigns and teams for customers, campaign admin for the manager. */
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

export interface ManagerCampaignView extends GroupBuyCampaignView {
  stockCap: number;
  seatsSold: number;
  allowVirtual: boolean;
  onFull: 'open_new' | 'refund';
  teams: { open: number; succeeded: number; failed: number };
}

// ISO-8601 allows year 0000, which Postgres timestamptz cannot hold (a 500 at the insert): campaign
// times are kept to this century.
const iso = z
  .string()
  .datetime({ offset: true })
  .refine(
    (v) => {
      const year = new Date(v).getUTCFullYear();
      return year >= 2000 && year < 2100;
    },
    { message: 'a time between 2000 and 2099' },
  );

export const groupbuyActions = {
  'groupbuy.listCampaigns': action<{ items: Array<GroupBuyCampaignView & { openTeams: number }> }>()({
    input: z.object({}).strict(),
    role: 'any',
  }),
  'groupbuy.getCampaign': action<GroupBuyCampaignView & { teams: GroupBuyTeamSummary[] }>()({
    input: z.object({ campaignId: id }).strict(),
    role: 'any',
  }),
  'groupbuy.getTeam': action<GroupBuyTeamView>()({ input: z.object({ teamId: id }).strict(), role: 'any' }),
  'manager.listCampaigns': action<{ items: ManagerCampaignView[] }>()({
    input: z.object({}).strict(),
    role: 'manager',
  }),
  'manager.createCampaign': action<ManagerCampaignView>()({
    input: z
      .object({
        skuId: id,
        title: z.string().trim().min(1).max(40),
        groupPriceFen: z.number().int().min(1).max(100_000_000),
        teamSize: z.number().int().min(2).max(10),
        windowHours: z.number().int().min(1).max(168).optional(),
        perMemberLimit: z.number().int().min(1).max(99).optional(),
        stockCap: z.number().int().min(1).max(1_000_000),
        allowVirtual: z.boolean().optional(),
        onFull: z.enum(['open_new', 'refund']).optional(),
        startsAt: iso.optional(),
        /** Either an end time, or a length in days from the start (the server's clock, not the phone's). */
        endsAt: iso.optional(),
        durationDays: z.number().int().min(1).max(365).optional(),
      })
      .strict()
      .refine((v) => (v.endsAt === undefined) !== (v.durationDays === undefined), {
        message: 'endsAt 与 durationDays 须且仅须给出一个',
        path: ['endsAt'],
      }),
    role: 'manager',
    mutating: true,
  }),
  'manager.stopCampaign': action<ManagerCampaignView>()({
    input: z.object({ campaignId: id }).strict(),
    role: 'manager',
    mutating: true,
  }),
} as const;
