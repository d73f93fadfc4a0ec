import type { Db } from '../../../cloudfunctions/core/db/db';
import type { ActionInput } from '../../../cloudfunctions/core/contract';
import { callAction, okData } from '../../support/call';
import { newKey, newOpenid, T0 } from '../order/order-factory';

/** A valid address for the form; override any field. */
export function addressInput(overrides: Partial<ActionInput<'member.address.save'>> = {}) {
  return {
    name: '李四',
    phone: '13912345678',
    province: '浙江省',
    city: '杭州市',
    district: '西湖区',
    detail: '文三路 1 号',
    ...overrides,
  };
}

/** A new member (created on the first call) with an empty address book. */
export async function makeCustomer(db: Db): Promise<string> {
  const openid = newOpenid();
  okData(await callAction(db, 'member.me', {}, { openid, now: T0 }));
  return openid;
}

export async function saveAddress(db: Db, openid: string, input: ActionInput<'member.address.save'>, key = newKey()) {
  return callAction(db, 'member.address.save', input, { openid, now: T0, idempotencyKey: key });
}

/** The member's rows straight from the table (what the answers must agree with). */
export async function addressRows(db: Db, openid: string) {
  return db.kysely
    .selectFrom('member_addresses as a')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .selectAll('a')
    .where('m.openid', '=', openid)
    .orderBy('a.id')
    .execute();
}
