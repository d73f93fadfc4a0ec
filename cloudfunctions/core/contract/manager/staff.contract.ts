/** The manager's team: staff invites, placement in shops, revocation, and the audit log of their writes. */
import { z } from 'zod';
import type { Fen } from '../../shared/money';
import { action, id } from '../action';
import { staffName, type StaffRole } from '../staff.contract';

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
  /** The one name staff-facing screens show: the name the manager set, else the nickname. */
  displayName: string;
  /** The name the manager set (null: none, the nickname stands in). */
  customName: string | null;
  role: StaffRole;
  since: string;
  /** The caller's own row: a manager cannot revoke themself. */
  isMe: boolean;
  /** The shop they serve; null: not placed, so their advisor code is refused at scan time. */
  shopId: string | null;
  shopName: string | null;
}

export interface AuditEntry {
  id: string;
  who: string;
  /** The actor's display name (set name, else nickname). */
  whoNickname: string | null;
  role: 'customer' | 'staff' | 'manager';
  action: string;
  memberId: string | null;
  memberNickname: string | null;
  /** The order acted on, when the action names one. */
  orderNo: string | null;
  amountFen: Fen | null;
  detail: Record<string, unknown>;
  createdAt: string;
}

const cursor = z.string().max(200).optional();
export const managerStaffActions = {
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
  /** Sets the name every staff-facing list shows for an active staff member (null clears it). */
  'manager.setStaffName': action<{ openid: string; displayName: string }>()({
    input: z.object({ openid: z.string().min(1).max(128), name: staffName.nullable() }).strict(),
    role: 'manager',
    mutating: true,
  }),
  /** Newest first; `action` and `who` narrow the log to one kind of action or one staff member. */
  'manager.listAudit': action<{
    items: AuditEntry[];
    nextCursor: string | null;
    /** The staff members and action kinds the log holds, for the filters. */
    people: Array<{ openid: string; name: string }>;
    actions: string[];
  }>()({
    input: z
      .object({
        cursor,
        action: z
          .string()
          .regex(/^[a-z]+\.[A-Za-z.]+$/)
          .max(60)
          .optional(),
        who: z.string().min(1).max(128).optional(),
      })
      .strict(),
    role: 'manager',
  }),
} as const;
