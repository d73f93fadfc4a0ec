import type { ActionInput, ActionOutput, OrderView } from '../contract';
import type { ServiceArgs } from '../context';
import { fail, ok, type Result } from '../errors';
import { decodeTimeCursor, encodeTimeCursor } from '../shared/time-cursor';
import { readyForPickup } from './lifecycle.service';
import { viewsOf } from './order-queries';
import { findOrder } from './repo/order.repo';
import { countShopPickups, findShopPickups, type PickupStage } from './repo/shop-pickups.repo';
import { checkoutSeams } from './seams';

const PAGE = 20;

async function callerShopId(args: ServiceArgs<unknown>): Promise<string | null> {
  const { caller, ctx, exec } = args;
  return caller.openid ? checkoutSeams().staffShopId(exec, ctx.storeId, caller.openid) : null;
}

/**
 * `staff.listPickups`: the pickup orders of the caller's own shop at one stage (to prepare, to collect,
 * collected), with the open counts. Staff placed in no shop (a brand-level manager) see every shop's.
 * The pickup code is left out: staff hand goods over against the code the customer shows, never one
 * read off a list.
 */
export async function listShopPickups(
  args: ServiceArgs<ActionInput<'staff.listPickups'>>,
): Promise<Result<ActionOutput<'staff.listPickups'>>> {
  const { input, ctx, exec } = args;
  const cursor = input.cursor ? decodeTimeCursor(input.cursor) : null;
  if (input.cursor && !cursor) return fail('VALIDATION_FAILED', '分页参数无效', { field: 'cursor' });
  const shopId = await callerShopId(args);
  const where = { storeId: ctx.storeId, shopId };
  const stage: PickupStage = input.stage;
  const [rows, counts, shops] = await Promise.all([
    findShopPickups(exec, where, stage, cursor && { createdAt: cursor.at, id: cursor.id }, PAGE + 1),
    countShopPickups(exec, where),
    shopId ? checkoutSeams().shopsById(exec, [shopId]) : Promise.resolve(null),
  ]);
  const page = rows.slice(0, PAGE);
  const items: OrderView[] = (await viewsOf(exec, page, ctx.now)).map(({ order, view }) => ({
    ...view,
    pickupCode: null,
    memberNickname: order.member_nickname,
  }));
  const last = page[page.length - 1];
  const shop = shopId ? shops?.get(shopId) : undefined;
  return ok({
    shop: shop ? { shopId: shop.shopId, name: shop.name } : null,
    counts,
    items,
    nextCursor: rows.length > PAGE && last ? encodeTimeCursor({ at: last.created_at, id: last.id }) : null,
  });
}

/**
 * `staff.readyForPickup`: the shop's staff mark a paid pickup order prepared, as the manager can; an
 * order to be collected at another shop is not theirs to prepare (that shop's staff hold its goods).
 */
export async function readyForPickupAtShop(
  args: ServiceArgs<ActionInput<'staff.readyForPickup'>>,
): Promise<Result<OrderView>> {
  const { input, ctx, exec } = args;
  const order = await findOrder(exec, input.orderId);
  if (!order || order.store_id !== ctx.storeId) return fail('NOT_FOUND', '订单不存在', { orderId: input.orderId });
  const shopId = await callerShopId(args);
  if (shopId && order.pickup_shop_id && order.pickup_shop_id !== shopId)
    return fail('PICKUP_AT_OTHER_SHOP', '这笔订单在其他门店自提，请由该门店备货', { orderId: input.orderId });
  return readyForPickup(args);
}
