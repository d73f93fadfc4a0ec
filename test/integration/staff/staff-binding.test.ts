import { expect, it } from 'vitest';
import { callAction, okData } from '../../support/call';
import { describeEachDatabase, describeOnPostgres } from '../../support/databases';
import { after, auditRows, errorOf, key, MANAGER, newOpenid, NOW, STAFF } from './staff-factory';

function invite(db: Parameters<typeof callAction>[0], role: 'staff' | 'manager' = 'staff', now = NOW) {
  return callAction(db, 'manager.createStaffInvite', { role }, { openid: MANAGER, now, idempotencyKey: key() });
}
function bind(db: Parameters<typeof callAction>[0], openid: string, inviteToken: string, now: Date) {
  return callAction(db, 'staff.bind', { inviteToken }, { openid, now, idempotencyKey: key() });
}

describeEachDatabase('staff binding by one-time invite', (use) => {
  it('a member opening the invite becomes staff; the link then refuses anyone else', async () => {
    const inv = okData(await invite(use()));
    expect(inv.path).toBe(`/packages/staff/bind?token=${inv.token}`);
    expect(inv.scene.length).toBeLessThanOrEqual(32);
    expect(inv.qrImage).toMatch(/^data:image\//);
    const alice = newOpenid();
    expect(errorOf(await callAction(use(), 'staff.session', {}, { openid: alice, now: NOW }))).toBe('FORBIDDEN');
    expect(okData(await bind(use(), alice, inv.token, after(60)))).toEqual({ role: 'staff', storeId: 'demo' });
    expect(okData(await callAction(use(), 'staff.session', {}, { openid: alice, now: after(61) })).role).toBe('staff');
    expect(errorOf(await bind(use(), newOpenid(), inv.token, after(62)))).toBe('STAFF_INVITE_USED');
    const listed = okData(await callAction(use(), 'manager.listStaff', {}, { openid: MANAGER, now: after(63) }));
    expect(listed.staff.map((s) => s.openid)).toContain(alice);
    expect(listed.invites.find((i) => i.inviteId === inv.inviteId)).toMatchObject({ status: 'used', usedBy: alice });
    const bound = (await auditRows(use(), 'staff.bind')).filter((r) => r.who === alice);
    expect(bound).toHaveLength(1);
    expect(JSON.stringify(bound[0]!.detail)).not.toContain(inv.token);
    // The token itself is never stored, only its hash.
    const stored = await use()
      .kysely.selectFrom('staff_invites')
      .selectAll()
      .where('id', '=', inv.inviteId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(inv.token);
  });

  it('an invite expires after 24 hours; a garbage token is STAFF_INVITE_INVALID', async () => {
    const inv = okData(await invite(use()));
    const bob = newOpenid();
    expect(errorOf(await bind(use(), bob, inv.token, after(24 * 3600)))).toBe('STAFF_INVITE_EXPIRED');
    expect(errorOf(await bind(use(), bob, 'x'.repeat(24), after(1)))).toBe('STAFF_INVITE_INVALID');
    expect(errorOf(await callAction(use(), 'staff.session', {}, { openid: bob }))).toBe('FORBIDDEN');
  });

  it('a revoked invite cannot be used; a manager invite makes a manager', async () => {
    const inv = okData(await invite(use()));
    okData(
      await callAction(
        use(),
        'manager.revokeStaffInvite',
        { inviteId: inv.inviteId },
        { openid: MANAGER, now: after(1), idempotencyKey: key() },
      ),
    );
    expect(errorOf(await bind(use(), newOpenid(), inv.token, after(2)))).toBe('STAFF_INVITE_INVALID');
    const boss = okData(await invite(use(), 'manager'));
    const carol = newOpenid();
    expect(okData(await bind(use(), carol, boss.token, after(3))).role).toBe('manager');
    expect(
      okData(await callAction(use(), 'manager.listAudit', {}, { openid: carol, now: after(4) })).items.length,
    ).toBeGreaterThan(0);
  });

  it('a revoked staff member is refused at once; a manager cannot revoke themself', async () => {
    const inv = okData(await invite(use()));
    const dave = newOpenid();
    okData(await bind(use(), dave, inv.token, after(1)));
    okData(
      await callAction(
        use(),
        'manager.revokeStaff',
        { openid: dave },
        { openid: MANAGER, now: after(2), idempotencyKey: key() },
      ),
    );
    expect(errorOf(await callAction(use(), 'staff.session', {}, { openid: dave, now: after(3) }))).toBe('FORBIDDEN');
    expect(
      errorOf(
        await callAction(
          use(),
          'manager.revokeStaff',
          { openid: dave },
          { openid: MANAGER, now: after(4), idempotencyKey: key() },
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(
      errorOf(
        await callAction(use(), 'manager.revokeStaff', { openid: MANAGER }, { openid: MANAGER, idempotencyKey: key() }),
      ),
    ).toBe('FORBIDDEN');
    expect(okData(await callAction(use(), 'staff.session', {}, { openid: STAFF })).role).toBe('staff');
    const revoked = (await auditRows(use(), 'manager.revokeStaff')).filter(
      (r) => (r.detail as { openid?: string }).openid === dave,
    );
    expect(revoked).toHaveLength(1);
    expect(revoked[0]).toMatchObject({ who: MANAGER, role: 'manager' });
  });
});

describeOnPostgres('staff invite under concurrency', (use) => {
  it('ten members opening one invite at once: exactly one becomes staff', async () => {
    const inv = okData(await invite(use()));
    const people = Array.from({ length: 10 }, newOpenid);
    const results = await Promise.all(people.map((p) => bind(use(), p, inv.token, after(5))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => errorOf(r) === 'STAFF_INVITE_USED')).toHaveLength(9);
    const rows = await use().kysely.selectFrom('staff').selectAll().where('openid', 'in', people).execute();
    expect(rows).toHaveLength(1);
  });
});
