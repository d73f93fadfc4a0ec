import { expect, it } from 'vitest';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { callAction, okData } from '../../support/call';
import { describeEachDatabase, describeOnPostgres } from '../../support/databases';
import { bindingOf, JINGAN, makeAdvisor, makeCustomer, makeMember, XUHUI } from '../advisor/advisor-factory';
import { scan } from '../shop/shop-factory';
import { after, auditRows, errorOf, key, MANAGER, newOpenid, NOW } from './staff-factory';

/** Staff who join by invite serve a shop: the invite names it, or 分配门店 (manager.setStaffShop) sets it. */

function invite(db: Db, data: { role: 'staff' | 'manager'; shopId?: string }, now = NOW) {
  return callAction(db, 'manager.createStaffInvite', data, { openid: MANAGER, now, idempotencyKey: key() });
}
function bind(db: Db, openid: string, inviteToken: string, now = after(60)) {
  return callAction(db, 'staff.bind', { inviteToken }, { openid, now, idempotencyKey: key() });
}
function setShop(db: Db, openid: string, shopId: string, idempotencyKey = key(), now = after(120)) {
  return callAction(db, 'manager.setStaffShop', { openid, shopId }, { openid: MANAGER, now, idempotencyKey });
}
function staffRow(db: Db, openid: string) {
  return db.kysely.selectFrom('staff').selectAll().where('openid', '=', openid).executeTakeFirstOrThrow();
}
async function advisorCodeOf(db: Db, openid: string) {
  return okData(await callAction(db, 'shop.myAdvisorCode', {}, { openid, now: after(90) }));
}
/** What setStaffShop could write: staff rows, bindings, audit rows, invites. */
async function writes(db: Db) {
  const [staff, bindings, audit, invites] = await Promise.all([
    db.kysely.selectFrom('staff').selectAll().orderBy('openid').execute(),
    db.kysely.selectFrom('member_advisors').selectAll().orderBy('member_id').execute(),
    db.kysely.selectFrom('audit_log').select('id').execute(),
    db.kysely.selectFrom('staff_invites').select('id').execute(),
  ]);
  return { staff, bindings, audit: audit.length, invites: invites.length };
}

