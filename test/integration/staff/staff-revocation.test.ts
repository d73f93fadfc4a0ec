import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { callAction, okData } from '../../support/call';
import { describeEachDatabase, describeOnPostgres, tableCounts } from '../../support/databases';
import { after, errorOf, key, MANAGER, newOpenid, NOW } from './staff-factory';

function invite(db: Db, by: string, role: 'staff' | 'manager' = 'staff', now = NOW) {
  return callAction(db, 'manager.createStaffInvite', { role }, { openid: by, now, idempotencyKey: key() });
}
function bind(db: Db, openid: string, inviteToken: string, now: Date) {
  return callAction(db, 'staff.bind', { inviteToken }, { openid, now, idempotencyKey: key() });
}
function revoke(db: Db, openid: string, now: Date) {
  return callAction(db, 'manager.revokeStaff', { openid }, { openid: MANAGER, now, idempotencyKey: key() });
}
function staffRow(db: Db, openid: string) {
  return db.kysely.selectFrom('staff').selectAll().where('openid', '=', openid).executeTakeFirst();
}
function auditOf(db: Db, action: string, who: string, revoked?: string) {
  let q = db.kysely
    .selectFrom('audit_log')
    .select(['id', 'detail'])
    .where('action', '=', action)
    .where('who', '=', who);
  if (revoked) q = q.where(sql<boolean>`detail->>'openid' = ${revoked}`);
  return q.executeTakeFirstOrThrow();
}
/** A member row exists before the snapshot, so a refused call has nothing of its own to create. */
async function knownMember(db: Db, openid = newOpenid()) {
  okData(await callAction(db, 'member.me', {}, { openid, now: NOW }));
  return openid;
}
/** A second manager, bound through an invite of the seeded one. */
async function makeManager(db: Db, now = NOW) {
  const m = await knownMember(db);
  okData(await bind(db, m, okData(await invite(db, MANAGER, 'manager', now)).token, now));
  return m;
}

describeEachDatabase('a revoked manager cannot come back through their own invites', (use) => {
  it('the revoked manager binding an invite they made before the revocation is refused, and writes nothing', async () => {
    const m = await makeManager(use());
    const own = okData(await invite(use(), m, 'manager', after(10)));
    okData(await revoke(use(), m, after(20)));
    const before = await tableCounts(use());
    const refused = await bind(use(), m, own.token, after(30));
    expect(errorOf(refused)).toBe('STAFF_INVITE_INVALID');
    expect(await tableCounts(use())).toEqual(before);
    expect((await staffRow(use(), m))!.revoked_at).not.toBeNull();
    expect(errorOf(await callAction(use(), 'staff.session', {}, { openid: m, now: after(31) }))).toBe('FORBIDDEN');
  });

  it('a stranger given that invite is refused too: no staff row is created', async () => {
    const m = await makeManager(use());
    const handed = okData(await invite(use(), m, 'staff', after(10)));
    okData(await revoke(use(), m, after(20)));
    const stranger = await knownMember(use());
    const before = await tableCounts(use());
    expect(errorOf(await bind(use(), stranger, handed.token, after(30)))).toBe('STAFF_INVITE_INVALID');
    expect(await tableCounts(use())).toEqual(before);
    expect(await staffRow(use(), stranger)).toBeUndefined();
  });

  it("the revoked manager's open invites show as revoked; a used one stays used, other managers' stay open", async () => {
    const m = await makeManager(use());
    const open1 = okData(await invite(use(), m, 'staff', after(10)));
    const open2 = okData(await invite(use(), m, 'manager', after(11)));
    const used = okData(await invite(use(), m, 'staff', after(12)));
    const helper = newOpenid();
    okData(await bind(use(), helper, used.token, after(13)));
    const others = okData(await invite(use(), MANAGER, 'staff', after(14)));
    okData(await revoke(use(), m, after(20)));
    const { invites } = okData(await callAction(use(), 'manager.listStaff', {}, { openid: MANAGER, now: after(21) }));
    const status = (id: string) => invites.find((i) => i.inviteId === id)?.status;
    expect([status(open1.inviteId), status(open2.inviteId)]).toEqual(['revoked', 'revoked']);
    expect(status(used.inviteId)).toBe('used');
    expect(status(others.inviteId)).toBe('open');
    // Staff the revoked manager bound before the revocation keep their role.
    expect(okData(await callAction(use(), 'staff.session', {}, { openid: helper, now: after(22) })).role).toBe('staff');
  });

  it('a revoked member comes back only through an invite an active manager made after the revocation', async () => {
    const x = await knownMember(use());
    okData(await bind(use(), x, okData(await invite(use(), MANAGER, 'staff', after(1))).token, after(2)));
    const leftover = okData(await invite(use(), MANAGER, 'staff', after(3)));
    okData(await revoke(use(), x, after(10)));
    const before = await tableCounts(use());
    // An invite older than the revocation (one the member kept) does not undo it.
    expect(errorOf(await bind(use(), x, leftover.token, after(20)))).toBe('STAFF_INVITE_INVALID');
    expect(await tableCounts(use())).toEqual(before);
    expect((await staffRow(use(), x))!.revoked_at).not.toBeNull();

    const fresh = okData(await invite(use(), MANAGER, 'staff', after(30)));
    expect(okData(await bind(use(), x, fresh.token, after(31)))).toEqual({ role: 'staff', storeId: 'demo' });
    const row = (await staffRow(use(), x))!;
    expect(row).toMatchObject({ revoked_at: null, revoked_by: null, invited_by: MANAGER, role: 'staff' });
    expect(await tableCounts(use())).toEqual({ ...before, idempotency_keys: before.idempotency_keys! + 2 });
    expect(okData(await callAction(use(), 'staff.session', {}, { openid: x, now: after(32) })).role).toBe('staff');
  });
});

