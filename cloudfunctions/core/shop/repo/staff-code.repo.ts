import { sql } from 'kysely';
import type { Executor } from '../../db/db';

/** Staff of the store not revoked, with their shop (if placed) and the name customers see. */
export async function findServingStaff(exec: Executor, storeId: string, openids?: readonly string[]) {
  let q = exec
    .selectFrom('staff as st')
    .leftJoin('shops as s', 's.id', 'st.shop_id')
    .leftJoin('members as m', (j) => j.onRef('m.store_id', '=', 'st.store_id').onRef('m.openid', '=', 'st.openid'))
    .select((eb) => [
      'st.openid',
      'st.role',
      'st.code',
      'st.shop_id',
      's.name as shop_name',
      eb.fn.coalesce('st.display_name', 'm.nickname', eb.val('导购')).as('name'),
      'm.avatar_url',
    ])
    .where('st.store_id', '=', storeId)
    .where('st.revoked_at', 'is', null);
  if (openids) q = q.where('st.openid', 'in', openids.length ? openids : ['']);
  return q.orderBy('st.created_at').execute();
}

/**
 * Gives a staff member an advisor code if they have none: a conditional update (`code is null`, and
 * the code not taken), so two concurrent first calls keep one code. A collision with another staff's
 * code (the unique index) is retried with a fresh code; the winner's code is read back.
 */
export async function ensureStaffCode(
  exec: Executor,
  storeId: string,
  openid: string,
  newCode: () => string,
): Promise<string | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newCode();
    try {
      await exec
        .updateTable('staff')
        .set({ code })
        .where('store_id', '=', storeId)
        .where('openid', '=', openid)
        .where('code', 'is', null)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('staff as other')
                .select(sql`1`.as('one'))
                .where('other.code', '=', code),
            ),
          ),
        )
        .execute();
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
      continue;
    }
    const row = await exec
      .selectFrom('staff')
      .select('code')
      .where('store_id', '=', storeId)
      .where('openid', '=', openid)
      .executeTakeFirst();
    if (!row) return null;
    if (row.code) return row.code;
  }
  throw new Error('could not find a free staff code in 5 attempts');
}

/** Every shop of the store, with the title of its welcome gift's template. */
export async function listShops(exec: Executor, storeId: string) {
  return exec
    .selectFrom('shops as s')
    .leftJoin('coupon_templates as t', 't.id', 's.welcome_template_id')
    .select(['s.id', 's.code', 's.name', 's.address', 's.hours', 's.phone', 's.active', 't.title as gift_title'])
    .where('s.store_id', '=', storeId)
    .orderBy('s.created_at')
    .orderBy('s.id')
    .execute();
}
