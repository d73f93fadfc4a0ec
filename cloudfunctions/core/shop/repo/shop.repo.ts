import { sql } from 'kysely';
import type { Executor } from '../../db/db';

/** A shop as the customer's pages and the manager's list read it (one column list for both). */
export const SHOP_COLUMNS = [
  's.id',
  's.store_id',
  's.code',
  's.name',
  's.address',
  's.hours',
  's.phone',
  's.latitude',
  's.longitude',
  's.welcome_template_id',
  's.active',
] as const;

export type ShopRow = Awaited<ReturnType<typeof findShopByCode>> & {};

/** A shop by its poster code, open or closed (a closed one's poster says so). */
export async function findShopByCode(exec: Executor, storeId: string, code: string) {
  return exec
    .selectFrom('shops as s')
    .select(SHOP_COLUMNS)
    .where('s.store_id', '=', storeId)
    .where('s.code', '=', code)
    .executeTakeFirst();
}

/** An active shop of the store by its id (staff are placed only in those). */
export async function findActiveShop(exec: Executor, storeId: string, shopId: string) {
  return exec
    .selectFrom('shops')
    .select(['id', 'name'])
    .where('store_id', '=', storeId)
    .where('id', '=', shopId)
    .where('active', '=', true)
    .executeTakeFirst();
}