describeOnPostgres('revoking a manager racing a bind of their invite', (use) => {
  const ROUNDS = 20;
  it(`${ROUNDS} rounds: the invitee is bound only if the bind came first, and is never left active through a voided invite`, async () => {
    const tally = { boundFirst: 0, refused: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const m = await makeManager(use());
      const inv = okData(await invite(use(), m, 'staff', after(10)));
      const invitee = await knownMember(use());
      // Stagger the starts so either side reaches M's staff row first.
      const stagger = <T>(fn: () => Promise<T>) => new Promise((r) => setTimeout(r, Math.random() * 20)).then(fn);
      const [bound, revoked] = await Promise.all([
        stagger(() => bind(use(), invitee, inv.token, after(20))),
        stagger(() => revoke(use(), m, after(20))),
      ]);
      expect(revoked.ok).toBe(true);
      const row = await staffRow(use(), invitee);
      const stored = await use()
        .kysely.selectFrom('staff_invites')
        .selectAll()
        .where('id', '=', inv.inviteId)
        .executeTakeFirstOrThrow();
      if (bound.ok) {
        // The bind committed before the revocation touched M's row: the invite is used, not voided.
        tally.boundFirst++;
        expect(row).toMatchObject({ revoked_at: null, invited_by: m });
        expect(stored).toMatchObject({ used_by: invitee, revoked_at: null });
        // Serial ids are drawn in statement order: the bind wrote its audit row before the
        // revocation wrote its own, i.e. the revocation waited for the bind on M's row.
        const [bindAudit, revokeAudit] = await Promise.all([
          auditOf(use(), 'staff.bind', invitee),
          auditOf(use(), 'manager.revokeStaff', MANAGER, m),
        ]);
        expect(Number(bindAudit.id)).toBeLessThan(Number(revokeAudit.id));
      } else {
        tally.refused++;
        expect(errorOf(bound)).toBe('STAFF_INVITE_INVALID');
        expect(row).toBeUndefined();
        expect(stored.used_at).toBeNull();
        expect(stored.revoked_at).not.toBeNull();
      }
    }
    console.info(`revocation racing a bind, ${ROUNDS} rounds:`, tally);
    // Both orders happened, so both branches above were checked.
    expect(tally.boundFirst).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(0);
  }, 120_000);
});
