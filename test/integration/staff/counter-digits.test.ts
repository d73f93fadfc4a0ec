/**
 * The 会员码's readable digits at the counter: typed (with the spaces the member's screen shows),
 * they work like the QR of the same step, once, in the member's own store only.
 */
import { expect, it } from 'vitest';
import { callAction, okData } from '../../support/call';
import { describeEachDatabase } from '../../support/databases';
import {
  after,
  asStaff,
  errorOf,
  makeOtherStore,
  MANAGER,
  memberWithCode,
  newOpenid,
  NOW,
  receipt,
} from './staff-factory';

const spaced = (digits: string) => digits.replace(/(\d{4})(?=\d)/g, '$1 ');

async function digitsOf(db: Parameters<typeof memberWithCode>[0], openid: string, at = NOW, storeId = 'demo') {
  return okData(await callAction(db, 'member.memberCode', {}, { openid, now: at, storeId })).digits;
}

describeEachDatabase('staff counter: typed member code digits', (use) => {
  it('the member code carries fourteen digits; typed with spaces they show the member and award points', async () => {
    const m = await memberWithCode(use());
    const digits = await digitsOf(use(), m.openid);
    expect(digits).toMatch(/^[0-9]{14}$/);
    const panel = okData(await asStaff(use(), 'staff.scanMemberCode', { code: spaced(digits) }, after(5)));
    expect(panel.memberId).toBe(m.memberId);
    const award = okData(
      await asStaff(use(), 'staff.awardPoints', { code: digits, amountFen: 8_800, receiptNo: receipt() }, after(40)),
    );
    expect(award.pointsAwarded).toBe(88);
  });

  it('digits and QR of one step are one presentation: the second is MEMBER_CODE_USED', async () => {
    const m = await memberWithCode(use());
    const digits = await digitsOf(use(), m.openid);
    okData(await asStaff(use(), 'staff.scanMemberCode', { code: m.code }, after(2)));
    expect(errorOf(await asStaff(use(), 'staff.scanMemberCode', { code: digits }, after(3), MANAGER))).toBe(
      'MEMBER_CODE_USED',
    );
  });

  it('a wrong one-time code is MEMBER_CODE_INVALID, digits 61 s old MEMBER_CODE_EXPIRED; neither spends anything', async () => {
    const m = await memberWithCode(use());
    const digits = await digitsOf(use(), m.openid);
    const wrong = digits.slice(0, 8) + ((Number(digits.slice(8)) + 1) % 1_000_000).toString().padStart(6, '0');
    expect(errorOf(await asStaff(use(), 'staff.scanMemberCode', { code: wrong }, after(2)))).toBe(
      'MEMBER_CODE_INVALID',
    );
    expect(errorOf(await asStaff(use(), 'staff.scanMemberCode', { code: digits }, after(61)))).toBe(
      'MEMBER_CODE_EXPIRED',
    );
    const uses = await use()
      .kysely.selectFrom('member_code_uses')
      .selectAll()
      .where('member_id', '=', m.memberId)
      .execute();
    expect(uses).toHaveLength(0);
    // Still good within its time.
    expect(okData(await asStaff(use(), 'staff.scanMemberCode', { code: digits }, after(20))).memberId).toBe(m.memberId);
  });

  it("another store's member digits are MEMBER_CODE_INVALID here", async () => {
    const other = await makeOtherStore(use());
    const openid = newOpenid();
    okData(await callAction(use(), 'member.me', {}, { openid, now: NOW, storeId: other }));
    const digits = await digitsOf(use(), openid, NOW, other);
    expect(errorOf(await asStaff(use(), 'staff.scanMemberCode', { code: digits }, after(2)))).toBe(
      'MEMBER_CODE_INVALID',
    );
  });

  it('card numbers are distinct eight-digit numbers', async () => {
    for (let i = 0; i < 3; i++) await memberWithCode(use());
    const rows = await use().kysely.selectFrom('members').select('card_no').execute();
    expect(rows.every((r) => /^[0-9]{8}$/.test(r.card_no))).toBe(true);
    expect(new Set(rows.map((r) => r.card_no)).size).toBe(rows.length);
  });
});
