import { afterAll, beforeAll, expect, it } from 'vitest';
import { qrDataUrl } from '../../src/packages/member/qr';
import { describeWeapp, startWeapp, WALK_TIMEOUT, type Weapp } from './harness';

/** The seed's staff member of the demo store (its 门店工作台 is open to them). */
const STAFF = 'demo-staff';
const MEMBER = 'weapp-counter-member';

/**
 * A staff member at the counter, in the real weapp bundle: 我的 -> 门店工作台 -> 扫会员码
 * (`wx.scanCode` scripted with the code the member's phone shows on its 会员码 page) -> 消费积分.
 * Points are checked on the server and on the page.
 */
describeWeapp('weapp walk: the counter', () => {
  let h: Weapp;
  const times: Record<string, number> = {};

  beforeAll(async () => {
    h = await startWeapp();
  });
  afterAll(async () => {
    console.log(`[weapp] walk times: ${JSON.stringify(times)}`);
    await h?.close();
  });

  const pointsOf = async (openid: string) => (await h.cloud.call<{ points: number }>(openid, 'member.me')).points;

  it(
    'staff scans a member code (scanCode) and awards points for a receipt',
    async () => {
      const started = Date.now();
      const before = await pointsOf(MEMBER);
      // The member's own phone (a second bundle over the same database) shows the 会员码 page.
      const phone = await startWeapp({ db: h.db });
      let code: string;
      try {
        phone.signIn(MEMBER);
        await phone.launch('/pages/me/index');
        await phone.tap('.menu-member-code');
        expect(phone.route).toBe('packages/member/code');
        const fetched = phone.wx.calls('cloud.callFunction').at(-1)!;
        expect(fetched.options).toMatchObject({ name: 'member', data: { action: 'memberCode' } });
        code = (fetched.result as { result: { data: { code: string } } }).result.data.code;
        // The QR on screen carries exactly that code: it is what the staff's camera reads.
        expect(phone.find('#member-code-qr').attr('src')).toBe(qrDataUrl(code));
      } finally {
        await phone.close();
      }

      h.signIn(STAFF);
      await h.launch('/pages/me/index');
      await h.tap('.me__counter');
      expect(h.route).toBe('packages/staff/counter');
      expect(h.texts()).toContain('扫码后可为会员积分、核销优惠券');

      h.wx.answer('scanCode', { ok: { result: code, scanType: 'QR_CODE', charSet: 'utf-8', path: '' } });
      await h.tap('扫会员码');
      expect(h.wx.calls('scanCode')[0]!.options).toMatchObject({ onlyFromCamera: true, scanType: ['qrCode'] });
      const me = await h.cloud.call<{ nickname: string }>(MEMBER, 'member.me');
      expect(h.find('#staff-member-nickname').text()).toBe(me.nickname);
      expect(h.find('#staff-member-points').text()).toBe(String(before));

      await h.input('#staff-amount', '88.00');
      expect(h.find('#staff-amount-preview').text()).toBe('实收 ¥88.00');
      await h.input('#staff-receipt', 'R20261204001');
      await h.tap('#staff-award-submit');

      const after = await pointsOf(MEMBER);
      const awarded = after - before;
      expect(awarded).toBeGreaterThanOrEqual(88);
      expect(h.toasts()).toContain(`已积 ${awarded} 分`);
      expect(h.find('#staff-awarded').text()).toBe(`小票 R20261204001：+${awarded} 积分`);
      expect(h.find('#staff-member-points').text()).toBe(String(after));
      // The ledger holds the award once, against the receipt, and the staff action is audited.
      const member = await h.db.kysely
        .selectFrom('members')
        .select('id')
        .where('openid', '=', MEMBER)
        .executeTakeFirstOrThrow();
      const awards = await h.db.kysely
        .selectFrom('points_entries')
        .select('delta')
        .where('member_id', '=', member.id)
        .where('reason', '=', 'award')
        .execute();
      expect(awards).toEqual([{ delta: awarded }]);
      const receipt = await h.db.kysely
        .selectFrom('counter_receipts')
        .select(['member_id', 'amount_fen', 'points'])
        .where('receipt_no', '=', 'R20261204001')
        .executeTakeFirstOrThrow();
      expect(receipt).toEqual({ member_id: member.id, amount_fen: 8800, points: awarded });
      times.award = Date.now() - started;
    },
    WALK_TIMEOUT,
  );

  it(
    'scanCode refused (camera closed): the counter says nothing, stays ready, and nothing reaches the server',
    async () => {
      const started = Date.now();
      const toasts = h.toasts().length;
      const scans = await h.db.kysely
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      await h.open('/packages/staff/counter');
      h.wx.answer('scanCode', { fail: 'cancel' });
      await h.tap('扫会员码');
      expect(h.wx.calls('scanCode').at(-1)!.page).toBe('packages/staff/counter');
      // What main does today on weapp: no message and no field to type the code; the scan button stays.
      expect(h.toasts().length).toBe(toasts);
      expect(h.texts()).toContain('扫会员码');
      expect(h.texts()).toContain('扫码后可为会员积分、核销优惠券');
      expect(h.has('#staff-member')).toBe(false);
      expect(h.has('#staff-code-input')).toBe(false);
      const after = await h.db.kysely
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(scans.n));
      times.refused = Date.now() - started;
    },
    WALK_TIMEOUT,
  );
});
