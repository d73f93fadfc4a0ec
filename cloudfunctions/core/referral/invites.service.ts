import type { ActionInput, ActionOutput, InviteCard, InviteRules } from '../contract';
import type { MemberArgs } from '../context';
import { findProductSummaries, shareCoverOf, STORE_SHARE_COVER_PATH } from '../catalog';
import type { Executor } from '../db/db';
import { ok, type Result } from '../errors';
import { currentSettings } from '../settings';
import { fen, points } from '../shared/money';
import { decodeTimeCursor, encodeTimeCursor } from '../shared/time-cursor';
import { INVITE_LANDING_PAGE, invitePath, inviteScene } from './domain/invite-scene';
import type { ReferralSettings } from './domain/referral-settings';
import { displayStatus } from './domain/referral-status';
import { findMember, invitesOf, loadSettings, recordEvent } from './repo/referral.repo';

const PAGE = 20;

async function rulesOf(exec: Executor, storeId: string, s: ReferralSettings): Promise<InviteRules> {
  const ids = [s.friendTemplateId, s.rewardKind === 'coupon' ? s.rewardTemplateId : null].filter(
    (x): x is string => !!x,
  );
  const { settings } = await currentSettings(exec, storeId);
  const titles = new Map(
    ids.length
      ? (
          await exec
            .selectFrom('coupon_templates')
            .select(['id', 'title'])
            .where('store_id', '=', storeId)
            .where('id', 'in', ids)
            .execute()
        ).map((t) => [t.id, t.title])
      : [],
  );
  return {
    rewardKind: s.rewardKind,
    rewardPoints: points(s.rewardPoints),
    rewardCouponTitle: s.rewardKind === 'coupon' ? (titles.get(s.rewardTemplateId ?? '') ?? null) : null,
    friendGiftTitle: titles.get(s.friendTemplateId ?? '') ?? null,
    dailyCap: s.dailyCap,
    monthlyCap: s.monthlyCap,
    bindingDays: s.bindingDays,
    refundWindowDays: settings.orderRules.refundWindowDays,
  };
}

/**
 * `referral.myInviteCard`: the member's code, share path, poster scene and poster code image, the
 * rules, and a featured product for the poster. Each call counts as a card shown (funnel).
 */
export async function myInviteCard({
  caller,
  ctx,
  exec,
}: MemberArgs<ActionInput<'referral.myInviteCard'>>): Promise<Result<ActionOutput<'referral.myInviteCard'>>> {
  const me = await findMember(exec, caller.memberId);
  const settings = await loadSettings(exec, ctx.storeId);
  const scene = inviteScene(me.invite_code);
  const [store, featured, code, rules] = await Promise.all([
    exec.selectFrom('stores').select('name').where('id', '=', ctx.storeId).executeTakeFirst(),
    findProductSummaries(exec, { storeId: ctx.storeId, featuredOnly: true, limit: 1 }),
    ctx.platform.miniCode.getUnlimited({ scene, page: INVITE_LANDING_PAGE, width: 430 }),
    rulesOf(exec, ctx.storeId, settings),
  ]);
  await recordEvent(exec, { storeId: ctx.storeId, inviterId: me.id, friendId: null, kind: 'card_shown', at: ctx.now });
  const product = featured[0];
  const card: InviteCard = {
    inviteCode: me.invite_code,
    sharePath: invitePath(me.invite_code),
    shareTitle: rules.friendGiftTitle
      ? `${me.nickname}送你一张「${rules.friendGiftTitle}」`
      : `${me.nickname}邀请你来${store?.name ?? ''}`,
    scene,
    qrImage: code.ok ? `data:${code.contentType};base64,${code.data.toString('base64')}` : null,
    nickname: me.nickname,
    avatarUrl: me.avatar_url,
    storeName: store?.name ?? '',
    featured: product
      ? { productId: product.id, title: product.title, priceFen: fen(product.price_fen), image: product.image }
      : null,
    rules,
    shareImage: product ? shareCoverOf(product.id, product.image ? [product.image] : []) : STORE_SHARE_COVER_PATH,
  };
  return ok(card);
}

/** `referral.myInvites`: the friends the member invited, newest first, with 已绑定/已下单/已奖励/已失效. */
export async function myInvites({
  input,
  caller,
  ctx,
  exec,
}: MemberArgs<ActionInput<'referral.myInvites'>>): Promise<Result<ActionOutput<'referral.myInvites'>>> {
  const inviterId = caller.memberId;
  // A cursor that does not decode starts over from the first page.
  const cursor = input.cursor ? decodeTimeCursor(input.cursor) : null;
  const rows = await invitesOf(exec, inviterId, cursor, PAGE + 1);
  const page = rows.slice(0, PAGE);
  const totals = await exec
    .selectFrom('referrals')
    .select((eb) => [
      eb.fn.countAll<number>().as('invited'),
      eb.fn.count<number>('id').filterWhere('status', '=', 'rewarded').as('rewarded'),
      eb.fn.coalesce(eb.fn.sum<number>('reward_points').filterWhere('status', '=', 'rewarded'), eb.lit(0)).as('points'),
    ])
    .where('inviter_member_id', '=', inviterId)
    .executeTakeFirstOrThrow();
  const last = page[page.length - 1];
  return ok({
    items: page.map((r) => {
      const shown = displayStatus(
        { status: r.status, expiresAt: r.expires_at, firstPaidAt: r.first_paid_at ? new Date(r.first_paid_at) : null },
        ctx.now,
      );
      const earned =
        r.status === 'rewarded' ? (r.reward_kind === 'coupon' ? '获得奖励券' : `+${r.reward_points} 积分`) : null;
      return {
        referralId: r.id,
        nickname: r.nickname,
        friendAvatarUrl: r.avatar_url,
        boundAt: r.bound_at.toISOString(),
        status: shown.status,
        statusText: shown.text,
        note: earned ?? shown.note,
      };
    }),
    nextCursor: rows.length > PAGE && last ? encodeTimeCursor({ at: last.bound_at, id: last.id }) : null,
    summary: {
      invited: Number(totals.invited),
      rewarded: Number(totals.rewarded),
      pointsEarned: points(Number(totals.points)),
    },
  });
}
