import { randomUUID } from 'node:crypto';
import type { ActionInput, ActionOutput, AttributionResult } from '../contract';
import type { MemberArgs } from '../context';
import { issueCoupon } from '../coupon';
import { findTemplate } from '../coupon';
import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import { isInviteCode } from '../member';
import { addDays } from '../shared/time';
import { decideAttribution, REFUSAL_TEXT } from './domain/attribution';
import { codeFromScene } from './domain/invite-scene';
import {
  closesCycle,
  findLiveBinding,
  findMember,
  findMemberByInviteCode,
  firstPaidOrder,
  insertBinding,
  loadSettings,
  lockBindings,
  moveBinding,
  recordEvent,
} from './repo/referral.repo';

/** The code an open carries: `inv` from a share card, else the poster's scene (`i=CODE`, maybe URI-encoded). */
function inviteCodeOf(input: { inviteCode?: string; scene?: string }): string | null {
  if (input.inviteCode !== undefined)
    return isInviteCode(input.inviteCode.trim().toUpperCase()) ? input.inviteCode.trim().toUpperCase() : null;
  return codeFromScene(input.scene ?? '');
}

async function templateTitle(exec: Executor, storeId: string, templateId: string | null): Promise<string | null> {
  if (!templateId) return null;
  return (await findTemplate(exec, storeId, templateId))?.title ?? null;
}

async function heldGift(exec: Executor, couponId: string): Promise<AttributionResult['giftCoupon']> {
  const c = await exec
    .selectFrom('coupons')
    .innerJoin('coupon_templates as t', 't.id', 'coupons.template_id')
    .select(['coupons.id', 'coupons.valid_until', 't.title'])
    .where('coupons.id', '=', couponId)
    .executeTakeFirst();
  return c ? { couponId: c.id, title: c.title, validUntil: c.valid_until.toISOString() } : null;
}

/**
 * attributeInvite (`referral.attribute`): the friend opened an invite. Records `opened`, then decides
 * under the store's binding lock: first touch wins (a live binding stays), never self, never a friend
 * who has paid, never the inviter's phone, never a cycle. A binding issues the friend's gift coupon in
 * the same transaction. Every decision is an event with its reason. A malformed or unknown code is an
 * error and writes nothing.
 */
export async function attributeInvite({
  input,
  caller,
  ctx,
  exec,
}: MemberArgs<ActionInput<'referral.attribute'>>): Promise<Result<ActionOutput<'referral.attribute'>>> {
  const code = inviteCodeOf(input);
  if (!code) return fail('INVITE_CODE_INVALID', undefined, { inviteCode: input.inviteCode, scene: input.scene });
  const inviter = await findMemberByInviteCode(exec, ctx.storeId, code);
  if (!inviter) return fail('INVITE_CODE_NOT_FOUND', undefined, { code });
  const friendId = caller.memberId;
  const settings = await loadSettings(exec, ctx.storeId);
  const base = { storeId: ctx.storeId, inviterId: inviter.id, friendId, at: ctx.now };
  const answer = (a: Pick<AttributionResult, 'outcome' | 'reason' | 'message' | 'giftCoupon'>) =>
    templateTitle(exec, ctx.storeId, settings.friendTemplateId).then((friendGiftTitle) =>
      ok({
        ...a,
        bound: a.outcome === 'bound',
        inviter: { nickname: inviter.nickname, avatarUrl: inviter.avatar_url },
        friendGiftTitle,
      }),
    );

  await recordEvent(exec, { ...base, kind: 'opened' });
  await lockBindings(exec, ctx.storeId);
  const friend = await findMember(exec, friendId);
  let live = await findLiveBinding(exec, friendId);
  // A binding whose window ended without a paid order no longer locks the friend (its 30 days are up).
  const firstPaid = await firstPaidOrder(exec, friendId);
  if (live && live.status === 'bound' && live.expires_at <= ctx.now && !firstPaid) {
    await moveBinding(exec, live.id, ['bound'], { status: 'expired' });
    live = undefined;
  }
  const decision = decideAttribution({
    inviterId: inviter.id,
    friendId,
    liveInviterId: live?.inviter_member_id ?? null,
    friendHasPaid: firstPaid !== undefined,
    inviterPhone: inviter.phone ? `${inviter.phone_country ?? ''}-${inviter.phone}` : null,
    friendPhone: friend.phone ? `${friend.phone_country ?? ''}-${friend.phone}` : null,
    closesCycle: inviter.id !== friendId && (await closesCycle(exec, inviter.id, friendId)),
  });
  if (!decision.bind) {
    await recordEvent(exec, { ...base, kind: 'refused', reason: decision.reason, referralId: live?.id ?? null });
    // Reopening the same inviter's link: show the gift the first open handed out.
    const held =
      decision.reason === 'already_bound_to_inviter' && live?.friend_coupon_id
        ? await heldGift(exec, live.friend_coupon_id)
        : null;
    return answer({
      outcome: 'refused',
      reason: decision.reason,
      message: REFUSAL_TEXT[decision.reason],
      giftCoupon: held,
    });
  }

  const referralId = `rf_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
  // Under the binding lock the friend has no live binding, so this insert wins; the unique index
  // still guards any path that skips the lock.
  if (
    !(await insertBinding(exec, {
      id: referralId,
      storeId: ctx.storeId,
      inviterId: inviter.id,
      friendId,
      boundAt: ctx.now,
      expiresAt: addDays(ctx.now, settings.bindingDays),
    }))
  ) {
    await recordEvent(exec, { ...base, kind: 'refused', reason: 'already_bound' });
    return answer({
      outcome: 'refused',
      reason: 'already_bound',
      message: REFUSAL_TEXT.already_bound,
      giftCoupon: null,
    });
  }
  let giftCoupon: AttributionResult['giftCoupon'] = null;
  let giftReason = 'gift_none';
  if (settings.friendTemplateId) {
    const issued = await issueCoupon(exec, {
      storeId: ctx.storeId,
      memberId: friendId,
      templateId: settings.friendTemplateId,
      source: 'referral',
      now: ctx.now,
    });
    if (issued.ok) {
      await moveBinding(exec, referralId, ['bound'], { friend_coupon_id: issued.data.couponId });
      const title = (await templateTitle(exec, ctx.storeId, settings.friendTemplateId)) ?? '';
      giftCoupon = { couponId: issued.data.couponId, title, validUntil: issued.data.validUntil.toISOString() };
      giftReason = 'gift_issued';
    } else {
      giftReason = `gift_${String((issued.error.details as { reason?: string } | undefined)?.reason ?? issued.error.code).toLowerCase()}`;
    }
  }
  await recordEvent(exec, { ...base, kind: 'bound', reason: giftReason, referralId });
  return answer({
    outcome: 'bound',
    reason: null,
    message: giftCoupon ? '已为你绑定好友邀请，新人礼券已到账' : '已为你绑定好友邀请',
    giftCoupon,
  });
}
