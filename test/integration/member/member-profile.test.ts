import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, tableCounts } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import type { Db } from '../../../cloudfunctions/core/db/db';

const newOpenid = () => `o_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
const key = () => `k-${randomUUID()}`;
const NOW = new Date('2026-05-01T08:30:00Z');

function errorCode(envelope: { ok: boolean; error?: { code: string } }) {
  return envelope.ok ? null : envelope.error!.code;
}

/** A member with a fresh openid, created through member.me. */
async function makeMember(db: Db) {
  const openid = newOpenid();
  const me = okData(await callAction(db, 'member.me', {}, { openid, now: NOW }));
  return { openid, memberId: me.memberId };
}

async function makeCoupons(
  db: Db,
  memberId: string,
  statuses: Array<{ status: 'usable' | 'used' | 'locked'; validUntil: Date }>,
) {
  const templateId = `tpl-${randomUUID().slice(0, 8)}`;
  await db.kysely
    .insertInto('coupon_templates' as never)
    .values({
      id: templateId,
      store_id: 'demo',
      title: '满199减20',
      kind: 'full_reduction',
      args: JSON.stringify({ thresholdFen: 19_900, amountFen: 2_000 }),
      valid_days: 30,
      total: 100,
      remaining: 100,
      per_member_limit: 10,
    } as never)
    .execute();
  for (const [i, c] of statuses.entries()) {
    await db.kysely
      .insertInto('coupons' as never)
      .values({
        id: `c-${randomUUID().slice(0, 12)}`,
        store_id: 'demo',
        template_id: templateId,
        member_id: memberId,
        seq: i + 1,
        status: c.status,
        source: 'claim',
        valid_from: new Date('2026-01-01T00:00:00Z'),
        valid_until: c.validUntil,
        order_id: c.status === 'usable' ? null : 'o-somewhere',
        claimed_at: new Date('2026-01-01T00:00:00Z'),
      } as never)
      .execute();
  }
}

describeEachDatabase('member profile', (use) => {
  // These cases count coupons they make themselves: switch off the demo store's automatic new-member
  // gift (covered by test/integration/coupon/auto-issue.test.ts) in this suite's own database.
  beforeAll(async () => {
    await use()
      .kysely.updateTable('coupon_templates')
      .set({ active: false })
      .where('auto_issue', '=', 'new_member')
      .execute();
  });
  it('a new member has no birthday, no phone, no coupons and nothing to celebrate', async () => {
    const { openid } = await makeMember(use());
    const me = okData(await callAction(use(), 'member.me', {}, { openid, now: NOW }));
    expect(me).toMatchObject({ birthday: null, phoneMasked: null, couponCount: 0, pendingCelebration: null });
  });

  it('updates nickname and avatar, and answers the updated profile', async () => {
    const { openid } = await makeMember(use());
    const me = okData(
      await callAction(
        use(),
        'member.updateProfile',
        { nickname: ' 小禾🌿 ', avatarUrl: 'cloud://env-1.bucket/avatars/a.png' },
        { openid, now: NOW, idempotencyKey: key() },
      ),
    );
    expect(me.nickname).toBe('小禾🌿');
    expect(me.avatarUrl).toBe('cloud://env-1.bucket/avatars/a.png');
    expect(okData(await callAction(use(), 'member.me', {}, { openid, now: NOW })).nickname).toBe('小禾🌿');
  });

  it.each([
    [{ nickname: '' }],
    [{ nickname: '一二三四五六七八九十一二三四五六七八九十一' }],
    [{ avatarUrl: 'http://insecure.example.com/a.png' }],
    [{ avatarUrl: 'wxfile://tmp_123.png' }],
    [{ birthday: '1990-02-30' }],
    [{ birthday: '1990/01/01' }],
    [{}],
  ])('refuses %j and writes nothing', async (data) => {
    const { openid } = await makeMember(use());
    const before = await tableCounts(use());
    const result = await callAction(use(), 'member.updateProfile', data as never, {
      openid,
      now: NOW,
      idempotencyKey: key(),
    });
    expect(errorCode(result)).toBe('VALIDATION_FAILED');
    expect(await tableCounts(use())).toEqual(before);
  });

  it('sets the birthday once: the same value again is fine, a different one is BIRTHDAY_ALREADY_SET', async () => {
    const { openid } = await makeMember(use());
    const first = okData(
      await callAction(
        use(),
        'member.updateProfile',
        { birthday: '1995-06-18' },
        { openid, now: NOW, idempotencyKey: key() },
      ),
    );
    expect(first.birthday).toBe('1995-06-18');
    const same = await callAction(
      use(),
      'member.updateProfile',
      { birthday: '1995-06-18' },
      { openid, now: NOW, idempotencyKey: key() },
    );
    expect(same.ok).toBe(true);
    const other = await callAction(
      use(),
      'member.updateProfile',
      { birthday: '1996-01-01', nickname: '改名' },
      { openid, now: NOW, idempotencyKey: key() },
    );
    expect(errorCode(other)).toBe('BIRTHDAY_ALREADY_SET');
    const me = okData(await callAction(use(), 'member.me', {}, { openid, now: NOW }));
    expect(me.birthday).toBe('1995-06-18');
    // The refused call changed nothing, not even the nickname that came with it.
    expect(me.nickname).not.toBe('改名');
  });

  it('refuses a birthday in the future', async () => {
    const { openid } = await makeMember(use());
    const result = await callAction(
      use(),
      'member.updateProfile',
      { birthday: '2026-05-02' },
      { openid, now: NOW, idempotencyKey: key() },
    );
    expect(errorCode(result)).toBe('VALIDATION_FAILED');
  });

  it('binds a phone from a dev- code and shows it masked only', async () => {
    const { openid, memberId } = await makeMember(use());
    const bound = okData(
      await callAction(use(), 'member.bindPhone', { code: 'dev-alice' }, { openid, now: NOW, idempotencyKey: key() }),
    );
    expect(bound.phoneMasked).toMatch(/^138\*{4}\d{4}$/);
    const row = await use()
      .kysely.selectFrom('members')
      .select(['phone', 'phone_country'])
      .where('id', '=', memberId)
      .executeTakeFirstOrThrow();
    expect(row.phone).toMatch(/^138\d{8}$/);
    expect(row.phone_country).toBe('86');
    const me = okData(await callAction(use(), 'member.me', {}, { openid, now: NOW }));
    expect(me.phoneMasked).toBe(bound.phoneMasked);
    expect(JSON.stringify(me)).not.toContain(row.phone!);
  });

  it('a code the platform refuses is PHONE_BIND_FAILED and stores nothing', async () => {
    const { openid, memberId } = await makeMember(use());
    const result = await callAction(
      use(),
      'member.bindPhone',
      { code: 'not-from-wechat' },
      { openid, now: NOW, idempotencyKey: key() },
    );
    expect(errorCode(result)).toBe('PHONE_BIND_FAILED');
    const row = await use()
      .kysely.selectFrom('members')
      .select('phone')
      .where('id', '=', memberId)
      .executeTakeFirstOrThrow();
    expect(row.phone).toBeNull();
  });

  it('counts only usable, unexpired coupons', async () => {
    const { openid, memberId } = await makeMember(use());
    const later = new Date('2026-06-01T00:00:00Z');
    await makeCoupons(use(), memberId, [
      { status: 'usable', validUntil: later },
      { status: 'usable', validUntil: later },
      { status: 'usable', validUntil: new Date('2026-04-30T00:00:00Z') },
      { status: 'used', validUntil: later },
      { status: 'locked', validUntil: later },
    ]);
    expect(okData(await callAction(use(), 'member.me', {}, { openid, now: NOW })).couponCount).toBe(2);
  });

  it('shows the latest unacknowledged upgrade until the member acknowledges it', async () => {
    const { openid, memberId } = await makeMember(use());
    const change = (from: string, to: string, at: string, acknowledged: Date | null = null) =>
      use()
        .kysely.insertInto('tier_changes')
        .values({
          member_id: memberId,
          from_code: from,
          to_code: to,
          reason: 'upgrade',
          created_at: new Date(at),
          acknowledged_at: acknowledged,
        })
        .execute();
    await change('normal', 'silver', '2026-03-01T00:00:00Z', new Date('2026-03-02T00:00:00Z'));
    await change('silver', 'gold', '2026-04-01T00:00:00Z');
    await change('gold', 'black', '2026-04-20T00:00:00Z');
    const me = okData(await callAction(use(), 'member.me', {}, { openid, now: NOW }));
    expect(me.pendingCelebration).toEqual({
      fromTier: { code: 'gold', name: '金卡会员' },
      toTier: { code: 'black', name: '黑金会员' },
    });

    const ack = okData(
      await callAction(use(), 'member.ackCelebration', {}, { openid, now: NOW, idempotencyKey: key() }),
    );
    expect(ack.acknowledged).toBe(2);
    expect(okData(await callAction(use(), 'member.me', {}, { openid, now: NOW })).pendingCelebration).toBeNull();
  });

  it('a yearly-review downgrade is not celebrated', async () => {
    const { openid, memberId } = await makeMember(use());
    await use()
      .kysely.insertInto('tier_changes')
      .values({
        member_id: memberId,
        from_code: 'gold',
        to_code: 'silver',
        reason: 'yearly_review',
        created_at: NOW,
        acknowledged_at: null,
      })
      .execute();
    expect(okData(await callAction(use(), 'member.me', {}, { openid, now: NOW })).pendingCelebration).toBeNull();
  });
});

describeEachDatabase('member.benefits', (use) => {
  it('lists every tier with its benefits, lowest first, to anyone', async () => {
    const result = okData(await callAction(use(), 'member.benefits', {}, { openid: null }));
    expect(result.current).toBeUndefined();
    expect(result.tiers.map((t) => [t.code, t.name, t.minGrowth])).toEqual([
      ['normal', '普通会员', 0],
      ['silver', '银卡会员', 1_000],
      ['gold', '金卡会员', 5_000],
      ['black', '黑金会员', 20_000],
    ]);
    expect(result.tiers[3]!.benefits).toEqual({
      memberPricePercent: 90,
      pointsMultiplier: 2,
      birthdayCoupon: true,
      freeShippingThresholdFen: 0,
    });
  });

  it("names the caller's tier when they are a member, and creates no member otherwise", async () => {
    const { openid } = await makeMember(use());
    expect(okData(await callAction(use(), 'member.benefits', {}, { openid })).current).toBe('normal');
    const stranger = newOpenid();
    expect(okData(await callAction(use(), 'member.benefits', {}, { openid: stranger })).current).toBeUndefined();
    expect(await use().kysely.selectFrom('members').select('id').where('openid', '=', stranger).execute()).toHaveLength(
      0,
    );
  });
});
