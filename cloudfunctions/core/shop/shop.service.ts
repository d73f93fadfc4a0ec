import { lockActiveAdvisor } from '../advisor';
import type {
  ActionInput,
  ActionOutput,
  AdvisorCard,
  ShopCard,
  WelcomeBinding,
  WelcomeGiftReason,
  WelcomeResult,
} from '../contract';
import type { MemberArgs } from '../context';
import { issueCoupon } from '../coupon';
import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import { parseWelcomeScene, welcomeScene, type WelcomeTarget } from './domain/shop-scene';
import { pickupShop } from './pickup-shops.service';
import {
  bindAdvisorFirstWins,
  findAdvisorByCode,
  findAdvisorCard,
  findMemberShop,
  findShopByCode,
  findWelcomeGift,
  insertOriginOnce,
  insertWelcomeGift,
  lockMemberForWelcome,
  type ShopRow,
} from './repo/shop.repo';

type WelcomeInput = ActionInput<'shop.welcome'>;

function targetOf(input: WelcomeInput): WelcomeTarget | null {
  if ('scene' in input) return parseWelcomeScene(input.scene);
  const t: WelcomeTarget =
    'shopCode' in input ? { kind: 'shop', code: input.shopCode } : { kind: 'advisor', code: input.advisorCode };
  return parseWelcomeScene(welcomeScene(t));
}

function shopCard(s: ShopRow): ShopCard {
  return { ...pickupShop(s), code: s.code, open: s.active };
}

async function advisorCard(exec: Executor, storeId: string, openid: string | null): Promise<AdvisorCard | null> {
  if (!openid) return null;
  const a = await findAdvisorCard(exec, storeId, openid);
  return a ? { name: a.name, avatarUrl: a.avatar_url } : null;
}

const BINDING_TEXT: Record<WelcomeBinding, string> = {
  bound: '你的专属导购已为你就位',
  joined_pool: '欢迎成为门店会员',
  claimed_from_pool: '你的专属导购已为你就位',
  kept: '欢迎回来',
};

/** The coupon refusals issueCoupon can answer, as the welcome's gift reason. */
function refusalReason(details: unknown): WelcomeGiftReason {
  const reason = (details as { reason?: string } | undefined)?.reason;
  return reason === 'sold_out' || reason === 'ended' || reason === 'limit_reached' ? reason : 'not_found';
}

/**
 * The welcome gift, once per member ever. Under the member's welcome lock the check and the
 * `welcome_gifts` insert cannot interleave with another scan, and the primary key stays the last word.
 */
async function giveWelcomeGift(
  tx: Executor,
  storeId: string,
  memberId: string,
  shop: ShopRow,
  now: Date,
): Promise<Pick<WelcomeResult, 'gift' | 'giftReason'>> {
  const held = await findWelcomeGift(tx, memberId);
  if (held)
    return {
      gift: {
        couponId: held.coupon_id,
        title: held.title,
        validUntil: held.valid_until.toISOString(),
        receivedNow: false,
      },
      giftReason: 'already_received',
    };
  if (!shop.welcome_template_id) return { gift: null, giftReason: 'none' };
  const issued = await issueCoupon(tx, {
    storeId,
    memberId,
    templateId: shop.welcome_template_id,
    source: 'shop_welcome',
    now,
  });
  if (!issued.ok) return { gift: null, giftReason: refusalReason(issued.error.details) };
  await insertWelcomeGift(tx, { memberId, shopId: shop.id, couponId: issued.data.couponId, now });
  return {
    gift: {
      couponId: issued.data.couponId,
      title: issued.data.title,
      validUntil: issued.data.validUntil.toISOString(),
      receivedNow: true,
    },
    giftReason: 'issued',
  };
}

/**
 * `shop.welcome`: a visitor scanned a shop's poster (`s=CODE`) or an advisor's code (`a=CODE`). The
 * dispatcher already made them a member. Then, serialized per member: the origin is written once
 * (first scan wins), the advisor is bound first-wins (a pool member scanning an advisor gets them),
 * and the shop's welcome coupon is given once ever. A malformed scene, an unknown shop, a closed one
 * (SHOP_CLOSED, so its poster says so) or a revoked advisor is an error and writes nothing. Referral bindings are not touched: a member an
 * inviter brought keeps that inviter, whose reward stays the referral's own (paid once, on settlement).
 */
export async function welcome({
  input,
  caller,
  ctx,
  exec,
}: MemberArgs<WelcomeInput>): Promise<Result<ActionOutput<'shop.welcome'>>> {
  const target = targetOf(input);
  if (!target) return fail('SHOP_CODE_INVALID', undefined, { input });
  const found =
    target.kind === 'shop'
      ? await findShopByCode(exec, ctx.storeId, target.code).then(
          (shop) => shop && { shop, advisorOpenid: null as string | null },
        )
      : await findAdvisorByCode(exec, ctx.storeId, target.code);
  if (!found)
    return fail(target.kind === 'shop' ? 'SHOP_NOT_FOUND' : 'ADVISOR_NOT_FOUND', undefined, { code: target.code });
  if (!found.shop.active) return fail('SHOP_CLOSED', undefined, { code: target.code });
  const { shop, advisorOpenid } = found;
  const memberId = caller.memberId;
  const scene = welcomeScene(target);

  await lockMemberForWelcome(exec, memberId);
  // The advisor's staff row, shared, until commit: a revocation (which updates that row, then hands
  // the advisor's members back to the pool) either finished before this read, and the code is refused,
  // or waits for this binding and then hands it back. Without it a scan racing the revocation could
  // bind the member to an advisor who has just left.
  // The shop is re-checked under that lock too: a manager moving the advisor (manager.setStaffShop)
  // after the code was read must not leave this member in the old shop with an advisor of the new one.
  if (advisorOpenid && (await lockActiveAdvisor(exec, ctx.storeId, advisorOpenid))?.shop_id !== shop.id) {
    return fail('ADVISOR_NOT_FOUND', undefined, { code: target.code });
  }
  const firstScan = await insertOriginOnce(exec, {
    memberId,
    storeId: ctx.storeId,
    shopId: shop.id,
    advisorOpenid,
    scene,
    now: ctx.now,
  });
  const binding = await bindAdvisorFirstWins(exec, {
    memberId,
    storeId: ctx.storeId,
    shopId: shop.id,
    advisorOpenid,
    now: ctx.now,
    by: `scan:${scene}`,
  });
  const gift = await giveWelcomeGift(exec, ctx.storeId, memberId, shop, ctx.now);
  const current = await findMemberShop(exec, memberId);
  const advisor = await advisorCard(exec, ctx.storeId, current?.advisor_openid ?? null);
  const giftText =
    gift.giftReason === 'issued'
      ? '，到店礼券已放入你的券包'
      : gift.giftReason === 'already_received'
        ? '，你已领取过到店礼'
        : '';
  return ok({
    shop: shopCard(shop),
    scanned: target.kind,
    advisor,
    binding,
    firstScan,
    ...gift,
    message: `${BINDING_TEXT[binding]}${giftText}`,
  });
}

/** `shop.myShop`: the shop serving the member (their advisor's, or the pool they joined) and the advisor. */
export async function myShop({
  caller,
  ctx,
  exec,
}: MemberArgs<ActionInput<'shop.myShop'>>): Promise<Result<ActionOutput<'shop.myShop'>>> {
  const current = await findMemberShop(exec, caller.memberId);
  if (!current) return ok({ shop: null, advisor: null });
  return ok({ shop: shopCard(current), advisor: await advisorCard(exec, ctx.storeId, current.advisor_openid) });
}
