import { expect, it } from 'vitest';
import { callAction, okData } from '../../support/call';
import { describeEachDatabase, describeOnPostgres } from '../../support/databases';
import { makeTemplate } from '../coupon/coupon-factory';
import { makePaidOrder, setStock } from '../order/order-factory';
import {
  after,
  asStaff,
  auditRows,
  errorOf,
  key,
  makeOtherStore,
  MANAGER,
  memberWithCode,
  newOpenid,
  NOW,
  receipt,
  STAFF,
} from './staff-factory';

async function pointsOf(db: import('../../../cloudfunctions/core/db/db').Db, memberId: string) {
  return (
    await db.kysely.selectFrom('members').select('points_balance').where('id', '=', memberId).executeTakeFirstOrThrow()
  ).points_balance;
}

describeEachDatabase('staff counter: member codes', (use) => {
  it('a scan shows the member; scanning the same code again is MEMBER_CODE_USED', async () => {
    const m = await memberWithCode(use());
    const panel = okData(await asStaff(use(), 'staff.scanMemberCode', { code: m.code }, after(2)));
    expect(panel).toMatchObject({ memberId: m.memberId, tier: { code: expect.any(String), name: expect.any(String) } });
    expect(errorOf(await asStaff(use(), 'staff.scanMemberCode', { code: m.code }, after(3)))).toBe('MEMBER_CODE_USED');
    // Another counter cannot act on it either.
    expect(
      errorOf(
        await asStaff(
          use(),
          'staff.awardPoints',
          { code: m.code, amountFen: 1000, receiptNo: receipt() },
          after(4),
          MANAGER,
        ),
      ),
    ).toBe('MEMBER_CODE_USED');
  });

  it('a code 61 s old is MEMBER_CODE_EXPIRED and is not spent', async () => {
    const m = await memberWithCode(use());
    expect(errorOf(await asStaff(use(), 'staff.scanMemberCode', { code: m.code }, after(61)))).toBe(
      'MEMBER_CODE_EXPIRED',
    );
    expect(
      await use().kysely.selectFrom('member_code_uses').selectAll().where('member_id', '=', m.memberId).execute(),
    ).toHaveLength(0);
  });

  it('a forged MAC is MEMBER_CODE_INVALID', async () => {
    const m = await memberWithCode(use());
    const last = m.code.at(-1) === 'A' ? 'B' : 'A';
    const forged = m.code.slice(0, -1) + last;
    expect(errorOf(await asStaff(use(), 'staff.scanMemberCode', { code: forged }, after(1)))).toBe(
      'MEMBER_CODE_INVALID',
    );
    expect(
      errorOf(
        await asStaff(use(), 'staff.awardPoints', { code: forged, amountFen: 100, receiptNo: receipt() }, after(1)),
      ),
    ).toBe('MEMBER_CODE_INVALID');
  });

  it("another store's member is MEMBER_CODE_INVALID at this store's counter", async () => {
    const other = await makeOtherStore(use());
    const m = await memberWithCode(use(), NOW, other);
    expect(errorOf(await asStaff(use(), 'staff.scanMemberCode', { code: m.code }, after(1)))).toBe(
      'MEMBER_CODE_INVALID',
    );
    expect(
      errorOf(
        await asStaff(use(), 'staff.awardPoints', { code: m.code, amountFen: 100, receiptNo: receipt() }, after(1)),
      ),
    ).toBe('MEMBER_CODE_INVALID');
  });
});