/** The store's active shops, oldest first (the order the manager's pickers list them in). */
export async function activeShops(exec: Executor, storeId: string) {
  return exec
    .selectFrom('shops')
    .select(['id', 'name'])
    .where('store_id', '=', storeId)
    .where('active', '=', true)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** A serving advisor by their code: staff not revoked, placed in an active shop, with that shop. */
export async function findAdvisorByCode(exec: Executor, storeId: string, code: string) {
  const row = await exec
    .selectFrom('staff as st')
    .innerJoin('shops as s', 's.id', 'st.shop_id')
    .select(SHOP_COLUMNS)
    .select(['st.openid as advisor_openid'])
    .where('st.store_id', '=', storeId)
    .where('st.code', '=', code)
    .where('st.revoked_at', 'is', null)
    .where('s.active', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  const { advisor_openid, ...shop } = row;
  return { shop, advisorOpenid: advisor_openid };
}

/** What a customer sees of an advisor: the staff's shown name, else their member nickname. */
export async function findAdvisorCard(exec: Executor, storeId: string, openid: string) {
  return exec
    .selectFrom('staff as st')
    .leftJoin('members as m', (j) => j.onRef('m.store_id', '=', 'st.store_id').onRef('m.openid', '=', 'st.openid'))
    .select((eb) => [
      eb.fn.coalesce('st.display_name', 'm.nickname', eb.val('导购')).as('name'),
      'm.avatar_url',
      'st.code',
    ])
    .where('st.store_id', '=', storeId)
    .where('st.openid', '=', openid)
    .where('st.revoked_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Serializes one member's welcomes: two scans racing (two store codes, or one code twice) queue
 * here, so "first scan wins" and the once-ever gift are decided one after the other. `no key update`
 * does not block the foreign-key checks of other transactions inserting rows for this member.
 */
export async function lockMemberForWelcome(tx: Executor, memberId: string): Promise<void> {
  await sql`select 1 from members where id = ${memberId} for no key update`.execute(tx);
}

/** Records where the member came from, once: the first scan wins and is never updated. */
export async function insertOriginOnce(
  tx: Executor,
  o: { memberId: string; storeId: string; shopId: string; advisorOpenid: string | null; scene: string; now: Date },
): Promise<boolean> {
  const rows = await tx
    .insertInto('member_origins')
    .values({
      member_id: o.memberId,
      store_id: o.storeId,
      shop_id: o.shopId,
      advisor_openid: o.advisorOpenid,
      scene: o.scene,
      created_at: o.now,
    })
    .onConflict((oc) => oc.column('member_id').doNothing())
    .returning('member_id')
    .execute();
  return rows.length === 1;
}

type BindingOutcome = 'bound' | 'joined_pool' | 'claimed_from_pool' | 'kept';

/**
 * Binds a member to an advisor (or a shop's pool when `advisorOpenid` is null), first binding wins:
 * - no row yet: insert (on conflict do nothing, so a concurrent first binding keeps its win);
 * - a row in a pool and an advisor offered: the conditional update `advisor_openid is null` claims it;
 * - otherwise the existing binding stays (`kept`).
 * Reassignment and revocation are not this function: they change a bound advisor on purpose.
 */
export async function bindAdvisorFirstWins(
  tx: Executor,
  b: { memberId: string; storeId: string; shopId: string; advisorOpenid: string | null; now: Date; by: string },
): Promise<BindingOutcome> {
  const inserted = await tx
    .insertInto('member_advisors')
    .values({
      member_id: b.memberId,
      store_id: b.storeId,
      shop_id: b.shopId,
      advisor_openid: b.advisorOpenid,
      bound_at: b.now,
      updated_at: b.now,
      updated_by: b.by,
    })
    .onConflict((oc) => oc.column('member_id').doNothing())
    .returning('member_id')
    .execute();
  if (inserted.length === 1) return b.advisorOpenid ? 'bound' : 'joined_pool';
  if (!b.advisorOpenid) return 'kept';
  const claimed = await tx
    .updateTable('member_advisors')
    .set({ shop_id: b.shopId, advisor_openid: b.advisorOpenid, updated_at: b.now, updated_by: b.by })
    .where('member_id', '=', b.memberId)
    .where('advisor_openid', 'is', null)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1 ? 'claimed_from_pool' : 'kept';
}

/** The member's welcome gift, if they ever received one, with its coupon's title and validity. */
export async function findWelcomeGift(exec: Executor, memberId: string) {
  return exec
    .selectFrom('welcome_gifts as g')
    .innerJoin('coupons as c', 'c.id', 'g.coupon_id')
    .innerJoin('coupon_templates as t', 't.id', 'c.template_id')
    .select(['g.coupon_id', 'g.shop_id', 't.title', 'c.valid_until'])
    .where('g.member_id', '=', memberId)
    .executeTakeFirst();
}

export async function insertWelcomeGift(
  tx: Executor,
  g: { memberId: string; shopId: string; couponId: string; now: Date },
): Promise<void> {
  await tx
    .insertInto('welcome_gifts')
    .values({ member_id: g.memberId, shop_id: g.shopId, coupon_id: g.couponId, granted_at: g.now })
    .execute();
}

/** The shop serving the member now (their advisor's, or the pool they joined) and the advisor's openid. */
export async function findMemberShop(exec: Executor, memberId: string) {
  return exec
    .selectFrom('member_advisors as ma')
    .innerJoin('shops as s', 's.id', 'ma.shop_id')
    .select(SHOP_COLUMNS)
    .select('ma.advisor_openid')
    .where('ma.member_id', '=', memberId)
    .executeTakeFirst();
}

/**
 * Attribution stamped on a new order, as scalar subqueries folded into the order's own insert (no
 * extra round trip on the checkout path): the member's shop and advisor at that moment.
 */
export function attributionColumns(memberId: string) {
  return {
    shop_id: sql<string | null>`(select shop_id from member_advisors where member_id = ${memberId})`,
    advisor_openid: sql<string | null>`(select advisor_openid from member_advisors where member_id = ${memberId})`,
  };
}

/** The store's active shops with what a pickup needs, oldest first, and whether each is the member's. */
export async function findPickupShops(exec: Executor, storeId: string, memberId: string) {
  return exec
    .selectFrom('shops as s')
    .leftJoin('member_advisors as ma', (j) => j.onRef('ma.shop_id', '=', 's.id').on('ma.member_id', '=', memberId))
    .select(['s.id', 's.name', 's.address', 's.hours', 's.phone', 's.latitude', 's.longitude', 's.active'])
    .select((eb) => eb('ma.member_id', 'is not', null).as('mine'))
    .where('s.store_id', '=', storeId)
    .where('s.active', '=', true)
    .orderBy('s.created_at')
    .orderBy('s.id')
    .execute();
}

/** Shops by id, open or closed (an order keeps naming the shop it was collected at). */
export async function findShopsById(exec: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return exec
    .selectFrom('shops')
    .select(['id', 'name', 'address', 'hours', 'phone', 'latitude', 'longitude', 'active'])
    .where('id', 'in', ids)
    .execute();
}

/** The shop a serving staff member is placed in (null: not placed, or revoked). */
export async function findStaffShopId(exec: Executor, storeId: string, openid: string): Promise<string | null> {
  const row = await exec
    .selectFrom('staff')
    .select('shop_id')
    .where('store_id', '=', storeId)
    .where('openid', '=', openid)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row?.shop_id ?? null;
}
