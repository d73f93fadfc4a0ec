import { randomUUID } from 'node:crypto';
import type { Db } from '../../../cloudfunctions/core/db/db';
import type { CouponArgs, CouponKind } from '../../../cloudfunctions/core/coupon/rules';
import { callAction, okData } from '../../support/call';
import { newKey } from '../order/order-factory';

export interface TemplateSpec {
  kind?: CouponKind;
  args?: CouponArgs;
  scope?: 'all' | 'categories' | 'products';
  scopeIds?: string[];
  validDays?: number | null;
  validFrom?: Date | null;
  validUntil?: Date | null;
  total?: number;
  perMemberLimit?: number;
  claimable?: boolean;
  active?: boolean;
  title?: string;
}

/** A coupon template of the demo store (default: 无门槛 ¥10, 7 days, 100 of them, 1 per member). */
export async function makeTemplate(db: Db, spec: TemplateSpec = {}): Promise<string> {
  const id = `ct-t-${randomUUID().slice(0, 8)}`;
  const total = spec.total ?? 100;
  await db.kysely
    .insertInto('coupon_templates')
    .values({
      id,
      store_id: 'demo',
      title: spec.title ?? `测试券 ${id}`,
      kind: spec.kind ?? 'no_threshold',
      args: JSON.stringify(spec.args ?? { amountFen: 1000 }),
      scope: spec.scope ?? 'all',
      scope_ids: spec.scopeIds ?? [],
      valid_from: spec.validFrom ?? null,
      valid_until: spec.validUntil ?? null,
      valid_days: spec.validDays === undefined ? (spec.validUntil ? null : 7) : spec.validDays,
      total,
      remaining: total,
      per_member_limit: spec.perMemberLimit ?? 1,
      claimable: spec.claimable ?? true,
      active: spec.active ?? true,
    })
    .execute();
  return id;
}

export function claim(db: Db, openid: string, templateId: string, now: Date) {
  return callAction(db, 'member.claimCoupon', { templateId }, { openid, now, idempotencyKey: newKey() });
}

/** A claimed coupon's id (fails the test when the claim is refused). */
export async function claimed(db: Db, openid: string, templateId: string, now: Date): Promise<string> {
  return okData(await claim(db, openid, templateId, now)).couponId;
}

export async function couponRow(db: Db, couponId: string) {
  return db.kysely.selectFrom('coupons').selectAll().where('id', '=', couponId).executeTakeFirstOrThrow();
}

export async function remainingOf(db: Db, templateId: string): Promise<number> {
  const row = await db.kysely
    .selectFrom('coupon_templates')
    .select('remaining')
    .where('id', '=', templateId)
    .executeTakeFirstOrThrow();
  return row.remaining;
}

/** The refusal's code and `details.reason`. */
export function refusal(envelope: { ok: boolean; error?: { code: string; details?: unknown } }) {
  return envelope.ok
    ? null
    : { code: envelope.error!.code, reason: (envelope.error!.details as { reason?: string } | undefined)?.reason };
}
