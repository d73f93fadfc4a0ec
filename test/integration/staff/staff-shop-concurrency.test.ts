import { expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { callAction } from '../../support/call';
import { describeOnPostgres } from '../../support/databases';
import { JINGAN, key, makeAdvisor, makeCustomer, makeMember, MANAGER, NOW, XUHUI } from '../advisor/advisor-factory';
import { scan } from '../shop/shop-factory';

type Outcome = { kind: 'move' | 'reassign' | 'scan'; ok: boolean; data?: unknown; error?: { code: string } };

/** Every given member's binding with its advisor's current shop and revocation. */
function bindingsWithAdvisorShop(db: Db, memberIds: string[]) {
  return db.kysely
    .selectFrom('member_advisors as ma')
    .leftJoin('staff as s', (j) =>
      j.onRef('s.store_id', '=', 'ma.store_id').onRef('s.openid', '=', 'ma.advisor_openid'),
    )
    .select(['ma.member_id', 'ma.shop_id', 'ma.advisor_openid', 's.shop_id as advisor_shop_id', 's.revoked_at'])
    .where('ma.member_id', 'in', memberIds)
    .execute();
}

describeOnPostgres('manager.setStaffShop racing reassignments and advisor-code scans', (use) => {
  const ROUNDS = 25;
  it(`${ROUNDS} rounds: every member ends with an active advisor of their own shop, or the pool`, async () => {
    const tally = {
      moved: 0,
      handedBack: 0,
      reassigned: 0,
      reassignedIntoNewShop: 0,
      otherShop: 0,
      scanned: 0,
      scanRefused: 0,
    };
    const SERVED_BEFORE = 2;
    for (let round = 0; round < ROUNDS; round++) {
      // a moves 静安 → 徐汇 (every other round, 徐汇 → 静安) while members of both shops are reassigned to a.
      const [from, to] = round % 2 === 0 ? [JINGAN, XUHUI] : [XUHUI, JINGAN];
      const a = await makeAdvisor(use(), { shopId: from });
      const b = await makeAdvisor(use(), { shopId: from });
      const { code } = await use()
        .kysely.selectFrom('staff')
        .select('code')
        .where('openid', '=', a)
        .executeTakeFirstOrThrow();
      const members = [
        ...(await Promise.all([1, 2, 3].map(() => makeCustomer(use(), null, { shopId: from })))),
        ...(await Promise.all([1, 2].map(() => makeCustomer(use(), b, { shopId: from })))),
        ...(await Promise.all(Array.from({ length: SERVED_BEFORE }, () => makeCustomer(use(), a, { shopId: from })))),
        ...(await Promise.all([1, 2].map(() => makeCustomer(use(), null, { shopId: to })))),
      ];
      const visitors = await Promise.all([1, 2, 3].map(() => makeMember(use())));
      const asManager = (name: 'manager.setStaffShop' | 'manager.reassignAdvisor', data: Record<string, unknown>) =>
        callAction(use(), name, data as never, { openid: MANAGER, now: NOW, idempotencyKey: key() });
      const calls: Array<() => Promise<Outcome>> = [
        () =>
          asManager('manager.setStaffShop', { openid: a, shopId: to }).then((r) => ({ ...r, kind: 'move' as const })),
        ...members.map(
          (m) => () =>
            asManager('manager.reassignAdvisor', { memberId: m.memberId, advisorOpenid: a }).then((r) => ({
              ...r,
              kind: 'reassign' as const,
            })),
        ),
        ...visitors.map(
          (v) => () =>
            scan(use(), v.openid, { advisorCode: code! }, NOW).then((r) => ({ ...r, kind: 'scan' as const })),
        ),
      ];
      // Shuffle the start order and stagger the starts by up to 60 ms, so either side reaches the staff row first.
      const stagger = (c: () => Promise<Outcome>) => new Promise((r) => setTimeout(r, Math.random() * 60)).then(c);
      const results = await Promise.all(calls.sort(() => Math.random() - 0.5).map(stagger));
      const inNewShop = new Set(members.slice(-2).map((m) => m.memberId));
      for (const r of results) {
        if (r.kind === 'move') {
          expect(r.ok).toBe(true);
          tally.moved++;
          tally.handedBack += (r.data as { handedBack: number }).handedBack;
        } else if (r.kind === 'reassign') {
          if (r.ok) {
            tally.reassigned++;
            if (inNewShop.has((r.data as { memberId: string }).memberId)) tally.reassignedIntoNewShop++;
          } else (expect(r.error!.code).toBe('ADVISOR_OTHER_SHOP'), tally.otherShop++);
        } else if (r.ok) tally.scanned++;
        else (expect(r.error!.code).toBe('ADVISOR_NOT_FOUND'), tally.scanRefused++);
      }
      const everyone = [...members, ...visitors].map((m) => m.memberId);
      const rows = await bindingsWithAdvisorShop(use(), everyone);
      // Members always have a binding; a visitor has one unless their scan was refused.
      expect(rows.length).toBe(members.length + results.filter((r) => r.kind === 'scan' && r.ok).length);
      for (const row of rows) {
        if (row.advisor_openid === null) continue;
        expect(row.revoked_at).toBeNull();
        expect({ member: row.member_id, advisorShop: row.advisor_shop_id }).toEqual({
          member: row.member_id,
          advisorShop: row.shop_id,
        });
      }
      expect(
        (await use().kysely.selectFrom('staff').select('shop_id').where('openid', '=', a).executeTakeFirstOrThrow())
          .shop_id,
      ).toBe(to);
    }
    const { rows: audit } = await sql<{ action: string; n: number }>`
      select action, count(*)::int as n from audit_log
      where action in ('manager.setStaffShop', 'manager.reassignAdvisor', 'advisor.handBack') group by action`.execute(
      use().kysely,
    );
    const counts = Object.fromEntries(audit.map((r) => [r.action, Number(r.n)]));
    expect(counts['manager.setStaffShop']).toBe(tally.moved);
    expect(counts['manager.reassignAdvisor']).toBe(tally.reassigned);
    expect(counts['advisor.handBack'] ?? 0).toBe(tally.handedBack);
    // Both orders happened: reassignments that committed first were handed back by the move (more than
    // a's own customers), and reassignments into the new shop that came second found a already there.
    console.info(`setStaffShop race, ${ROUNDS} rounds:`, tally);
    expect(tally.handedBack).toBeGreaterThan(SERVED_BEFORE * ROUNDS);
    expect(tally.reassignedIntoNewShop).toBeGreaterThan(0);
    expect(tally.otherShop).toBeGreaterThan(0);
  }, 180_000);
});
