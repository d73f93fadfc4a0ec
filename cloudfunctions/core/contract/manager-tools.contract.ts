/** The manager's tools: staff invites, products and stock, coupon templates, the audit log. */
import { z } from 'zod';
import type { Fen } from '../shared/money';
import { action, id } from './action';
import { COUPON_KIND_CODES, type CouponKindForm, type CouponTermsView } from './coupon.contract';
import type { StaffRole } from './staff.contract';

export interface StaffInviteView {
  inviteId: string;
  role: StaffRole;
  status: 'open' | 'used' | 'expired' | 'revoked';
  createdAt: string;
  expiresAt: string;
  usedBy: string | null;
  /** The shop the invited member will serve (null: none named). */
  shopId: string | null;
  shopName: string | null;
}

export interface StaffMemberView {
  openid: string;
  nickname: string | null;
  role: StaffRole;
  since: string;
  /** The caller's own row: a manager cannot revoke themself. */
  isMe: boolean;
  /** The shop they serve; null: not placed, so their advisor code is refused at scan time. */
  shopId: string | null;
  shopName: string | null;
}

export interface ManagerSkuView {
  skuId: string;
  specsText: string;
  priceFen: Fen;
  stock: number;
}

export interface ManagerProductView {
  productId: string;
  title: string;
  status: 'on_sale' | 'off_shelf';
  skus: ManagerSkuView[];
}

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

export interface AuditEntry {
  id: string;
  who: string;
  whoNickname: string | null;
  role: 'customer' | 'staff' | 'manager';
  action: string;
  memberId: string | null;
  memberNickname: string | null;
  amountFen: Fen | null;
  detail: Record<string, unknown>;
  createdAt: string;
}

const cursor = z.string().max(200).optional();
const fenAmount = z.number().int().min(1).max(100_000_000);

export const managerToolActions = {
  'manager.createStaffInvite': action<{
    inviteId: string;
    token: string;
    path: string;
    scene: string;
    qrImage: string | null;
    expiresAt: string;
  }>()({
    /** shopId: an active shop of the store the new staff member will serve (SHOP_NOT_FOUND otherwise). */
    input: z.object({ role: z.enum(['staff', 'manager']), shopId: id.optional() }).strict(),
    role: 'manager',
    mutating: true,
  }),
  /** `shops`: the store's active shops, for the invite's and 分配门店's pickers. */
  'manager.listStaff': action<{
    staff: StaffMemberView[];
    invites: StaffInviteView[];
    shops: Array<{ shopId: string; name: string }>;
  }>()({
    input: z.object({}).strict(),
    role: 'manager',
  }),
  /** `handedBack` = the members the staff member served, now back in their shop's pool. */
  'manager.revokeStaff': action<{ openid: string; revoked: true; handedBack: number }>()({
    input: z.object({ openid: z.string().min(1).max(128) }).strict(),
    role: 'manager',
    mutating: true,
  }),
  /**
   * Places an active staff member in an active shop, or moves them: the members they served in the old
   * shop go back to its pool (`handedBack`). The same shop again changes nothing (`changed: false`).
   */
  'manager.setStaffShop': action<{
    openid: string;
    shopId: string;
    previousShopId: string | null;
    changed: boolean;
    handedBack: number;
  }>()({
    input: z.object({ openid: z.string().min(1).max(128), shopId: id }).strict(),
    role: 'manager',
    mutating: true,
  }),
  'manager.revokeStaffInvite': action<{ inviteId: string; status: StaffInviteView['status'] }>()({
    input: z.object({ inviteId: id }).strict(),
    role: 'manager',
    mutating: true,
  }),
  'manager.listProducts': action<{ items: ManagerProductView[]; nextCursor: string | null }>()({
    input: z.object({ keyword: z.string().trim().max(30).optional(), cursor }).strict(),
    role: 'manager',
  }),
  /** Price, and stock as compare-and-set (`stockFrom` is what the manager saw): checkout may sell meanwhile. */
  'manager.updateSku': action<ManagerSkuView>()({
    input: z
      .object({
        skuId: id,
        priceFen: fenAmount.optional(),
        // `from` is compared with an int4 column: above 2^31-1 the query itself fails (a 500, not a refusal).
        stock: z
          .object({ from: z.number().int().min(0).max(2_147_483_647), to: z.number().int().min(0).max(1_000_000) })
          .strict()
          .optional(),
      })
      .strict()
      .refine((v) => v.priceFen !== undefined || v.stock !== undefined, { message: 'nothing to change' }),
    role: 'manager',
    mutating: true,
  }),
  'manager.setProductStatus': action<{ productId: string; status: 'on_sale' | 'off_shelf' }>()({
    input: z.object({ productId: id, status: z.enum(['on_sale', 'off_shelf']) }).strict(),
    role: 'manager',
    mutating: true,
  }),
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
  'manager.listAudit': action<{ items: AuditEntry[]; nextCursor: string | null }>()({
    input: z.object({ cursor }).strict(),
    role: 'manager',
  }),
} as const;
