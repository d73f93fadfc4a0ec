import type { ActionInput, ActionOutput, ShopAdvisorCode } from '../contract';
import type { CallContext, ServiceArgs } from '../context';
import type { Executor } from '../db/db';
import { ok, type Result } from '../errors';
import { newStaffCode, WELCOME_PAGE, welcomeScene, type WelcomeTarget } from './domain/shop-scene';
import { ensureStaffCode, findServingStaff, listShops } from './repo/staff-code.repo';

/** The mini-program code of a welcome scene as a data URL; null when the platform refused. */
async function welcomeCode(
  ctx: CallContext,
  target: WelcomeTarget,
): Promise<{ scene: string; qrImage: string | null }> {
  const scene = welcomeScene(target);
  const image = await ctx.platform.miniCode.getUnlimited({ scene, page: WELCOME_PAGE, width: 430 });
  return { scene, qrImage: image.ok ? `data:${image.contentType};base64,${image.data.toString('base64')}` : null };
}

type StaffRow = Awaited<ReturnType<typeof findServingStaff>>[number];

async function advisorCode(exec: Executor, ctx: CallContext, s: StaffRow): Promise<ShopAdvisorCode> {
  const code = s.code ?? (await ensureStaffCode(exec, ctx.storeId, s.openid, newStaffCode))!;
  return { openid: s.openid, name: s.name, role: s.role, code, ...(await welcomeCode(ctx, { kind: 'advisor', code })) };
}

/**
 * `shop.myAdvisorCode`: the staff member's own advisor code (我的导购码), given on first ask when they
 * have none, and its mini-program code opening the welcome page with `a=CODE`.
 */
export async function myAdvisorCode({
  caller,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'shop.myAdvisorCode'>>): Promise<Result<ActionOutput<'shop.myAdvisorCode'>>> {
  const [me] = await findServingStaff(exec, ctx.storeId, [caller.openid!]);
  const code = await advisorCode(exec, ctx, me!);
  return ok({
    code: code.code,
    scene: code.scene,
    page: WELCOME_PAGE,
    qrImage: code.qrImage,
    name: code.name,
    shop: me!.shop_id ? { shopId: me!.shop_id, name: me!.shop_name ?? '' } : null,
  });
}

/** `manager.shopCodes`: each shop's poster code (`s=CODE`) and each of its advisors' codes (门店与导购码). */
export async function shopCodes({
  ctx,
  exec,
}: ServiceArgs<ActionInput<'manager.shopCodes'>>): Promise<Result<ActionOutput<'manager.shopCodes'>>> {
  const [shops, staff] = await Promise.all([listShops(exec, ctx.storeId), findServingStaff(exec, ctx.storeId)]);
  const codes = await Promise.all(
    staff.map(async (s) => ({ shopId: s.shop_id, code: await advisorCode(exec, ctx, s) })),
  );
  const items = await Promise.all(
    shops.map(async (s) => ({
      shopId: s.id,
      code: s.code,
      name: s.name,
      address: s.address,
      active: s.active,
      ...(await welcomeCode(ctx, { kind: 'shop', code: s.code })),
      welcomeGiftTitle: s.gift_title ?? null,
      advisors: codes.filter((c) => c.shopId === s.id).map((c) => c.code),
    })),
  );
  return ok({ items, unassigned: codes.filter((c) => c.shopId === null).map((c) => c.code) });
}
