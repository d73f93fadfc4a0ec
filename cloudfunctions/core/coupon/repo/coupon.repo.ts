import { sql } from 'kysely';
import type { Executor } from '../../db/db';
import type { Database } from '../../db/schema';

type CouponRow = Database['coupons'];
type Source = CouponRow['source'];

const TEMPLATE_COLUMNS = [
  't.id',
  't.store_id',
  't.title',
  't.kind',
  't.args',
  't.scope',
  't.scope_ids',
  't.valid_from',
  't.valid_until',
  't.valid_days',
  't.total',
  't.remaining',
  't.per_member_limit',
  't.claimable',
  't.active',
  // whether advisors may issue it (advisor/).
  't.advisor_issuable',
] as const;

export async function findTemplate(exec: Executor, storeId: string, templateId: string) {
  return exec
    .selectFrom('coupon_templates as t')
    .select(TEMPLATE_COLUMNS)
    .where('t.id', '=', templateId)
    .where('t.store_id', '=', storeId)
    .executeTakeFirst();
}

/** Templates shown in the claim center: active, claimable, not past their fixed window. */
export async function findClaimableTemplates(exec: Executor, storeId: string, now: Date) {
  return exec
    .selectFrom('coupon_templates as t')
    .select(TEMPLATE_COLUMNS)
    .where('t.store_id', '=', storeId)
    .where('t.active', '=', true)
    .where('t.claimable', '=', true)
    .where((eb) => eb.or([eb('t.valid_until', 'is', null), eb('t.valid_until', '>', now)]))
    .orderBy('t.sort')
    .orderBy('t.id')
    .execute();
}

