import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import { couponRefusalCode, couponStateRefusal, type CouponRefusal } from './domain/refusals';

/**
 * Uses a member's coupon at the counter (no order): a conditional update from 'usable' inside its
 * window, so two counters redeeming one coupon at once change it once. A refusal names its reason.
 */
export async function redeemAtCounter(
  tx: Executor,
  q: { storeId: string; memberId: string; couponId: string; by: string; now: Date },
): Promise<Result<{ title: string }>> {
  const rows = await tx
    .updateTable('coupons')
    .set({ status: 'used', used_at: q.now, redeemed_by: q.by })
    .where('id', '=', q.couponId)
    .where('store_id', '=', q.storeId)
    .where('member_id', '=', q.memberId)
    .where('status', '=', 'usable')
    .where('valid_from', '<=', q.now)
    .where('valid_until', '>', q.now)
    .returning('template_id')
    .execute();
  const row = await tx
    .selectFrom('coupons as c')
    .innerJoin('coupon_templates as t', 't.id', 'c.template_id')
    .select(['c.status', 'c.member_id', 'c.store_id', 'c.valid_from', 'c.valid_until', 't.title'])
    .where('c.id', '=', q.couponId)
    .executeTakeFirst();
  if (rows.length === 1) return ok({ title: row!.title });
  const reason: CouponRefusal =
    !row || row.member_id !== q.memberId || row.store_id !== q.storeId
      ? 'not_found'
      : // Not updated, so some state refuses it; 'not_started' is the only one left if none is named.
        (couponStateRefusal({ status: row.status, validFrom: row.valid_from, validUntil: row.valid_until }, q.now) ??
        'not_started');
  return fail(couponRefusalCode(reason), undefined, { reason });
}