describeEachDatabase('staff counter: points, coupons, pickup, audit', (use) => {
  it('awards ¥88.00 as 88 points once per receipt; the member sees it in 积分明细', async () => {
    const m = await memberWithCode(use());
    okData(await asStaff(use(), 'staff.scanMemberCode', { code: m.code }, after(1)));
    const no = receipt();
    // Typing the receipt takes a while: the scanning counter may still act after the code's 60 s.
    const award = okData(
      await asStaff(use(), 'staff.awardPoints', { code: m.code, amountFen: 8800, receiptNo: no }, after(300)),
    );
    expect(award).toMatchObject({ pointsAwarded: 88, memberId: m.memberId, balance: 88 });
    const m2 = await memberWithCode(use(), after(400));
    const again = await asStaff(
      use(),
      'staff.awardPoints',
      { code: m2.code, amountFen: 8800, receiptNo: no },
      after(401),
    );
    expect(errorOf(again)).toBe('RECEIPT_ALREADY_AWARDED');
    expect(await pointsOf(use(), m.memberId)).toBe(88);
    expect(await pointsOf(use(), m2.memberId)).toBe(0);
    // The refused award did not burn the second member's code.
    expect(
      await use().kysely.selectFrom('member_code_uses').selectAll().where('member_id', '=', m2.memberId).execute(),
    ).toHaveLength(0);
    const history = okData(await callAction(use(), 'member.pointsHistory', {}, { openid: m.openid, now: after(500) }));
    expect(history.items[0]).toMatchObject({ delta: 88, reason: 'award' });
    const rows = (await auditRows(use(), 'staff.awardPoints')).filter((r) => r.member_id === m.memberId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ who: STAFF, role: 'staff', amount_fen: 8800 });
    expect(JSON.stringify(rows[0]!.detail)).not.toContain(m.code);
  });

  it('replaying the same award (same idempotency key) answers the first result and credits once', async () => {
    const m = await memberWithCode(use());
    const k = key();
    const input = { code: m.code, amountFen: 12_345, receiptNo: receipt() };
    const first = await callAction(use(), 'staff.awardPoints', input, {
      openid: STAFF,
      now: after(1),
      idempotencyKey: k,
    });
    const second = await callAction(use(), 'staff.awardPoints', input, {
      openid: STAFF,
      now: after(2),
      idempotencyKey: k,
    });
    expect(second).toEqual(first);
    expect(await pointsOf(use(), m.memberId)).toBe(123);
    expect((await auditRows(use(), 'staff.awardPoints')).filter((r) => r.member_id === m.memberId)).toHaveLength(1);
  });

  it('redeems a usable coupon once at the counter; another member cannot redeem it', async () => {
    const m = await memberWithCode(use());
    const templateId = await makeTemplate(use());
    const { couponId } = okData(
      await callAction(
        use(),
        'member.claimCoupon',
        { templateId },
        { openid: m.openid, now: NOW, idempotencyKey: key() },
      ),
    );
    const panel = okData(await asStaff(use(), 'staff.scanMemberCode', { code: m.code }, after(1)));
    expect(panel.coupons.map((c) => c.couponId)).toContain(couponId);
    const other = await memberWithCode(use());
    expect(errorOf(await asStaff(use(), 'staff.redeemCoupon', { code: other.code, couponId }, after(2)))).toBe(
      'COUPON_UNAVAILABLE',
    );
    expect(okData(await asStaff(use(), 'staff.redeemCoupon', { code: m.code, couponId }, after(3)))).toMatchObject({
      couponId,
      status: 'used',
    });
    expect(errorOf(await asStaff(use(), 'staff.redeemCoupon', { code: m.code, couponId }, after(4)))).toBe(
      'COUPON_USED',
    );
    const mine = okData(
      await callAction(use(), 'member.coupons', { status: 'used' }, { openid: m.openid, now: after(5) }),
    );
    expect(mine.items.map((c) => c.couponId)).toContain(couponId);
    expect((await auditRows(use(), 'staff.redeemCoupon')).filter((r) => r.member_id === m.memberId)).toHaveLength(1);
  });

  it('staff.verifyPickup completes a pickup order through the same use case as the manager', async () => {
    const sku = 'sku-vitamin-c-brightening-serum-2';
    await setStock(use(), sku, 10);
    const order = await makePaidOrder(use(), { items: [{ skuId: sku, qty: 1 }], delivery: 'pickup' });
    const ready = okData(
      await callAction(
        use(),
        'manager.readyForPickup',
        { orderId: order.orderId },
        { openid: MANAGER, idempotencyKey: key() },
      ),
    );
    const done = okData(await asStaff(use(), 'staff.verifyPickup', { pickupCode: ready.pickupCode! }, new Date()));
    expect(done.status).toBe('completed');
    expect(errorOf(await asStaff(use(), 'staff.verifyPickup', { pickupCode: ready.pickupCode! }, new Date()))).toBe(
      'NOT_FOUND',
    );
    const rows = await auditRows(use(), 'staff.verifyPickup');
    expect(rows.at(-1)).toMatchObject({ who: STAFF, role: 'staff' });
    expect(rows.at(-1)!.detail).toMatchObject({
      pickupCode: ready.pickupCode,
      result: { orderId: order.orderId, status: 'completed' },
    });
  });

  it('managers read the audit log newest first; staff cannot', async () => {
    // The log is in time order: this award is the latest action of the suite.
    const at = new Date('2035-01-01T00:00:00Z');
    const m = await memberWithCode(use(), at);
    okData(
      await asStaff(use(), 'staff.awardPoints', { code: m.code, amountFen: 500, receiptNo: receipt() }, after(1, at)),
    );
    const log = okData(await callAction(use(), 'manager.listAudit', {}, { openid: MANAGER }));
    expect(log.items[0]).toMatchObject({
      action: 'staff.awardPoints',
      who: STAFF,
      memberId: m.memberId,
      amountFen: 500,
    });
    expect(errorOf(await callAction(use(), 'manager.listAudit', {}, { openid: STAFF }))).toBe('FORBIDDEN');
    expect(errorOf(await callAction(use(), 'manager.listAudit', {}, { openid: newOpenid() }))).toBe('FORBIDDEN');
  });
});

