import { randomUUID } from 'node:crypto';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { callAction, okData } from '../../support/call';
import { makeTemplate, type TemplateSpec } from '../coupon/coupon-factory';
import { makePaidOrder } from '../order/order-factory';

/**
 * Advisors, their customers and attributed orders. These factories write member_advisors /
 * member_origins / orders.advisor_openid directly, so a test that is not about scanning a code need
 * not go through one.
 */

export const JINGAN = 'shop-jingan';
export const XUHUI = 'shop-xuhui';
export const MANAGER = 'demo-manager';
export const NOW = new Date('2026-05-20T04:00:00Z');
export const daysBefore = (days: number, at = NOW) => new Date(at.getTime() - days * 86_400_000);
export const key = () => `k-${randomUUID()}`;
const short = () => randomUUID().replace(/-/g, '').slice(0, 10);

/** An active staff member of a shop with an advisor code and a standing monthly budget. */
export async function makeAdvisor(
  db: Db,
  spec: { shopId?: string; budgetFen?: number; name?: string; openid?: string } = {},
): Promise<string> {
  const openid = spec.openid ?? `adv-${short()}`;
  await db.kysely
    .insertInto('staff')
    .values({
      store_id: 'demo',
      openid,
      role: 'staff',
      created_at: daysBefore(100),
      revoked_at: null,
      shop_id: spec.shopId ?? JINGAN,
      code: `A${short().toUpperCase()}`.slice(0, 12),
      display_name: spec.name ?? `导购${openid.slice(-4)}`,
      monthly_budget_fen: spec.budgetFen ?? 0,
    })
    .execute();
  return openid;
}

/** A member of the demo store (created through member.me), optionally with a birthday. */
export async function makeMember(db: Db, spec: { nickname?: string; birthday?: string; points?: number } = {}) {
  const openid = `o_${short()}`;
  const me = okData(await callAction(db, 'member.me', {}, { openid, now: daysBefore(60) }));
  await db.kysely
    .updateTable('members')
    .set({
      nickname: spec.nickname ?? `顾客${openid.slice(-4)}`,
      birthday: spec.birthday ?? null,
      points_balance: spec.points ?? 0,
    })
    .where('id', '=', me.memberId)
    .execute();
  return { openid, memberId: me.memberId };
}

/** Binds a member to an advisor (null: the shop's pool), and records their origin when asked. */
async function makeAdvisorBinding(
  db: Db,
  b: { memberId: string; advisorOpenid: string | null; shopId?: string; boundAt?: Date; origin?: boolean },
): Promise<void> {
  const shopId = b.shopId ?? JINGAN;
  const at = b.boundAt ?? daysBefore(10);
  await db.kysely
    .insertInto('member_advisors')
    .values({
      member_id: b.memberId,
      store_id: 'demo',
      shop_id: shopId,
      advisor_openid: b.advisorOpenid,
      bound_at: at,
      updated_at: at,
      updated_by: null,
    })
    .execute();
  if (b.origin) {
    await db.kysely
      .insertInto('member_origins')
      .values({
        member_id: b.memberId,
        store_id: 'demo',
        shop_id: shopId,
        advisor_openid: b.advisorOpenid,
        scene: b.advisorOpenid ? 'a=TEST' : 's=QHJA',
        created_at: at,
      })
      .execute();
  }
}

/** A member served by `advisorOpenid` (or the pool). */
export async function makeCustomer(
  db: Db,
  advisorOpenid: string | null,
  spec: Parameters<typeof makeMember>[1] & { shopId?: string; boundAt?: Date; origin?: boolean } = {},
) {
  const m = await makeMember(db, spec);
  await makeAdvisorBinding(db, {
    memberId: m.memberId,
    advisorOpenid,
    shopId: spec.shopId,
    boundAt: spec.boundAt,
    origin: spec.origin,
  });
  return m;
}

const MASK = 'sku-hyaluronic-sheet-mask-1';

/** A paid order of the member, stamped with its shop and advisor as order.create will stamp it. */
export async function makeAttributedOrder(
  db: Db,
  q: { openid: string; advisorOpenid: string | null; shopId?: string; paidDaysAgo: number; qty?: number; now?: Date },
) {
  const order = await makePaidOrder(db, {
    items: [{ skuId: MASK, qty: q.qty ?? 1 }],
    delivery: 'pickup',
    openid: q.openid,
    now: daysBefore(q.paidDaysAgo, q.now),
  });
  await db.kysely
    .updateTable('orders')
    .set({ shop_id: q.shopId ?? JINGAN, advisor_openid: q.advisorOpenid })
    .where('id', '=', order.orderId)
    .execute();
  return order;
}

/** A coupon template the manager marked advisor-issuable (default 无门槛 ¥10, 1,000 of them, 5 per member). */
export async function makeAdvisorTemplate(db: Db, spec: TemplateSpec = {}): Promise<string> {
  const templateId = await makeTemplate(db, { total: 1000, perMemberLimit: 5, claimable: false, ...spec });
  okData(
    await callAction(
      db,
      'manager.setAdvisorTemplate',
      { templateId, advisorIssuable: true },
      { openid: MANAGER, now: NOW, idempotencyKey: key() },
    ),
  );
  return templateId;
}

export function issue(
  db: Db,
  advisor: string,
  memberId: string,
  templateId: string,
  idempotencyKey = key(),
  now = NOW,
) {
  return callAction(db, 'staff.issueCoupon', { memberId, templateId }, { openid: advisor, now, idempotencyKey });
}

export async function bindingOf(db: Db, memberId: string) {
  return db.kysely
    .selectFrom('member_advisors')
    .selectAll()
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow();
}
