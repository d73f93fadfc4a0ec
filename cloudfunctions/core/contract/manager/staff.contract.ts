/** The manager's team: staff invites, placement in shops, revocation, and the audit log of their writes. */
import { z } from 'zod';
import type { Fen } from '../../shared/money';
import { action, id } from '../action';
import type { StaffRole } from '../staff.contract';

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
  'manager.listAudit': action<{ items: AuditEntry[]; nextCursor: string | null }>()({
    input: z.object({ cursor }).strict(),
    role: 'manager',
  }),
} as const;