describeOnPostgres('staff counter under concurrency', (use) => {
  it('one receipt submitted 10 times at once (two counters, new keys): points credited once', async () => {
    const a = await memberWithCode(use());
    const b = await memberWithCode(use());
    const no = receipt();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i % 2 === 0
          ? asStaff(use(), 'staff.awardPoints', { code: a.code, amountFen: 8800, receiptNo: no }, after(1))
          : asStaff(use(), 'staff.awardPoints', { code: b.code, amountFen: 8800, receiptNo: no }, after(1), MANAGER),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refusals = results.filter((r) => !r.ok).map(errorOf);
    expect(refusals.every((c) => c === 'RECEIPT_ALREADY_AWARDED' || c === 'MEMBER_CODE_USED')).toBe(true);
    expect(refusals.filter((c) => c === 'RECEIPT_ALREADY_AWARDED').length).toBeGreaterThan(0);
    expect((await pointsOf(use(), a.memberId)) + (await pointsOf(use(), b.memberId))).toBe(88);
    const entries = await use()
      .kysely.selectFrom('points_entries')
      .selectAll()
      .where('idempotency_key', '=', `award:demo:${no}`)
      .execute();
    expect(entries).toHaveLength(1);
    expect(
      await use().kysely.selectFrom('counter_receipts').selectAll().where('receipt_no', '=', no).execute(),
    ).toHaveLength(1);
  });

  it('one counter double-submits one award 8 times at once with one scanned code: credited once', async () => {
    const m = await memberWithCode(use());
    okData(await asStaff(use(), 'staff.scanMemberCode', { code: m.code }, after(1)));
    const no = receipt();
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        asStaff(use(), 'staff.awardPoints', { code: m.code, amountFen: 2000, receiptNo: no }, after(5)),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => errorOf(r) === 'RECEIPT_ALREADY_AWARDED')).toHaveLength(7);
    expect(await pointsOf(use(), m.memberId)).toBe(20);
  });
});
