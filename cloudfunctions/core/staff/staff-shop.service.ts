import type { ActionOutput } from '../contract';
import type { ActionArgs } from '../context';
import { fail, ok, type Result } from '../errors';
import { handBackMembers } from '../advisor';
import { findActiveShop } from '../shop';
import { lockStaffForShopMove, moveStaffShop } from './repo/staff.repo';

/**
 * `manager.setStaffShop`: places an active staff member in an active shop of the store, or moves them
 * to another. A member is served by an advisor of their own shop only, so an advisor leaving a shop
 * hands the members they served there back to that shop's pool, in this transaction (as a revocation
 * does). The staff row is locked first, the order the revocation takes, so a reassignment to this
 * advisor (which holds the row FOR SHARE) either commits first and its member is handed back here, or
 * waits and re-reads the new shop (ADVISOR_OTHER_SHOP). Refusals and the same shop again write nothing.
 */
export async function setStaffShop({
  input,
  caller,
  ctx,
  exec,
}: ActionArgs<'manager.setStaffShop'>): Promise<Result<ActionOutput<'manager.setStaffShop'>>> {
  const shop = await findActiveShop(exec, ctx.storeId, input.shopId);
  if (!shop) return fail('SHOP_NOT_FOUND', undefined, { shopId: input.shopId });
  const staff = await lockStaffForShopMove(exec, ctx.storeId, input.openid);
  if (!staff) return fail('STAFF_NOT_FOUND', undefined, { openid: input.openid });
  const unchanged = { openid: input.openid, shopId: input.shopId, previousShopId: staff.shop_id, handedBack: 0 };
  if (staff.shop_id === input.shopId) return ok({ ...unchanged, changed: false });
  // The row is locked: a false here would be a bug, not a race.
  if (
    !(await moveStaffShop(exec, { storeId: ctx.storeId, openid: input.openid, from: staff.shop_id, to: input.shopId }))
  ) {
    throw new Error(`staff ${input.openid} changed under its lock`);
  }
  const handedBack = await handBackMembers(exec, {
    storeId: ctx.storeId,
    advisorOpenid: input.openid,
    by: caller.openid!,
    now: ctx.now,
  });
  return ok({ ...unchanged, changed: true, handedBack });
}
