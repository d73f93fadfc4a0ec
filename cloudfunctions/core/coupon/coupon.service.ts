import type { ActionInput, ActionOutput, CouponStatus, MemberCoupon } from '../contract';
import type { MemberArgs, ServiceArgs } from '../context';
import { fail, ok, type Result } from '../errors';
import { validityText } from './domain/coupon-terms';
import { termsViews } from './coupon-view';
import { issueCoupon } from './issue-coupon';
import {
  countHeld,
  findClaimableTemplates,
  findTemplate,
  memberCouponsQuery,
  type MemberCouponRow,
} from './repo/coupon.repo';
import { memberIdByOpenid } from '../member';

/** `coupon.listClaimable`: the claim center; signed-in callers also see what they already hold. */
export async function listClaimable({
  caller,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'coupon.listClaimable'>>): Promise<Result<ActionOutput<'coupon.listClaimable'>>> {
  const templates = await findClaimableTemplates(exec, ctx.storeId, ctx.now);
  // Role `any` resolves no member: look the caller up without creating one (browsing creates nothing).
  const memberId = caller.openid ? await memberIdByOpenid(exec, ctx.storeId, caller.openid) : null;
  const held = memberId
    ? await countHeld(
        exec,
        memberId,
        templates.map((t) => t.id),
      )
    : new Map<string, number>();
  const terms = await termsViews(exec, templates);
  return ok({
    items: templates.map((t, i) => {
      const mine = held.get(t.id) ?? 0;
      return {
        templateId: t.id,
        title: t.title,
        remaining: t.remaining,
        total: t.total,
        ...terms[i]!,
        validityText: validityText({ validFrom: t.valid_from, validUntil: t.valid_until, validDays: t.valid_days }),
        claimedByMe: caller.openid ? mine > 0 : null,
        canClaim: t.remaining > 0 && mine < t.per_member_limit,
      };
    }),
  });
}

/** `member.claimCoupon`: one coupon of a claim-center template, through the shared issuer. */
export async function claimCoupon({
  input,
  caller,
  ctx,
  exec,
}: MemberArgs<ActionInput<'member.claimCoupon'>>): Promise<Result<{ couponId: string }>> {
  const template = await findTemplate(exec, ctx.storeId, input.templateId);
  // Templates reserved for issuers (new member, birthday ...) cannot be claimed by hand.
  if (!template?.claimable) return fail('COUPON_UNAVAILABLE', '优惠券不存在或已下架', { reason: 'not_found' });
  const issued = await issueCoupon(exec, {
    storeId: ctx.storeId,
    memberId: caller.memberId,
    templateId: input.templateId,
    source: 'claim',
    now: ctx.now,
  });
  return issued.ok ? ok({ couponId: issued.data.couponId }) : issued;
}

/** The status a member sees: a usable coupon past its window reads as expired. */
function shownStatus(row: Pick<MemberCouponRow, 'status' | 'valid_until'>, now: Date): CouponStatus {
  return row.status === 'usable' && row.valid_until <= now ? 'expired' : row.status;
}

/** `member.coupons`: 可使用 (incl. held by an unpaid order) / 已使用 / 已过期, or all. */
export async function memberCoupons({
  input,
  caller,
  ctx,
  exec,
}: MemberArgs<ActionInput<'member.coupons'>>): Promise<Result<{ items: MemberCoupon[] }>> {
  const now = ctx.now;
  let q = memberCouponsQuery(exec, caller.memberId);
  if (input.status === 'usable') {
    q = q.where((eb) =>
      eb.or([eb('c.status', '=', 'locked'), eb.and([eb('c.status', '=', 'usable'), eb('c.valid_until', '>', now)])]),
    );
    q = q.orderBy('c.valid_until').orderBy('c.id');
  } else if (input.status === 'used') {
    q = q.where('c.status', '=', 'used').orderBy('c.claimed_at', 'desc').orderBy('c.id');
  } else if (input.status === 'expired') {
    q = q.where((eb) =>
      eb.or([eb('c.status', '=', 'expired'), eb.and([eb('c.status', '=', 'usable'), eb('c.valid_until', '<=', now)])]),
    );
    q = q.orderBy('c.valid_until', 'desc').orderBy('c.id');
  } else {
    q = q.orderBy('c.claimed_at', 'desc').orderBy('c.id');
  }
  const rows = await q.limit(200).execute();
  const terms = await termsViews(exec, rows);
  return ok({
    items: rows.map((r, i) => ({
      couponId: r.id,
      templateId: r.template_id,
      title: r.title,
      status: shownStatus(r, now),
      validFrom: r.valid_from.toISOString(),
      validUntil: r.valid_until.toISOString(),
      ...terms[i]!,
    })),
  });
}
