import type { Db } from '../../../cloudfunctions/core/db/db';
import type { ActionInput } from '../../../cloudfunctions/core/contract';
import { callAction } from '../../support/call';
import { newKey } from '../order/order-factory';

export const ADVISOR = 'demo-staff';

/** The visitor `openid` scans a code at `now` (each scan its own idempotency key unless one is given). */
export function scan(db: Db, openid: string, data: ActionInput<'shop.welcome'>, now: Date, idempotencyKey = newKey()) {
  return callAction(db, 'shop.welcome', data, { openid, now, idempotencyKey });
}

/** Everything a welcome can write for one member: origins, advisor rows, gift rows, welcome coupons. */
export async function welcomeRowsOf(db: Db, memberId: string) {
  const [origins, advisors, gifts, coupons] = await Promise.all([
    db.kysely.selectFrom('member_origins').selectAll().where('member_id', '=', memberId).execute(),
    db.kysely.selectFrom('member_advisors').selectAll().where('member_id', '=', memberId).execute(),
    db.kysely.selectFrom('welcome_gifts').selectAll().where('member_id', '=', memberId).execute(),
    db.kysely
      .selectFrom('coupons')
      .selectAll()
      .where('member_id', '=', memberId)
      .where('source', '=', 'shop_welcome')
      .execute(),
  ]);
  return { origins, advisors, gifts, coupons };
}