/** How many coupons of each template a member holds (any status): the per-member limit counts them all. */
export async function countHeld(
  exec: Executor,
  memberId: string,
  templateIds: readonly string[],
): Promise<Map<string, number>> {
  if (templateIds.length === 0) return new Map();
  const rows = await exec
    .selectFrom('coupons')
    .select(['template_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('member_id', '=', memberId)
    .where('template_id', 'in', templateIds)
    .groupBy('template_id')
    .execute();
  return new Map(rows.map((r) => [r.template_id, Number(r.n)]));
}

/** Takes one from the template's stock: zero rows means sold out (or closed) under any concurrency. */
export async function takeFromTemplate(tx: Executor, templateId: string): Promise<boolean> {
  const res = await tx
    .updateTable('coupon_templates')
    .set((eb) => ({ remaining: eb('remaining', '-', 1) }))
    .where('id', '=', templateId)
    .where('remaining', '>', 0)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The compensation of takeFromTemplate. */
export async function returnToTemplate(tx: Executor, templateId: string): Promise<void> {
  await tx
    .updateTable('coupon_templates')
    .set((eb) => ({ remaining: eb('remaining', '+', 1) }))
    .where('id', '=', templateId)
    .execute();
}

/**
 * Inserts the member's `seq`-th coupon of a template. Returns false when that seq is taken: another
 * claim by the same member won it (the unique index makes the loser wait for it, then skip).
 */
export async function insertCoupon(
  tx: Executor,
  row: {
    id: string;
    storeId: string;
    templateId: string;
    memberId: string;
    seq: number;
    source: Source;
    validFrom: Date;
    validUntil: Date;
    now: Date;
  },
): Promise<boolean> {
  const inserted = await tx
    .insertInto('coupons')
    .values({
      id: row.id,
      store_id: row.storeId,
      template_id: row.templateId,
      member_id: row.memberId,
      seq: row.seq,
      status: 'usable',
      source: row.source,
      valid_from: row.validFrom,
      valid_until: row.validUntil,
      order_id: null,
      claimed_at: row.now,
      used_at: null,
    })
    .onConflict((oc) => oc.columns(['template_id', 'member_id', 'seq']).doNothing())
    .returning('id')
    .execute();
  return inserted.length === 1;
}

/** A member's coupons with their template's terms (newest first), optionally one coupon. */
export function memberCouponsQuery(exec: Executor, memberId: string) {
  return exec
    .selectFrom('coupons as c')
    .innerJoin('coupon_templates as t', 't.id', 'c.template_id')
    .select([
      'c.id',
      'c.template_id',
      'c.status',
      'c.valid_from',
      'c.valid_until',
      'c.order_id',
      'c.claimed_at',
      't.title',
      't.kind',
      't.args',
      't.scope',
      't.scope_ids',
    ])
    .where('c.member_id', '=', memberId);
}
export type MemberCouponRow = Awaited<ReturnType<ReturnType<typeof memberCouponsQuery>['execute']>>[number];

/** usable -> locked for one order; zero rows when it is not usable (another order holds it) or out of its window. */
export async function lockCouponRow(
  tx: Executor,
  q: { couponId: string; memberId: string; orderId: string; now: Date },
): Promise<boolean> {
  const res = await tx
    .updateTable('coupons')
    .set({ status: 'locked', order_id: q.orderId })
    .where('id', '=', q.couponId)
    .where('member_id', '=', q.memberId)
    .where('status', '=', 'usable')
    .where('valid_from', '<=', q.now)
    .where('valid_until', '>', q.now)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** locked/used -> usable for this order only; a coupon past its window becomes expired instead. */
export async function releaseCouponRow(
  tx: Executor,
  q: { couponId: string; orderId: string; now: Date },
): Promise<void> {
  const live = sql<boolean>`valid_until > ${q.now}`;
  await tx
    .updateTable('coupons')
    .set({
      status: sql`case when ${live} then 'usable' else 'expired' end`,
      order_id: sql`case when ${live} then null else order_id end`,
      used_at: sql`case when ${live} then null else used_at end`,
    })
    .where('id', '=', q.couponId)
    .where('order_id', '=', q.orderId)
    .where('status', 'in', ['locked', 'used'])
    .execute();
}

/** locked -> used once the order is paid. */
export async function markUsedRow(tx: Executor, orderId: string, now: Date): Promise<void> {
  await tx
    .updateTable('coupons')
    .set({ status: 'used', used_at: now })
    .where('order_id', '=', orderId)
    .where('status', '=', 'locked')
    .execute();
}

/** Display names for scope ids (categories or products). */
export async function scopeNames(
  exec: Executor,
  scope: 'categories' | 'products',
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows =
    scope === 'categories'
      ? await exec.selectFrom('categories').select(['id', 'name']).where('id', 'in', ids).execute()
      : await exec.selectFrom('products').select(['id', 'title as name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Takes back a coupon that was handed out and is still unused (status `expired`); false when it is used, locked or gone. */
export async function voidUnusedCoupon(tx: Executor, couponId: string): Promise<boolean> {
  const r = await tx
    .updateTable('coupons')
    .set({ status: 'expired' })
    .where('id', '=', couponId)
    .where('status', '=', 'usable')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * A member's coupons in the store usable now (held, inside their window), with their templates' terms,
 * the soonest to expire first; at most 50. One statement, however many the member holds.
 */
export function liveCouponsOf(exec: Executor, q: { storeId: string; memberId: string; now: Date }) {
  const { memberId, now } = q;
  return memberCouponsQuery(exec, memberId)
    .where('c.store_id', '=', q.storeId)
    .where('c.status', '=', 'usable')
    .where('c.valid_from', '<=', now)
    .where('c.valid_until', '>', now)
    .orderBy('c.valid_until')
    .orderBy('c.id')
    .limit(50)
    .execute();
}

/**
 * The store's active templates as choices for a settings picker (the referral gifts, the win-back
 * coupon): id and title, newest first. Another context names a template only from these.
 */
export async function activeTemplateChoices(exec: Executor, storeId: string) {
  const rows = await exec
    .selectFrom('coupon_templates')
    .select(['id', 'title'])
    .where('store_id', '=', storeId)
    .where('active', '=', true)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ value: r.id, label: r.title }));
}
