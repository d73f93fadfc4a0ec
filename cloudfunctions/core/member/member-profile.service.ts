import type { ActionInput, MemberBenefits, MemberProfile } from '../contract';
import type { MemberArgs, ServiceArgs } from '../context';
import { fail, ok, type Result } from '../errors';
import { fen } from '../shared/money';
import { inShanghai } from '../shared/time';
import { isPlausibleBirthday, maskPhone } from './domain/profile';
import { DEFAULT_TIERS, type TierBenefits } from './domain/tiers';
import { getMyProfile } from './member.service';
import {
  acknowledgeTierChanges,
  findTierCodeByOpenid,
  findTiersWithBenefits,
  setBirthdayOnce,
  setPhone,
  updateProfileFields,
} from './repo/member-profile.repo';

/**
 * `member.updateProfile`: nickname and avatar freely; the birthday once (it drives the birthday
 * coupon, so changing it would mint more). Setting the same birthday again is a harmless no-op.
 */
export async function updateProfile(
  args: MemberArgs<ActionInput<'member.updateProfile'>>,
): Promise<Result<MemberProfile>> {
  const { input, caller, ctx, exec } = args;
  const memberId = caller.memberId;
  if (input.birthday !== undefined) {
    if (!isPlausibleBirthday(input.birthday, inShanghai(ctx.now).format('YYYY-MM-DD'))) {
      return fail('VALIDATION_FAILED', '生日日期不正确', {
        issues: [{ path: 'birthday', message: 'must be a past date' }],
      });
    }
    const { stored } = await setBirthdayOnce(exec, memberId, input.birthday);
    if (stored !== input.birthday) return fail('BIRTHDAY_ALREADY_SET', undefined, { birthday: stored });
  }
  await updateProfileFields(exec, memberId, { nickname: input.nickname, avatarUrl: input.avatarUrl });
  return getMyProfile({ ...args, input: {} });
}

/**
 * `member.bindPhone`: the client sends the one-time code from getPhoneNumber; the server trades it
 * for the number through the platform (WeChat never hands the client a number it could forge).
 */
export async function bindPhone({
  input,
  caller,
  ctx,
  exec,
}: MemberArgs<ActionInput<'member.bindPhone'>>): Promise<Result<{ phoneMasked: string }>> {
  const exchanged = await ctx.platform.phone.exchange(input.code);
  if (!exchanged.ok) return fail('PHONE_BIND_FAILED', undefined, { reason: exchanged.reason });
  await setPhone(exec, caller.memberId, exchanged.phoneNumber, exchanged.countryCode);
  return ok({ phoneMasked: maskPhone(exchanged.phoneNumber) });
}

/** `member.ackCelebration`: the member closed the upgrade celebration; do not show it again. */
export async function ackCelebration({
  caller,
  ctx,
  exec,
}: MemberArgs<Record<string, never>>): Promise<Result<{ acknowledged: number }>> {
  return ok({ acknowledged: await acknowledgeTierChanges(exec, caller.memberId, ctx.now) });
}

/** Benefits stored per store override the defaults field by field (a store may configure only some). */
function benefitsOf(code: string, stored: Partial<TierBenefits>) {
  const fallback = DEFAULT_TIERS.find((t) => t.code === code)?.benefits ?? DEFAULT_TIERS[0]!.benefits;
  const b = { ...fallback, ...stored };
  return {
    memberPricePercent: b.memberPricePercent,
    pointsMultiplier: b.pointsMultiplier,
    birthdayCoupon: b.birthdayCoupon,
    freeShippingThresholdFen: fen(b.freeShippingThresholdFen),
  };
}

/** `member.benefits`: every tier and what it gives; the caller's tier when they are a member. */
export async function getBenefits({
  caller,
  ctx,
  exec,
}: ServiceArgs<Record<string, never>>): Promise<Result<MemberBenefits>> {
  const tiers = await findTiersWithBenefits(exec, ctx.storeId);
  const current = caller.openid ? await findTierCodeByOpenid(exec, ctx.storeId, caller.openid) : null;
  return ok({
    tiers: tiers.map((t) => ({
      code: t.code,
      name: t.name,
      minGrowth: t.minGrowth,
      benefits: benefitsOf(t.code, t.benefits),
    })),
    ...(current ? { current } : {}),
  });
}
