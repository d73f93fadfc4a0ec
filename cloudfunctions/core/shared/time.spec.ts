import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inShanghai, shanghaiStamp } from './time';

describe('shanghaiStamp', () => {
  it('agrees with the time-zone database for any instant from 1992 to 2099', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1992-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
        (at) => {
          expect(shanghaiStamp(at)).toBe(inShanghai(at).format('YYYYMMDDHHmmss'));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('turns the calendar day at 16:00 UTC', () => {
    expect(shanghaiStamp(new Date('2026-12-31T15:59:59.999Z'))).toBe('20261231235959');
    expect(shanghaiStamp(new Date('2026-12-31T16:00:00.000Z'))).toBe('20270101000000');
  });
});
