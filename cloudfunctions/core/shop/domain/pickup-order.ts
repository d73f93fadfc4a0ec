/** How checkout orders the shops a pickup can be collected at. Pure: no database, no clock. */

interface Located {
  latitude: number | null;
  longitude: number | null;
}

const EARTH_RADIUS_M = 6_371_000;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in whole metres (haversine); null when the shop has no map position. */
export function distanceMetres(from: { latitude: number; longitude: number }, to: Located): number | null {
  if (to.latitude === null || to.longitude === null) return null;
  const dLat = rad(to.latitude - from.latitude);
  const dLng = rad(to.longitude - from.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(from.latitude)) * Math.cos(rad(to.latitude)) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h))));
}

/**
 * With a location: nearest first (shops without a position last). Without one: the member's own
 * shop first. Otherwise the given order (the store's, oldest shop first) is kept.
 */
export function orderPickupShops<T extends { mine: boolean; distanceM: number | null }>(shops: T[]): T[] {
  const located = shops.some((s) => s.distanceM !== null);
  return [...shops].sort((a, b) =>
    located
      ? (a.distanceM ?? Number.POSITIVE_INFINITY) - (b.distanceM ?? Number.POSITIVE_INFINITY)
      : Number(b.mine) - Number(a.mine),
  );
}
