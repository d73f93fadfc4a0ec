import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../db/db';

export interface AddressFields {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
}

export interface AddressRow extends AddressFields {
  id: string;
  is_default: boolean;
  updated_at: Date;
}

const COLUMNS = ['id', 'name', 'phone', 'province', 'city', 'district', 'detail', 'is_default', 'updated_at'] as const;

/**
 * Takes the member's row lock for the rest of the transaction, so one member's address writes run one
 * after another: the count checked against the cap and the single default cannot change underneath.
 * `for no key update` still lets other tables insert rows that reference the member.
 */
export async function lockAddressBook(exec: Executor, memberId: string): Promise<void> {
  await sql`select id from members where id = ${memberId} for no key update`.execute(exec);
}

/** The member's book, default first, then the most recently changed. */
export async function listAddresses(exec: Executor, memberId: string): Promise<AddressRow[]> {
  return exec
    .selectFrom('member_addresses')
    .select(COLUMNS)
    .where('member_id', '=', memberId)
    .orderBy('is_default', 'desc')
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** One address, only when it belongs to this member (another member's id reads as missing). */
export async function findAddress(exec: Executor, memberId: string, addressId: string) {
  return exec
    .selectFrom('member_addresses')
    .select(COLUMNS)
    .where('member_id', '=', memberId)
    .where('id', '=', addressId)
    .executeTakeFirst();
}

/** The province of the member's default address, or null when the book is empty. */
export async function findDefaultProvince(exec: Executor, memberId: string): Promise<string | null> {
  const row = await exec
    .selectFrom('member_addresses')
    .select('province')
    .where('member_id', '=', memberId)
    .where('is_default', '=', true)
    .executeTakeFirst();
  return row?.province ?? null;
}

export async function countAddresses(exec: Executor, memberId: string): Promise<number> {
  const row = await exec
    .selectFrom('member_addresses')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertAddress(
  exec: Executor,
  a: AddressFields & { storeId: string; memberId: string; now: Date },
): Promise<string> {
  const id = `ad_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  await exec
    .insertInto('member_addresses')
    .values({
      id,
      store_id: a.storeId,
      member_id: a.memberId,
      name: a.name,
      phone: a.phone,
      province: a.province,
      city: a.city,
      district: a.district,
      detail: a.detail,
      is_default: false,
      created_at: a.now,
      updated_at: a.now,
    })
    .execute();
  return id;
}

/** Rewrites the fields of the member's own address; false when there is no such address. */
export async function updateAddress(
  exec: Executor,
  memberId: string,
  addressId: string,
  fields: AddressFields,
  now: Date,
): Promise<boolean> {
  const r = await exec
    .updateTable('member_addresses')
    .set({ ...fields, updated_at: now })
    .where('member_id', '=', memberId)
    .where('id', '=', addressId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Makes one address the default: clear the old default first, then set the new one (one statement
 * doing both could pass through two defaults and trip the unique index). False when the address is
 * not the member's.
 */
export async function makeDefault(exec: Executor, memberId: string, addressId: string): Promise<boolean> {
  await exec
    .updateTable('member_addresses')
    .set({ is_default: false })
    .where('member_id', '=', memberId)
    .where('is_default', '=', true)
    .where('id', '<>', addressId)
    .execute();
  const r = await exec
    .updateTable('member_addresses')
    .set({ is_default: true })
    .where('member_id', '=', memberId)
    .where('id', '=', addressId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Deletes the member's own address; answers whether it was the default, or null when there was none. */
export async function deleteAddress(
  exec: Executor,
  memberId: string,
  addressId: string,
): Promise<{ wasDefault: boolean } | null> {
  const row = await exec
    .deleteFrom('member_addresses')
    .where('member_id', '=', memberId)
    .where('id', '=', addressId)
    .returning('is_default')
    .executeTakeFirst();
  return row ? { wasDefault: row.is_default } : null;
}
