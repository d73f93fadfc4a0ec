import { expect, it } from 'vitest';
import { describeOnPostgres } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { T0 } from '../order/order-factory';
import { makeMember } from '../points/points-factory';
import { scan, welcomeRowsOf } from './shop-factory';
import { makeAdvisor } from '../advisor/advisor-factory';
import { newKey } from '../order/order-factory';

const ROUNDS = 25;

describeOnPostgres('shop.welcome under concurrency', (use) => {
  it(`one new member scans two store codes and the same code twice, all at once: one gift, one origin, one advisor row (${ROUNDS} rounds)`, async () => {
    const firstShops = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const v = await makeMember(use());
      const results = await Promise.all([
        scan(use(), v.openid, { scene: 's=QHJA' }, T0),
        scan(use(), v.openid, { scene: 's=QHXH' }, T0),
        scan(use(), v.openid, { scene: encodeURIComponent('s=QHJA') }, T0),
        scan(use(), v.openid, { shopCode: 'QHXH' }, T0),
      ]);
      const answers = results.map((r) => (r.ok ? r.data : r.error.code));
      expect(answers.every((a) => typeof a === 'object')).toBe(true);
      const data = results.map((r) => (r.ok ? r.data : null)!);
      expect(data.filter((d) => d.giftReason === 'issued')).toHaveLength(1);
      expect(data.filter((d) => d.giftReason === 'already_received')).toHaveLength(3);
      expect(data.filter((d) => d.firstScan)).toHaveLength(1);
      expect(data.filter((d) => d.binding === 'joined_pool')).toHaveLength(1);
      expect(new Set(data.map((d) => d.gift!.couponId)).size).toBe(1);

      const rows = await welcomeRowsOf(use(), v.id);
      expect(rows.origins).toHaveLength(1);
      expect(rows.advisors).toHaveLength(1);
      expect(rows.gifts).toHaveLength(1);
      expect(rows.coupons).toHaveLength(1);
      // The first scan decides both the origin and the pool the member joined.
      expect(rows.advisors[0]!.shop_id).toBe(rows.origins[0]!.shop_id);
      firstShops.add(rows.origins[0]!.shop_id);
    }
    expect([...firstShops].every((s) => s === 'shop-jingan' || s === 'shop-xuhui')).toBe(true);
  });

  it(`a pool scan and two advisor scans race: exactly one advisor row, bound to one advisor, one gift (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const v = await makeMember(use());
      const results = await Promise.all([
        scan(use(), v.openid, { scene: 's=QHXH' }, T0),
        scan(use(), v.openid, { advisorCode: 'DEMOSTAFF' }, T0),
        scan(use(), v.openid, { advisorCode: 'DEMOMGR' }, T0),
      ]);
      const data = results.map((r) => (r.ok ? r.data : null)!);
      expect(data.every(Boolean)).toBe(true);
      const rows = await welcomeRowsOf(use(), v.id);
      expect(rows.advisors).toHaveLength(1);
      // Whatever the order, an advisor scan after a pool scan claims the member: an advisor always ends up bound.
      expect(['demo-staff', 'demo-manager']).toContain(rows.advisors[0]!.advisor_openid);
      expect(data.filter((d) => d.binding === 'bound' || d.binding === 'claimed_from_pool')).toHaveLength(1);
      expect(rows.gifts).toHaveLength(1);
      expect(rows.coupons).toHaveLength(1);
      expect(rows.origins).toHaveLength(1);
    }
  });

  it('a staff member without a code opens 我的导购码 on five devices at once: one code, the same for all (10 rounds)', async () => {
    for (let round = 0; round < 10; round++) {
      const openid = `advisor-race-${round}-${Date.now()}`;
      await use()
        .kysely.insertInto('staff')
        .values({ store_id: 'demo', openid, role: 'staff', shop_id: 'shop-xuhui' })
        .execute();
      const codes = await Promise.all(
        Array.from({ length: 5 }, () =>
          callAction(use(), 'shop.myAdvisorCode', {}, { openid }).then((r) => okData(r).code),
        ),
      );
      expect(new Set(codes).size).toBe(1);
      const row = await use()
        .kysely.selectFrom('staff')
        .select('code')
        .where('openid', '=', openid)
        .executeTakeFirstOrThrow();
      expect(row.code).toBe(codes[0]);
    }
  });

  it(`an advisor-code scan racing the advisor's revocation never leaves the member with the revoked advisor (${ROUNDS} rounds)`, async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const advisor = await makeAdvisor(use());
      const code = (
        await use().kysely.selectFrom('staff').select('code').where('openid', '=', advisor).executeTakeFirstOrThrow()
      ).code!;
      const v = await makeMember(use());
      const [scanned, revoked] = await Promise.all([
        scan(use(), v.openid, { advisorCode: code }, T0),
        callAction(
          use(),
          'manager.revokeStaff',
          { openid: advisor },
          { openid: 'demo-manager', now: T0, idempotencyKey: newKey() },
        ),
      ]);
      expect(revoked.ok).toBe(true);
      const rows = await welcomeRowsOf(use(), v.id);
      // Either the scan came first (bound, then handed back to the pool) or the code was already dead.
      expect(rows.advisors.every((a) => a.advisor_openid === null)).toBe(true);
      if (scanned.ok) expect(rows.advisors).toHaveLength(1);
      else expect([scanned.error.code, rows.advisors.length, rows.gifts.length]).toEqual(['ADVISOR_NOT_FOUND', 0, 0]);
      outcomes.add(scanned.ok ? 'bound-then-handed-back' : 'refused');
    }
    console.log(`[shop] scan vs revocation outcomes over ${ROUNDS} rounds: ${[...outcomes].join(', ')}`);
  });
});
