import type { Executor } from '../db/db';
import { fail, ok, type ErrorCode, type Result } from '../errors';
import type { Fen } from '../shared/money';
import { evaluateTerms } from './domain/coupon-terms';
import { couponRefusalCode, couponStateRefusal, type CouponRefusal, type StateRefusal } from './domain/refusals';
import {
  liveCouponsOf,
  lockCouponRow,
  markUsedRow,
  memberCouponsQuery,
  releaseCouponRow,
  type MemberCouponRow,
} from './repo/coupon.repo';

/**
 * The coupon side of checkout (order/seams.ts): offer -> lock at order.create -> used when paid,
 * or released when the order is cancelled, expires unpaid, or is refunded in full.
 */

const refuse = (reason: CouponRefusal, message: string) => fail(couponRefusalCode(reason), message, { reason });

/** Checkout's wording for a coupon whose state refuses it (the counter keeps the code's own message). */
const STATE_MESSAGES: Record<StateRefusal, string> = {
  used: '优惠券已使用',
  locked: '优惠券已被未支付订单占用',
  expired: '优惠券已过期',
  not_started: '优惠券未到使用时间',
};

/**
 * What checkout asks of a coupon: what it takes off which lines. `eligible[i]` says whether line i is
 * in the coupon's scope.
 */
export interface CouponOffer {
  couponId: string;
  evaluate(
    lines: ReadonlyArray<{ productId: string; categoryId: string; amountFen: Fen }>,
  ): { ok: true; discountFen: Fen; eligible: boolean[] } | { ok: false; code: ErrorCode; message?: string };
}

/** The member's own coupon, usable now; its template's rule prices it against the lines. */
export async function couponOffer(
  exec: Executor,
  q: { storeId: string; memberId: string; couponId: string; now: Date },
): Promise<Result<CouponOffer>> {
  const row = await memberCouponsQuery(exec, q.memberId)
    .where('c.id', '=', q.couponId)
    .where('c.store_id', '=', q.storeId)
    .executeTakeFirst();
  if (!row) return refuse('not_found', '优惠券不存在');
  const refusal = couponStateRefusal(
    { status: row.status, validFrom: row.valid_from, validUntil: row.valid_until },
    q.now,
  );
  if (refusal) return refuse(refusal, STATE_MESSAGES[refusal]);
  return ok(offerOf(row));
}

/** A coupon's terms as checkout applies them. */
function offerOf(row: MemberCouponRow): CouponOffer {
  const terms = { kind: row.kind, args: row.args, scope: row.scope, scopeIds: row.scope_ids };
  return { couponId: row.id, evaluate: (lines) => evaluateTerms(terms, lines) };
}

/** A live coupon as the checkout picker lists it, with its offer. */
export interface LiveCouponOffer {
  couponId: string;
  title: string;
  validUntil: Date;
  offer: CouponOffer;
}

/**
 * Every coupon of the member usable now, each with its offer, in one statement (the picker prices
 * them all against the cart; a statement per coupon would grow with the wallet).
 */
export async function liveCouponOffers(
  exec: Executor,
  q: { storeId: string; memberId: string; now: Date },
): Promise<LiveCouponOffer[]> {
  const rows = await liveCouponsOf(exec, q);
  return rows.map((row) => ({ couponId: row.id, title: row.title, validUntil: row.valid_until, offer: offerOf(row) }));
}

/** usable -> locked inside the order's transaction; a coupon another order holds is refused. */
export async function lockCoupon(
  tx: Executor,
  q: { couponId: string; memberId: string; orderId: string; now: Date },
): Promise<Result<null>> {
  return (await lockCouponRow(tx, q)) ? ok(null) : refuse('locked', '优惠券已被其他订单使用');
}

/** Gives the coupon back from this order (only): usable again if unexpired, else expired. */
export async function releaseCoupon(tx: Executor, q: { couponId: string; orderId: string; now: Date }): Promise<void> {
  await releaseCouponRow(tx, q);
}

/** Called by payCallback after the order's `paid` transition, in the same transaction. */
export async function markCouponUsed(tx: Executor, orderId: string, now: Date): Promise<void> {
  await markUsedRow(tx, orderId, now);
}
