/** The manager's promotions: coupon templates and group-buy (拼团) campaigns. */
import { z } from 'zod';
import { action, id } from '../action';
import { COUPON_KIND_CODES, type CouponKindForm, type CouponTermsView } from '../coupon.contract';
import type { GroupBuyCampaignView } from '../groupbuy.contract';

export interface ManagerCouponTemplate extends CouponTermsView {
  templateId: string;
  title: string;
  total: number;
  remaining: number;
  perMemberLimit: number;
  active: boolean;
  claimable: boolean;
  /** advisors may issue it against their monthly budget. */
  advisorIssuable: boolean;
  validityText: string;
}

export interface ManagerCampaignView extends GroupBuyCampaignView {
  stockCap: number;
  seatsSold: number;
  allowVirtual: boolean;
  onFull: 'open_new' | 'refund';
  teams: { open: number; succeeded: number; failed: number };
}

const fenAmount = z.number().int().min(1).max(100_000_000);

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

export const managerPromotionActions = {
  /** `kinds`: every coupon kind and its args' fields, which the create form renders itself from. */
  'manager.listCouponTemplates': action<{ items: ManagerCouponTemplate[]; kinds: CouponKindForm[] }>()({
    input: z.object({}).strict(),
    role: 'manager',
  }),
  'manager.createCouponTemplate': action<{ templateId: string }>()({
    input: z
      .object({
        title: z.string().trim().min(1).max(30),
        kind: z.enum(COUPON_KIND_CODES),
        // The kind's args by name (whole fen or percent); the kind's rule schema checks them.
        args: z.record(z.string().max(30), z.number().int().min(0).max(100_000_000)).optional(),
        // The args given flat, as manager clients before `args` send them: WeChat keeps running an
        // installed mini program version until its next cold start, after the functions are deployed.
        thresholdFen: fenAmount.optional(),
        amountFen: fenAmount.optional(),
        percentOff: z.number().int().min(1).max(99).optional(),
        capFen: fenAmount.optional(),
        validDays: z.number().int().min(1).max(365),
        total: z.number().int().min(1).max(1_000_000),
        perMemberLimit: z.number().int().min(1).max(100).default(1),
      })
      .strict()
      .refine(
        (v) =>
          v.args === undefined || [v.thresholdFen, v.amountFen, v.percentOff, v.capFen].every((a) => a === undefined),
        {
          message: 'args are given either in `args` or flat, not both',
        },
      ),
    role: 'manager',
    mutating: true,
  }),
  'manager.stopCouponTemplate': action<{ templateId: string; active: false }>()({
    input: z.object({ templateId: id }).strict(),
    role: 'manager',
    mutating: true,
  }),
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
