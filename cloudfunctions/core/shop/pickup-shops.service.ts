import type { PickupShop, PickupShopChoice } from '../contract';
import type { Executor } from '../db/db';
import { distanceMetres, orderPickupShops } from './domain/pickup-order';
import { findPickupShops, findShopsById } from './repo/shop.repo';

type ShopFields = Pick<
  Awaited<ReturnType<typeof findShopsById>>[number],
  'id' | 'name' | 'address' | 'hours' | 'phone' | 'latitude' | 'longitude' | 'active'
>;

/** A shop as a customer finds it: where, when, how to call. The shop card adds its code. */
export function pickupShop(s: ShopFields): PickupShop {
  return {
    shopId: s.id,
    name: s.name,
    address: s.address,
    hours: s.hours,
    phone: s.phone,
    latitude: s.latitude,
    longitude: s.longitude,
    open: s.active,
  };
}

/** Checkout's pickup shops: the member's own first, or the nearest first when the customer sent a location. */
export async function pickupShopsFor(
  exec: Executor,
  q: { storeId: string; memberId: string; near?: { latitude: number; longitude: number } },
): Promise<PickupShopChoice[]> {
  const rows = await findPickupShops(exec, q.storeId, q.memberId);
  return orderPickupShops(
    rows.map((r) => ({
      ...pickupShop(r),
      mine: Boolean(r.mine),
      distanceM: q.near ? distanceMetres(q.near, r) : null,
    })),
  );
}

/** The shops orders name for pickup, by id (a shop closed since keeps its orders, marked closed). */
export async function pickupShopsById(exec: Executor, ids: string[]): Promise<Map<string, PickupShop>> {
  const rows = await findShopsById(exec, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, pickupShop(r)]));
}