describeEachDatabase('staff placed in shops', (use) => {
  it('an invite naming 徐汇: the new staff member serves 徐汇 and their advisor code binds a visitor there', async () => {
    const inv = okData(await invite(use(), { role: 'staff', shopId: XUHUI }));
    const alice = newOpenid();
    expect(okData(await bind(use(), alice, inv.token))).toEqual({ role: 'staff', storeId: 'demo' });
    expect((await staffRow(use(), alice)).shop_id).toBe(XUHUI);
    const listed = okData(await callAction(use(), 'manager.listStaff', {}, { openid: MANAGER, now: after(61) }));
    expect(listed.staff.find((s) => s.openid === alice)).toMatchObject({
      shopId: XUHUI,
      shopName: '青禾 徐汇美罗城店',
    });
    expect(listed.invites.find((i) => i.inviteId === inv.inviteId)).toMatchObject({
      status: 'used',
      shopId: XUHUI,
      shopName: '青禾 徐汇美罗城店',
    });
    expect(listed.shops.map((s) => s.shopId)).toEqual([JINGAN, XUHUI]);
    expect((await auditRows(use(), 'staff.bind')).find((r) => r.who === alice)!.detail).toMatchObject({
      shopId: XUHUI,
    });

    const code = await advisorCodeOf(use(), alice);
    expect(code.shop).toEqual({ shopId: XUHUI, name: '青禾 徐汇美罗城店' });
    const visitor = await makeMember(use());
    const welcomed = okData(await scan(use(), visitor.openid, { scene: code.scene }, after(100)));
    expect(welcomed).toMatchObject({ shop: { shopId: XUHUI }, scanned: 'advisor', binding: 'bound' });
    expect(await bindingOf(use(), visitor.memberId)).toMatchObject({ shop_id: XUHUI, advisor_openid: alice });
  });

  it("an invite naming an unknown, closed or other store's shop is SHOP_NOT_FOUND and writes nothing", async () => {
    await use().kysely.updateTable('shops').set({ active: false }).where('id', '=', XUHUI).execute();
    try {
      const before = await writes(use());
      expect(errorOf(await invite(use(), { role: 'staff', shopId: 'shop-nowhere' }))).toBe('SHOP_NOT_FOUND');
      expect(errorOf(await invite(use(), { role: 'manager', shopId: XUHUI }))).toBe('SHOP_NOT_FOUND');
      expect(await writes(use())).toEqual(before);
    } finally {
      await use().kysely.updateTable('shops').set({ active: true }).where('id', '=', XUHUI).execute();
    }
  });

  it('an invite without a shop: the code is refused until 分配门店 places them, then it binds', async () => {
    const inv = okData(await invite(use(), { role: 'staff' }));
    const bob = newOpenid();
    okData(await bind(use(), bob, inv.token));
    expect((await staffRow(use(), bob)).shop_id).toBeNull();
    const { code } = await advisorCodeOf(use(), bob);
    const visitor = await makeMember(use());
    expect(errorOf(await scan(use(), visitor.openid, { advisorCode: code }, after(100)))).toBe('ADVISOR_NOT_FOUND');
    expect(okData(await setShop(use(), bob, JINGAN))).toEqual({
      openid: bob,
      shopId: JINGAN,
      previousShopId: null,
      changed: true,
      handedBack: 0,
    });
    expect(okData(await scan(use(), visitor.openid, { advisorCode: code }, after(130)))).toMatchObject({
      shop: { shopId: JINGAN },
      binding: 'bound',
    });
    expect(await bindingOf(use(), visitor.memberId)).toMatchObject({ shop_id: JINGAN, advisor_openid: bob });
  });

  it('a revoked staff member re-invited without a shop keeps theirs; an invite naming one moves them', async () => {
    const carol = newOpenid();
    okData(await bind(use(), carol, okData(await invite(use(), { role: 'staff', shopId: XUHUI })).token));
    okData(
      await callAction(
        use(),
        'manager.revokeStaff',
        { openid: carol },
        { openid: MANAGER, now: after(70), idempotencyKey: key() },
      ),
    );
    okData(await bind(use(), carol, okData(await invite(use(), { role: 'staff' }, after(75))).token, after(80)));
    expect(await staffRow(use(), carol)).toMatchObject({ shop_id: XUHUI, revoked_at: null });
    okData(
      await callAction(
        use(),
        'manager.revokeStaff',
        { openid: carol },
        { openid: MANAGER, now: after(85), idempotencyKey: key() },
      ),
    );
    okData(
      await bind(
        use(),
        carol,
        okData(await invite(use(), { role: 'staff', shopId: JINGAN }, after(87))).token,
        after(90),
      ),
    );
    expect((await staffRow(use(), carol)).shop_id).toBe(JINGAN);
  });

  it("moving an advisor hands the customers they served back to the OLD shop's pool, audited; a replay answers the same", async () => {
    const adv = await makeAdvisor(use(), { shopId: JINGAN });
    const other = await makeAdvisor(use(), { shopId: JINGAN });
    const served = await Promise.all([1, 2, 3].map(() => makeCustomer(use(), adv)));
    const pooled = await makeCustomer(use(), null);
    const kept = await makeCustomer(use(), other);
    const k = key();
    const moved = okData(await setShop(use(), adv, XUHUI, k));
    expect(moved).toEqual({ openid: adv, shopId: XUHUI, previousShopId: JINGAN, changed: true, handedBack: 3 });
    expect(okData(await setShop(use(), adv, XUHUI, k))).toEqual(moved);
    for (const m of served)
      expect(await bindingOf(use(), m.memberId)).toMatchObject({
        shop_id: JINGAN,
        advisor_openid: null,
        updated_by: MANAGER,
      });
    expect(await bindingOf(use(), pooled.memberId)).toMatchObject({
      shop_id: JINGAN,
      advisor_openid: null,
      updated_by: null,
    });
    expect(await bindingOf(use(), kept.memberId)).toMatchObject({ shop_id: JINGAN, advisor_openid: other });
    expect((await staffRow(use(), adv)).shop_id).toBe(XUHUI);

    const audit = (await auditRows(use(), 'manager.setStaffShop')).filter(
      (r) => (r.detail as { openid?: string }).openid === adv,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      who: MANAGER,
      role: 'manager',
      detail: { openid: adv, shopId: XUHUI, result: { previousShopId: JINGAN, changed: true, handedBack: 3 } },
    });
    const handBacks = (await auditRows(use(), 'advisor.handBack')).filter(
      (r) => (r.detail as { fromAdvisorOpenid?: string }).fromAdvisorOpenid === adv,
    );
    expect(handBacks.map((r) => r.member_id).sort()).toEqual(served.map((m) => m.memberId).sort());

    // Now of 徐汇: a 静安 member cannot be reassigned to them; moving back to 静安 makes it possible.
    const reassign = () =>
      callAction(
        use(),
        'manager.reassignAdvisor',
        { memberId: pooled.memberId, advisorOpenid: adv },
        { openid: MANAGER, now: after(200), idempotencyKey: key() },
      );
    expect(errorOf(await reassign())).toBe('ADVISOR_OTHER_SHOP');
    expect(okData(await setShop(use(), adv, JINGAN))).toMatchObject({
      previousShopId: XUHUI,
      changed: true,
      handedBack: 0,
    });
    expect(okData(await reassign())).toMatchObject({ shopId: JINGAN, advisorOpenid: adv });
  });

  it('unknown or revoked staff, unknown or closed shops are refused and write nothing; the same shop changes nothing', async () => {
    const adv = await makeAdvisor(use(), { shopId: JINGAN });
    const m = await makeCustomer(use(), adv);
    const gone = await makeAdvisor(use(), { shopId: JINGAN });
    okData(
      await callAction(
        use(),
        'manager.revokeStaff',
        { openid: gone },
        { openid: MANAGER, now: after(10), idempotencyKey: key() },
      ),
    );
    await use().kysely.updateTable('shops').set({ active: false }).where('id', '=', XUHUI).execute();
    try {
      const before = await writes(use());
      expect(errorOf(await setShop(use(), 'no-such-staff', JINGAN))).toBe('STAFF_NOT_FOUND');
      expect(errorOf(await setShop(use(), gone, JINGAN))).toBe('STAFF_NOT_FOUND');
      expect(errorOf(await setShop(use(), adv, 'shop-nowhere'))).toBe('SHOP_NOT_FOUND');
      expect(errorOf(await setShop(use(), adv, XUHUI))).toBe('SHOP_NOT_FOUND');
      expect(await writes(use())).toEqual(before);
      // The same shop: ok, nothing moves (the dispatcher's audit row records the call, changed: false).
      expect(okData(await setShop(use(), adv, JINGAN))).toEqual({
        openid: adv,
        shopId: JINGAN,
        previousShopId: JINGAN,
        changed: false,
        handedBack: 0,
      });
      const afterSame = await writes(use());
      expect({ staff: afterSame.staff, bindings: afterSame.bindings }).toEqual({
        staff: before.staff,
        bindings: before.bindings,
      });
      expect(await bindingOf(use(), m.memberId)).toMatchObject({ shop_id: JINGAN, advisor_openid: adv });
    } finally {
      await use().kysely.updateTable('shops').set({ active: true }).where('id', '=', XUHUI).execute();
    }
  });
});

describeOnPostgres('a shop-naming invite under concurrency', (use) => {
  it('ten members opening one 徐汇 invite at once: exactly one becomes staff, of 徐汇', async () => {
    const inv = okData(await invite(use(), { role: 'staff', shopId: XUHUI }));
    const people = Array.from({ length: 10 }, newOpenid);
    const results = await Promise.all(people.map((p) => bind(use(), p, inv.token)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => errorOf(r) === 'STAFF_INVITE_USED')).toHaveLength(9);
    const rows = await use().kysely.selectFrom('staff').selectAll().where('openid', 'in', people).execute();
    expect(rows.map((r) => r.shop_id)).toEqual([XUHUI]);
  });
});
