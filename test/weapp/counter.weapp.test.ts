import { afterAll, beforeAll, expect, it } from 'vitest';
import { qrDataUrl } from '../../src/packages/member/qr';
import { describeWeapp, startWeapp, WALK_TIMEOUT, type Weapp } from './harness';

/** The seed's staff member of the demo store (its 门店工作台 is open to them). */
const STAFF = 'demo-staff';

/**
 * A staff member at the counter, in the real weapp bundle: 我的 -> 门店工作台 -> 扫会员码 (`wx.scanCode`
 * scripted with the code the member's own phone shows on its 会员码 page) -> 消费积分; and the same
 * with the camera refused, where the counter asks for the digits under the QR. Points are checked on
 * the server and on the page.
 */
describeWeapp('weapp walk: the counter', () => {
  /** The staff member's phone. */
  let h: Weapp;
  /** The member's phone: a second bundle over the same database. */
  let phone: Weapp;
  const times: Record<string, number> = {};

  beforeAll(async () => {
    h = await startWeapp();
    phone = await startWeapp({ db: h.db });
    h.signIn(STAFF);
    await h.launch('/pages/me/index');
  });
  afterAll(async () => {
    console.log(`[weapp] walk times: ${JSON.stringify(times)}`);
    await phone?.close();
    await h?.close();
  });

  const pointsOf = async (openid: string) => (await h.cloud.call<{ points: number }>(openid, 'member.me')).points;

  /** The member opens 我的 -> 会员码; answers the code the page fetched and the digits it shows. */
  async function showMemberCode(member: string): Promise<{ code: string; digits: string }> {
    phone.signIn(member);
    await phone.open('/pages/me/index');
    await phone.tap('.menu-member-code');
    expect(phone.route).toBe('packages/member/code');
    const fetched = phone.wx.calls('cloud.callFunction').at(-1)!;
    expect(fetched.options).toMatchObject({ name: 'member', data: { action: 'memberCode' } });
    const { code } = (fetched.result as { result: { data: { code: string } } }).result.data;
    // The QR on screen carries exactly that code: it is what the staff's camera reads.
    expect(phone.find('#member-code-qr').attr('src')).toBe(qrDataUrl(code));
    const digits = phone.find('#member-code-digits').text();
    expect(digits).toMatch(/^\d{4} \d{4} \d{4} \d{2}$/);
    return { code, digits };
  }

  /** 消费积分 for the member on the panel; answers the points awarded, checked on the page and the server. */
  async function award(member: string, amount: string, receiptNo: string, before: number): Promise<number> {
    await h.input('#staff-amount', amount);
    expect(h.find('#staff-amount-preview').text()).toBe(`实收 ¥${amount}`);
    await h.input('#staff-receipt', receiptNo);
    await h.tap('#staff-award-submit');
    const after = await pointsOf(member);
    const awarded = after - before;
    expect(awarded).toBeGreaterThanOrEqual(Math.floor(Number(amount)));
    expect(h.toasts()).toContain(`已积 ${awarded} 分`);
    expect(h.find('#staff-awarded').text()).toBe(`小票 ${receiptNo}：+${awarded} 积分`);
    expect(h.find('#staff-member-points').text()).toBe(String(after));
    // The ledger holds the award once, against the receipt.
    const { id } = await h.db.kysely
      .selectFrom('members')
      .select('id')
      .where('openid', '=', member)
      .executeTakeFirstOrThrow();
    const awards = await h.db.kysely
      .selectFrom('points_entries')
      .select('delta')
      .where('member_id', '=', id)
      .where('reason', '=', 'award')
      .execute();
    expect(awards).toEqual([{ delta: awarded }]);
    const receipt = await h.db.kysely
      .selectFrom('counter_receipts')
      .select(['member_id', 'amount_fen', 'points'])
      .where('receipt_no', '=', receiptNo)
      .executeTakeFirstOrThrow();
    expect(receipt).toEqual({ member_id: id, amount_fen: Math.round(Number(amount) * 100), points: awarded });
    return awarded;
  }

  it(
    'staff scans a member code (scanCode) and awards points for a receipt',
    async () => {
      const started = Date.now();
      const member = 'weapp-counter-scanned';
      const before = await pointsOf(member);
      const { code } = await showMemberCode(member);

      await h.tap('.me__counter');
      expect(h.route).toBe('packages/staff/counter');
      expect(h.texts()).toContain('扫码后可为会员积分、核销优惠券');
      h.wx.answer('scanCode', { ok: { result: code, scanType: 'QR_CODE', charSet: 'utf-8', path: '' } });
      await h.tap('#staff-code-scan');
      expect(h.wx.calls('scanCode').at(-1)!.options).toMatchObject({ onlyFromCamera: true, scanType: ['qrCode'] });
      const me = await h.cloud.call<{ nickname: string }>(member, 'member.me');
      expect(h.find('#staff-member-nickname').text()).toBe(me.nickname);
      expect(h.find('#staff-member-points').text()).toBe(String(before));

      await award(member, '88.00', 'R20261204001', before);
      times.scanned = Date.now() - started;
    },
    WALK_TIMEOUT,
  );

  it(
    'scanCode refused (no camera permission): the counter says to type the digits, and the typed digits award points',
    async () => {
      const started = Date.now();
      const member = 'weapp-counter-typed';
      const before = await pointsOf(member);
      const { digits } = await showMemberCode(member);

      await h.open('/packages/staff/counter');
      h.wx.answer('scanCode', { fail: 'auth deny' });
      await h.tap('#staff-code-scan');
      expect(h.toasts().at(-1)).toBe('无法使用相机，请输入会员码下方的数字');
      expect(h.has('#staff-member')).toBe(false);
      expect(h.texts()).toContain('或输入会员码数字');

      // The staff member types what the member's screen shows (grouped by four, as read out).
      // 查询会员 waits for the digits (NutUI marks its button disabled by class).
      expect(h.find('#staff-code-submit').hasClass('nut-button-disabled')).toBe(true);
      await h.input('#staff-code-input', digits.replace(/ /g, ''));
      expect(h.find('#staff-code-submit').hasClass('nut-button-disabled')).toBe(false);
      await h.tap('#staff-code-submit');
      const me = await h.cloud.call<{ nickname: string }>(member, 'member.me');
      expect(h.find('#staff-member-nickname').text()).toBe(me.nickname);

      await award(member, '120.50', 'R20261204002', before);
      times.typed = Date.now() - started;
    },
    WALK_TIMEOUT,
  );

  it(
    'scanCode cancelled: nothing is said and nothing reaches the server',
    async () => {
      const started = Date.now();
      const toasts = h.toasts().length;
      const audited = async () =>
        Number(
          (
            await h.db.kysely
              .selectFrom('audit_log')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await audited();
      await h.open('/packages/staff/counter');
      h.wx.answer('scanCode', { fail: 'cancel' });
      await h.tap('#staff-code-scan');
      expect(h.wx.calls('scanCode').at(-1)!.page).toBe('packages/staff/counter');
      expect(h.toasts().length).toBe(toasts);
      expect(h.has('#staff-member')).toBe(false);
      expect(h.texts()).toContain('扫码后可为会员积分、核销优惠券');
      expect(await audited()).toBe(before);
      times.cancelled = Date.now() - started;
    },
    WALK_TIMEOUT,
  );
});
