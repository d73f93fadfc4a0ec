import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import {
  creditPoints,
  expireDueLots,
  holdPoints,
  releasePoints,
  takeBack,
} from '../../../cloudfunctions/core/points/points-ledger';
import { lockMember } from '../../../cloudfunctions/core/points/repo/points.repo';
import { daysAfter } from '../order/order-factory';
import { expectBalanced, makeMember } from './points-factory';

const ACCOUNTS = 3;
const account = fc.integer({ min: 0, max: ACCOUNTS - 1 });
const command = fc.oneof(
  fc.record({ kind: fc.constant('earn' as const), m: account, points: fc.integer({ min: 1, max: 500 }) }),
  fc.record({ kind: fc.constant('hold' as const), m: account, points: fc.integer({ min: 1, max: 600 }) }),
  fc.record({ kind: fc.constant('release' as const), m: account, pick: fc.nat() }),
  fc.record({ kind: fc.constant('expire' as const), m: account }),
  fc.record({ kind: fc.constant('reverse' as const), m: account, points: fc.integer({ min: 1, max: 600 }) }),
  fc.record({ kind: fc.constant('advance' as const), days: fc.integer({ min: 0, max: 300 }) }),
);

describeEachDatabase('points ledger (property)', (use) => {
  it('any sequence of earn / hold / release / expire / refund reversal keeps balance = sum(entries) = sum(lots), never negative', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
        const db = use().kysely;
        const members = await Promise.all(Array.from({ length: ACCOUNTS }, () => makeMember(use())));
        const holds: string[][] = members.map(() => []);
        let now = new Date('2025-06-01T12:00:00+08:00');
        for (const c of commands) {
          if (c.kind === 'advance') {
            now = daysAfter(now, c.days);
            continue;
          }
          const memberId = members[c.m]!.id;
          await db.transaction().execute(async (tx) => {
            switch (c.kind) {
              case 'earn':
                await creditPoints(tx, {
                  memberId,
                  points: c.points,
                  reason: 'earn',
                  key: `earn:${randomUUID()}`,
                  at: now,
                });
                break;
              case 'hold': {
                const orderId = `o_${randomUUID()}`;
                if ((await holdPoints(tx, { memberId, points: c.points, orderId, now })).ok) holds[c.m]!.push(orderId);
                break;
              }
              case 'release': {
                const orders = holds[c.m]!;
                // Releasing the same order again must change nothing (the pick may repeat).
                if (orders.length > 0)
                  await releasePoints(tx, { memberId, orderId: orders[c.pick % orders.length]!, now });
                break;
              }
              case 'expire':
                await lockMember(tx, memberId);
                await expireDueLots(tx, memberId, now);
                break;
              case 'reverse':
                await takeBack(tx, {
                  memberId,
                  wanted: c.points,
                  key: `refund_reversal:${randomUUID()}`,
                  at: now,
                  orderId: 'o_x',
                  preferLot: null,
                  metadata: {},
                });
                break;
            }
          });
        }
        for (const m of members) await expectBalanced(use(), m.id);
        const negative = await db.selectFrom('points_lots').select('id').where('remaining', '<', 0).execute();
        expect(negative).toEqual([]);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
