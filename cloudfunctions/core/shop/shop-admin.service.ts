import type { ActionInput, ManagerShop } from '../contract';
import { parseNear } from '../contract/order.contract';
import type { ActionArgs } from '../context';
import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import { newShopCode } from './domain/shop-scene';
import {
  findAllShops,
  insertShop,
  updateShop,
  welcomeTemplateUsable,
  type AdminShopRow,
  type ShopFields,
} from './repo/shop-admin.repo';

const CODE_ATTEMPTS = 5;

function shopView(s: AdminShopRow): ManagerShop {
  return {
    shopId: s.id,
    code: s.code,
    name: s.name,
    address: s.address,
    hours: s.hours,
    phone: s.phone,
    latitude: s.latitude,
    longitude: s.longitude,
    welcomeTemplateId: s.welcome_template_id,
    welcomeTemplateTitle: s.welcome_title ?? null,
    open: s.active,
  };
}

/** `manager.listShops`: every shop, open or closed, oldest first. */
export async function listShops({
  ctx,
  exec,
}: ActionArgs<'manager.listShops'>): Promise<Result<{ items: ManagerShop[] }>> {
  return ok({ items: (await findAllShops(exec, ctx.storeId)).map(shopView) });
}

function shopFields(input: ActionInput<'manager.saveShop'>): ShopFields {
  const at = input.location ? parseNear(input.location) : null;
  return {
    name: input.name,
    address: input.address,
    hours: input.hours,
    phone: input.phone,
    latitude: at?.latitude ?? null,
    longitude: at?.longitude ?? null,
    welcome_template_id: input.welcomeTemplateId,
  };
}

/** A new shop under a server-drawn code; another draw when one is taken (never seen in practice: 30^6 codes). */
async function createShop(exec: Executor, storeId: string, now: Date, fields: ShopFields): Promise<string> {
  for (let i = 0; i < CODE_ATTEMPTS; i++) {
    const id = await insertShop(exec, { storeId, code: newShopCode(), now, fields });
    if (id) return id;
  }
  throw new Error(`could not find a free shop code in ${CODE_ATTEMPTS} attempts`);
}

/**
 * `manager.saveShop`: creates a shop (open, with a code the server draws) or edits one. The welcome
 * coupon must be a template of the store still being issued. A shop's code never changes: posters
 * already printed keep working.
 */
export async function saveShop({ input, ctx, exec }: ActionArgs<'manager.saveShop'>): Promise<Result<ManagerShop>> {
  if (input.welcomeTemplateId && !(await welcomeTemplateUsable(exec, ctx.storeId, input.welcomeTemplateId)))
    return fail('WELCOME_TEMPLATE_INVALID', undefined, { templateId: input.welcomeTemplateId });
  const fields = shopFields(input);
  let shopId = input.shopId;
  if (shopId) {
    if (!(await updateShop(exec, ctx.storeId, shopId, fields))) return fail('SHOP_NOT_FOUND', undefined, { shopId });
  } else {
    shopId = await createShop(exec, ctx.storeId, ctx.now, fields);
  }
  const [row] = await findAllShops(exec, ctx.storeId, shopId);
  return ok(shopView(row!));
}

/**
 * `manager.setShopOpen`: a closed shop leaves checkout's pickup list and its poster says it is closed;
 * orders already assigned to it keep it (they name the shop by id), and so do its staff and members.
 */
export async function setShopOpen({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.setShopOpen'>): Promise<Result<{ shopId: string; open: boolean }>> {
  if (!(await updateShop(exec, ctx.storeId, input.shopId, { active: input.open })))
    return fail('SHOP_NOT_FOUND', undefined, { shopId: input.shopId });
  return ok({ shopId: input.shopId, open: input.open });
}
