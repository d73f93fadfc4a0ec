import { describe, expect, it } from 'vitest';
import { decodeCustomerCursor, encodeCustomerCursor } from './customer-cursor';

describe('customer cursor', () => {
  it('round-trips a position of its own sort', () => {
    const points = { sort: 'points' as const, value: 320, id: 'm_1' };
    expect(decodeCustomerCursor(encodeCustomerCursor(points), 'points')).toEqual(points);
    const bound = { sort: 'bound' as const, value: '2026-05-10T04:00:00.000Z', id: 'm_2' };
    expect(decodeCustomerCursor(encodeCustomerCursor(bound), 'bound')).toEqual(bound);
  });

  it('starts over on a cursor of another sort, a wrong value type or garbage', () => {
    const points = encodeCustomerCursor({ sort: 'points', value: 320, id: 'm_1' });
    expect(decodeCustomerCursor(points, 'lastOrder')).toBeNull();
    expect(decodeCustomerCursor(encodeCustomerCursor({ sort: 'points', value: 'x', id: 'm_1' }), 'points')).toBeNull();
    expect(
      decodeCustomerCursor(encodeCustomerCursor({ sort: 'bound', value: 'not a date', id: 'm_1' }), 'bound'),
    ).toBeNull();
    expect(decodeCustomerCursor('%%%', 'points')).toBeNull();
    expect(decodeCustomerCursor(undefined, 'points')).toBeNull();
  });
});
