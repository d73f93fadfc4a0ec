import type { ActionArgs } from '../context';
import type { AddressBook, MemberAddress, RegionList } from '../contract';
import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import { REGIONS, regionProblem, type RegionField } from './domain/regions';
import {
  countAddresses,
  deleteAddress,
  findAddress,
  findDefaultProvince,
  insertAddress,
  listAddresses,
  lockAddressBook,
  makeDefault,
  updateAddress,
  type AddressFields,
  type AddressRow,
} from './repo/address.repo';

/** The most addresses one member keeps; the 21st is refused with ADDRESS_LIMIT_REACHED. */
export const ADDRESS_BOOK_LIMIT = 20;

const REGION_TEXT: Record<RegionField, string> = {
  province: '所在省份不在可配送范围内，请重新选择',
  city: '所在城市与省份不符，请重新选择',
  district: '所在区县与城市不符，请重新选择',
};

function view(r: AddressRow): MemberAddress {
  return {
    addressId: r.id,
    name: r.name,
    phone: r.phone,
    province: r.province,
    city: r.city,
    district: r.district,
    detail: r.detail,
    isDefault: r.is_default,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

async function book(exec: Executor, memberId: string): Promise<AddressBook> {
  return { items: (await listAddresses(exec, memberId)).map(view), limit: ADDRESS_BOOK_LIMIT };
}

/** `member.address.list`: the caller's own addresses, default first. */
export async function listAddressBook({
  caller,
  exec,
}: ActionArgs<'member.address.list'>): Promise<Result<AddressBook>> {
  return ok(await book(exec, caller.memberId));
}

/**
 * `member.address.save`: creates an address (no `addressId`) or rewrites one of the caller's own.
 * The first address, and any saved with `isDefault`, becomes the default. A region not in the list,
 * another member's address and a full book are refused before anything is written.
 */
export async function saveAddress({
  input,
  caller,
  ctx,
  exec,
}: ActionArgs<'member.address.save'>): Promise<Result<AddressBook & { address: MemberAddress }>> {
  const memberId = caller.memberId;
  const fields: AddressFields = {
    name: input.name,
    phone: input.phone,
    province: input.province,
    city: input.city,
    district: input.district ?? '',
    detail: input.detail,
  };
  const wrong = regionProblem(fields.province, fields.city, fields.district);
  if (wrong) {
    return fail('ADDRESS_REGION_INVALID', REGION_TEXT[wrong], {
      issues: [{ path: wrong, message: REGION_TEXT[wrong] }],
    });
  }
  await lockAddressBook(exec, memberId);
  let addressId = input.addressId;
  if (addressId) {
    if (!(await updateAddress(exec, memberId, addressId, fields, ctx.now))) {
      return fail('ADDRESS_NOT_FOUND', undefined, { addressId });
    }
  } else {
    const count = await countAddresses(exec, memberId);
    if (count >= ADDRESS_BOOK_LIMIT) return fail('ADDRESS_LIMIT_REACHED', undefined, { limit: ADDRESS_BOOK_LIMIT });
    addressId = await insertAddress(exec, { ...fields, storeId: ctx.storeId, memberId, now: ctx.now });
    if (count === 0) await makeDefault(exec, memberId, addressId);
  }
  if (input.isDefault) await makeDefault(exec, memberId, addressId);
  const current = await book(exec, memberId);
  return ok({ ...current, address: current.items.find((a) => a.addressId === addressId)! });
}

/** `member.address.setDefault`: exactly one default per member, the one named here. */
export async function setDefaultAddress({
  input,
  caller,
  exec,
}: ActionArgs<'member.address.setDefault'>): Promise<Result<AddressBook>> {
  const memberId = caller.memberId;
  await lockAddressBook(exec, memberId);
  if (!(await makeDefault(exec, memberId, input.addressId))) {
    return fail('ADDRESS_NOT_FOUND', undefined, { addressId: input.addressId });
  }
  return ok(await book(exec, memberId));
}

/**
 * `member.address.delete`: removes one of the caller's addresses. Deleting the default hands the
 * default to the most recently changed address left, so a non-empty book always has one. Orders keep
 * their own copy of the address and are not affected.
 */
export async function deleteMemberAddress({
  input,
  caller,
  exec,
}: ActionArgs<'member.address.delete'>): Promise<Result<AddressBook>> {
  const memberId = caller.memberId;
  await lockAddressBook(exec, memberId);
  const removed = await deleteAddress(exec, memberId, input.addressId);
  if (!removed) return fail('ADDRESS_NOT_FOUND', undefined, { addressId: input.addressId });
  if (removed.wasDefault) {
    const next = (await listAddresses(exec, memberId))[0];
    if (next) await makeDefault(exec, memberId, next.id);
  }
  return ok(await book(exec, memberId));
}

let regionList: RegionList | undefined;

/** `member.address.regions`: the region list for the form's picker (the same one saving checks). */
export async function listRegions(): Promise<Result<RegionList>> {
  regionList ??= {
    provinces: Object.entries(REGIONS).map(([name, cities]) => ({
      name,
      cities: Object.entries(cities).map(([city, districts]) => ({ name: city, districts })),
    })),
  };
  return ok(regionList);
}

/**
 * The member's own address by id, as an order keeps it; null when it is not theirs or does not exist.
 * Checkout calls this for `delivery.addressId`.
 */
export async function addressForOrder(
  exec: Executor,
  memberId: string,
  addressId: string,
): Promise<AddressFields | null> {
  const row = await findAddress(exec, memberId, addressId);
  if (!row) return null;
  return {
    name: row.name,
    phone: row.phone,
    province: row.province,
    city: row.city,
    district: row.district,
    detail: row.detail,
  };
}

/** Where the member's parcels go by default (the cart prices shipping there); null: no address yet. */
export function defaultShipProvince(exec: Executor, memberId: string): Promise<string | null> {
  return findDefaultProvince(exec, memberId);
}
