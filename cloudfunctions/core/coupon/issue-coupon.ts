import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/db';
import type { Database } from '../db/schema';
import { fail, ok, type Result } from '../errors';
import { couponWindow } from './domain/coupon-terms';
import { couponRefusalCode, type CouponRefusal } from './domain/refusals';
import { countHeld, findTemplate, insertCoupon, returnToTemplate, takeFromTemplate } from './repo/coupon.repo';

export type CouponSource = Database['coupons']['source'];

/** Why an issue was refused (also in `details.reason`). */
export type IssueRefusal = Extract<CouponRefusal, 'not_found' | 'ended' | 'limit_reached' | 'sold_out'>;

const refuse = (reason: IssueRefusal, message: string) => fail(couponRefusalCode(reason), message, { reason });

/**
 * Gives a member one coupon of a template: the one use case every issuer calls (claim center,
 * new-member gift, birthday, referral, win-back, staff). Runs in the caller's transaction and
 * leaves nothing behind when it refuses.
 *
 * Race safety:
 * - total: `remaining = remaining - 1 WHERE remaining > 0` - Postgres re-checks the condition after
 *   waiting for a concurrent claim's row lock, so a total of 1 issues exactly one coupon.
 * - per member: each coupon takes the member's next `seq` for the template, unique on
 *   (template_id, member_id, seq) and never above the limit. Two concurrent claims by one member
 *   compute the same seq; the second waits on the unique index, skips, recounts, and is refused once
 *   the limit is reached (its stock decrement is given back). No member row lock is needed, so
 *   claims of different templates by one member never queue behind each other.
 */
export async function issueCoupon(
  tx: Executor,
  q: { storeId: string; memberId: string; templateId: string; source: CouponSource; now: Date },
): Promise<Result<{ couponId: string; title: string; validUntil: Date }>> {
  const template = await findTemplate(tx, q.storeId, q.templateId);
  if (!template || !template.active) return refuse('not_found', '优惠券不存在或已下架');
  if (template.valid_until && template.valid_until <= q.now) return refuse('ended', '活动已结束');
  const limit = template.per_member_limit;
  let held = (await countHeld(tx, q.memberId, [template.id])).get(template.id) ?? 0;
  if (held >= limit) return refuse('limit_reached', '已达领取上限');
  if (!(await takeFromTemplate(tx, template.id))) return refuse('sold_out', '已领完');

  const window = couponWindow(
    { validFrom: template.valid_from, validUntil: template.valid_until, validDays: template.valid_days },
    q.now,
  );
  const couponId = `cp_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
  for (;;) {
    const inserted = await insertCoupon(tx, {
      id: couponId,
      storeId: q.storeId,
      templateId: template.id,
      memberId: q.memberId,
      seq: held + 1,
      source: q.source,
      validFrom: window.validFrom,
      validUntil: window.validUntil,
      now: q.now,
    });
    if (inserted) return ok({ couponId, title: template.title, validUntil: window.validUntil });
    // A concurrent claim by this member took that seq: recount (it has committed by now).
    held = (await countHeld(tx, q.memberId, [template.id])).get(template.id) ?? 0;
    if (held >= limit) {
      await returnToTemplate(tx, template.id);
      return refuse('limit_reached', '已达领取上限');
    }
  }
}
