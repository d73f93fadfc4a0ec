import { describe, expect, it } from 'vitest';
import { distanceMetres, orderPickupShops } from './pickup-order';

const jingan = { latitude: 31.2243, longitude: 121.4466 };
const xuhui = { latitude: 31.1955, longitude: 121.4371 };

describe('pickup shop order', () => {
  it('measures Jing an to Xuhui at about 3.3 km', () => {
    const d = distanceMetres(jingan, xuhui)!;
    expect(d).toBeGreaterThan(3_000);
    expect(d).toBeLessThan(3_600);
    expect(distanceMetres(jingan, { latitude: null, longitude: null })).toBeNull();
  });

  it('puts the member shop first without a location', () => {
    const shops = [
      { id: 'a', mine: false, distanceM: null },
      { id: 'b', mine: true, distanceM: null },
    ];
    expect(orderPickupShops(shops).map((s) => s.id)).toEqual(['b', 'a']);
  });

  it('puts the nearest first with a location, unplaced shops last', () => {
    const shops = [
      { id: 'far', mine: true, distanceM: 9_000 },
      { id: 'none', mine: false, distanceM: null },
      { id: 'near', mine: false, distanceM: 400 },
    ];
    expect(orderPickupShops(shops).map((s) => s.id)).toEqual(['near', 'far', 'none']);
  });
});
