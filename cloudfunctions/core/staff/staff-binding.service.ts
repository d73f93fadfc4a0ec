import { randomUUID } from 'node:crypto';
import type { ActionOutput } from '../contract';
import type { ActionArgs } from '../context';
import { fail, ok, type Result } from '../errors';
import {
  alreadyHolds,
  inviteStatus,
  inviteTokenHash,
  newInviteToken,
  STAFF_BIND_PAGE,
  STAFF_INVITE_HOURS,
} from './domain/staff-invite';
import { insertAudit } from '../audit/audit.repo';
import { addMinutes } from '../shared/time';
import { handBackMembers } from '../advisor';
import { activeShops, findActiveShop } from '../shop';
import {
  activeStaff,
  findInvite,
  findInviteByHash,
  insertInvite,
  lockActiveManager,
  recentInvites,
  revokeInvite,
  revokeInvitesBy,
  revokeStaffRow,
  upsertStaff,
  useInvite,
} from './repo/staff.repo';

/**
 * `manager.createStaffInvite`: a one-time link and mini-program code, open for 24 hours. A named shop
 * must be an active shop of the store: the invitee will serve it (staff.bind places them there).
 */
export async function createStaffInvite({
  input,
  caller,
  ctx,
  exec,
}: ActionArgs<'manager.createStaffInvite'>): Promise<Result<ActionOutput<'manager.createStaffInvite'>>> {
  // The caller's role was read before this transaction: a revocation committing in between would
  // miss an invite inserted after it voided the manager's others.
  if (!(await lockActiveManager(exec, ctx.storeId, caller.openid!)))
    return fail('FORBIDDEN', undefined, { required: 'manager' });
  if (input.shopId && !(await findActiveShop(exec, ctx.storeId, input.shopId)))
    return fail('SHOP_NOT_FOUND', undefined, { shopId: input.shopId });
  const token = newInviteToken();
  const inviteId = `si_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  const expiresAt = addMinutes(ctx.now, STAFF_INVITE_HOURS * 60);
  await insertInvite(exec, {
    id: inviteId,
    storeId: ctx.storeId,
    tokenHash: inviteTokenHash(token),
    role: input.role,
    shopId: input.shopId ?? null,
    createdBy: caller.openid!,
    now: ctx.now,
    expiresAt,
  });
  const scene = `s=${token}`;
  // A code that cannot be drawn (WeChat refused, no network) still leaves the link to share.
  const image = await ctx.platform.miniCode.getUnlimited({ scene, page: STAFF_BIND_PAGE, width: 430 });
  return ok({
    inviteId,
    token,
    path: `/${STAFF_BIND_PAGE}?token=${token}`,
    scene,
    qrImage: image.ok ? `data:${image.contentType};base64,${image.data.toString('base64')}` : null,
    expiresAt: expiresAt.toISOString(),
  });
}

/**
 * `staff.bind`: the member opening the invite becomes staff (or manager). The invite's maker must
 * still be an active manager: their staff row is held FOR SHARE, so a revocation of them either
 * waits for this bind (the invitee stays, bound while the maker was manager) or has voided the invite
 * and this answers STAFF_INVITE_INVALID. Taking the invite is a conditional update, so a link works
 * once even when two people open it at the same moment; the shop it names is read from the row that
 * update took and set in the same transaction.
 */
export async function bindStaff({
  input,
  caller,
  ctx,
  exec,
}: ActionArgs<'staff.bind'>): Promise<Result<ActionOutput<'staff.bind'>>> {
  const invite = await findInviteByHash(exec, ctx.storeId, inviteTokenHash(input.inviteToken));
  if (!invite) return fail('STAFF_INVITE_INVALID');
  const current = caller.role === 'staff' || caller.role === 'manager' ? caller.role : null;
  if (alreadyHolds(current, invite.role)) return ok({ role: current!, storeId: ctx.storeId });
  const maker = await lockActiveManager(exec, ctx.storeId, invite.created_by);
  const taken = maker && (await useInvite(exec, { id: invite.id, openid: caller.openid!, now: ctx.now }));
  if (!taken) {
    const status = inviteStatus((await findInvite(exec, ctx.storeId, invite.id))!, ctx.now);
    return fail(
      status === 'expired' ? 'STAFF_INVITE_EXPIRED' : status === 'used' ? 'STAFF_INVITE_USED' : 'STAFF_INVITE_INVALID',
      undefined,
      { status },
    );
  }
  const placed = await upsertStaff(exec, {
    storeId: ctx.storeId,
    openid: caller.openid!,
    role: invite.role,
    shopId: taken.shopId,
    invitedBy: invite.created_by,
    inviteCreatedAt: invite.created_at,
    now: ctx.now,
  });
  // A member revoked after this invite was made: the failure rolls the taken invite back too.
  if (!placed) return fail('STAFF_INVITE_INVALID', undefined, { status: 'revoked' });
  await insertAudit(exec, {
    storeId: ctx.storeId,
    who: caller.openid!,
    role: invite.role,
    action: 'staff.bind',
    memberId: caller.memberId,
    amountFen: null,
    detail: { inviteId: invite.id, role: invite.role, invitedBy: invite.created_by, shopId: taken.shopId },
    at: ctx.now,
  });
  return ok({ role: invite.role, storeId: ctx.storeId });
}

/** `manager.listStaff`: active staff with their shop, the latest invites with their state, the active shops. */
export async function listStaff({
  caller,
  ctx,
  exec,
}: ActionArgs<'manager.listStaff'>): Promise<Result<ActionOutput<'manager.listStaff'>>> {
  const staff = await activeStaff(exec, ctx.storeId);
  const invites = await recentInvites(exec, ctx.storeId);
  const shops = await activeShops(exec, ctx.storeId);
  return ok({
    staff: staff.map((s) => ({
      openid: s.openid,
      nickname: s.nickname,
      displayName: s.display_name ?? s.nickname ?? s.openid,
      customName: s.display_name,
      role: s.role,
      since: s.created_at.toISOString(),
      isMe: s.openid === caller.openid,
      shopId: s.shop_id,
      shopName: s.shop_name,
    })),
    invites: invites.map((i) => ({
      inviteId: i.id,
      role: i.role,
      status: inviteStatus(i, ctx.now),
      createdAt: i.created_at.toISOString(),
      expiresAt: i.expires_at.toISOString(),
      usedBy: i.used_by,
      shopId: i.shop_id,
      shopName: i.shop_name,
    })),
    shops: shops.map((sh) => ({ shopId: sh.id, name: sh.name })),
  });
}

/**
 * `manager.revokeStaff`: the role ends at once (the dispatcher reads it on every call), and so do the
 * open invites they made, in the same transaction, after the staff row's update (the lock order
 * staff.bind and the reassignments take). Staff they invited earlier keep their role: they were
 * bound while the inviter was a manager.
 */
export async function revokeStaff({
  input,
  caller,
  ctx,
  exec,
}: ActionArgs<'manager.revokeStaff'>): Promise<Result<ActionOutput<'manager.revokeStaff'>>> {
  // Locking oneself out would leave a store with no manager by accident.
  if (input.openid === caller.openid) return fail('FORBIDDEN', '不能撤销自己的权限');
  if (!(await revokeStaffRow(exec, { storeId: ctx.storeId, openid: input.openid, by: caller.openid!, now: ctx.now }))) {
    return fail('NOT_FOUND', '该员工不存在或已撤销');
  }
  await revokeInvitesBy(exec, { storeId: ctx.storeId, createdBy: input.openid, now: ctx.now });
  // After the staff row's lock, as every path touching this advisor's bindings (see advisor/assignment.service).
  const handedBack = await handBackMembers(exec, {
    storeId: ctx.storeId,
    advisorOpenid: input.openid,
    by: caller.openid!,
    now: ctx.now,
  });
  return ok({ openid: input.openid, revoked: true, handedBack });
}

/** `manager.revokeStaffInvite`: an unused invite stops working. */
export async function revokeStaffInvite({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.revokeStaffInvite'>): Promise<Result<ActionOutput<'manager.revokeStaffInvite'>>> {
  if (!(await revokeInvite(exec, { storeId: ctx.storeId, id: input.inviteId, now: ctx.now }))) {
    const invite = await findInvite(exec, ctx.storeId, input.inviteId);
    if (!invite) return fail('NOT_FOUND', '邀请不存在');
    return fail('STAFF_INVITE_USED', undefined, { status: inviteStatus(invite, ctx.now) });
  }
  return ok({ inviteId: input.inviteId, status: 'revoked' });
}
