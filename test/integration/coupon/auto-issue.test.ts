import { expect, it } from 'vitest';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { ensureMember } from '../../../cloudfunctions/core/member/member.service';
import { onNewMember } from '../../../cloudfunctions/core/member/new-member-hooks';
import '../../../cloudfunctions/core/plugins';
import { findTimer } from '../../../cloudfunctions/core/timers/timers';
import { runBirthdayTimer } from '../../../cloudfunctions/core/coupon/auto-issue.service';
import { openDb } from '../../../cloudfunctions/core/db/db';
import { describeEachDatabase, describeOnPostgres } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { T0, jobContext, newOpenid } from '../order/order-factory';

const GIFT = 'ct-auto-new-member-10';
const BIRTHDAY = 'ct-auto-birthday-199-50';

async function couponsOf(db: Db, memberId: string, templateId: string) {
  return db.kysely
    .selectFrom('coupons')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('template_id', '=', templateId)
    .orderBy('seq')
    .execute();
}

async function birthdayMember(db: Db, birthday: string, tierCode: string) {
  const member = await ensureMember(db.kysely, 'demo', newOpenid(), T0);
  await db.kysely.updateTable('members').set({ birthday, tier_code: tierCode }).where('id', '=', member.id).execute();
  return member.id;
}

/** Runs the birthday timer at a Shanghai wall-clock time. */
const runAt = (db: Db, shanghai: string) => runBirthdayTimer(jobContext(db, new Date(`${shanghai}+08:00`)));

describeEachDatabase('automatic coupon issuers', (use) => {
  it('the seeded gift and birthday templates are issuer-only and not in the claim center', async () => {
    const rows = await use()
      .kysely.selectFrom('coupon_templates')
      .select(['id', 'auto_issue', 'claimable'])
      .where('auto_issue', 'is not', null)
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: BIRTHDAY, auto_issue: 'birthday', claimable: false },
      { id: GIFT, auto_issue: 'new_member', claimable: false },
    ]);
    const listed = okData(await callAction(use(), 'coupon.listClaimable', {}, { openid: null, now: T0 })).items.map(
      (i) => i.templateId,
    );
    expect(listed).not.toContain(GIFT);
    expect(listed).not.toContain(BIRTHDAY);
  });

  it('a new member gets the 新人礼 once; a second call gives no second coupon', async () => {
    const openid = newOpenid();
    const first = await ensureMember(use().kysely, 'demo', openid, T0);
    const again = await ensureMember(use().kysely, 'demo', openid, T0);
    expect(again.id).toBe(first.id);
    okData(await callAction(use(), 'member.me', {}, { openid, now: T0 }));
    const coupons = await couponsOf(use(), first.id, GIFT);
    expect(coupons).toHaveLength(1);
    expect(coupons[0]).toMatchObject({ source: 'new_member', status: 'usable', seq: 1 });
    const mine = okData(await callAction(use(), 'member.coupons', { status: 'usable' }, { openid, now: T0 })).items;
    expect(mine.map((c) => c.templateId)).toEqual([GIFT]);
  });

  it('registration is one transaction: a member whose greeting fails is not created half-way', async () => {
    const openid = newOpenid();
    const off = onNewMember(async () => {
      throw new Error('greeting failed');
    });
    try {
      await expect(ensureMember(use().kysely, 'demo', openid, T0)).rejects.toThrow('greeting failed');
    } finally {
      off();
    }
    expect(await use().kysely.selectFrom('members').select('id').where('openid', '=', openid).execute()).toEqual([]);
    const member = await ensureMember(use().kysely, 'demo', openid, T0);
    expect(await couponsOf(use(), member.id, GIFT)).toHaveLength(1);
  });

  it('the first call through the dispatcher creates the member with the gift', async () => {
    const openid = newOpenid();
    const me = okData(await callAction(use(), 'member.me', {}, { openid, now: T0 }));
    expect(await couponsOf(use(), me.memberId, GIFT)).toHaveLength(1);
  });

  it('a sold-out gift template still creates the member, without a coupon', async () => {
    const db = use().kysely;
    const { remaining } = await db
      .selectFrom('coupon_templates')
      .select('remaining')
      .where('id', '=', GIFT)
      .executeTakeFirstOrThrow();
    await db.updateTable('coupon_templates').set({ remaining: 0 }).where('id', '=', GIFT).execute();
    try {
      const openid = newOpenid();
      const member = await ensureMember(db, 'demo', openid, T0);
      expect(member.openid).toBe(openid);
      expect(await couponsOf(use(), member.id, GIFT)).toEqual([]);
      expect(
        await db.selectFrom('coupon_auto_issues').selectAll().where('member_id', '=', member.id).execute(),
      ).toEqual([]);
      // Inside a caller's transaction too: the refusal leaves the transaction usable.
      const inTx = await db.transaction().execute(async (tx) => {
        const m = await ensureMember(tx, 'demo', newOpenid(), T0);
        await tx.selectFrom('members').select('id').where('id', '=', m.id).executeTakeFirstOrThrow();
        return m;
      });
      expect(await couponsOf(use(), inTx.id, GIFT)).toEqual([]);
    } finally {
      await db.updateTable('coupon_templates').set({ remaining }).where('id', '=', GIFT).execute();
    }
  });

  it('birthdayTimer is registered daily at 00:20 Shanghai', () => {
    expect(findTimer('birthdayTimer')).toMatchObject({ cron: '0 20 0 * * * *' });
  });

  it('birthdayTimer: a silver member on their birthday, once a day, again next year; not a normal-tier member', async () => {
    const silver = await birthdayMember(use(), '1990-03-15', 'silver');
    const normal = await birthdayMember(use(), '1990-03-15', 'normal');
    const otherDay = await birthdayMember(use(), '1990-03-16', 'silver');

    await runAt(use(), '2026-03-14T23:59:00');
    expect(await couponsOf(use(), silver, BIRTHDAY)).toEqual([]);

    // 00:20 Shanghai is still the 14th in UTC: the birthday is read in Shanghai.
    await runAt(use(), '2026-03-15T00:20:00');
    await runAt(use(), '2026-03-15T18:00:00');
    const thisYear = await couponsOf(use(), silver, BIRTHDAY);
    expect(thisYear).toHaveLength(1);
    expect(thisYear[0]).toMatchObject({ source: 'birthday', status: 'usable' });
    expect(await couponsOf(use(), normal, BIRTHDAY)).toEqual([]);
    expect(await couponsOf(use(), otherDay, BIRTHDAY)).toEqual([]);

    // Two runs at once (two replicas without the advisory lock): still one.
    await Promise.all([runAt(use(), '2026-03-15T00:21:00'), runAt(use(), '2026-03-15T00:21:00')]);
    expect(await couponsOf(use(), silver, BIRTHDAY)).toHaveLength(1);

    await runAt(use(), '2027-03-15T00:20:00');
    expect(await couponsOf(use(), silver, BIRTHDAY)).toHaveLength(2);
    expect(await couponsOf(use(), normal, BIRTHDAY)).toEqual([]);
  });

  it('a tier whose stored benefits turn birthdayCoupon on gets it too', async () => {
    const db = use().kysely;
    const row = await db
      .selectFrom('tiers')
      .select('benefits')
      .where('store_id', '=', 'demo')
      .where('code', '=', 'normal')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('tiers')
      .set({ benefits: JSON.stringify({ ...row.benefits, birthdayCoupon: true }) })
      .where('store_id', '=', 'demo')
      .where('code', '=', 'normal')
      .execute();
    try {
      const normal = await birthdayMember(use(), '1991-07-01', 'normal');
      await runAt(use(), '2026-07-01T00:20:00');
      expect(await couponsOf(use(), normal, BIRTHDAY)).toHaveLength(1);
    } finally {
      await db
        .updateTable('tiers')
        .set({ benefits: JSON.stringify(row.benefits) })
        .where('store_id', '=', 'demo')
        .where('code', '=', 'normal')
        .execute();
    }
  });

  it('Feb 29 birthdays: Feb 28 in non-leap years, Feb 29 in leap years', async () => {
    const leapling = await birthdayMember(use(), '2000-02-29', 'gold');
    const feb28 = await birthdayMember(use(), '2000-02-28', 'gold');

    await runAt(use(), '2026-02-28T00:20:00');
    expect(await couponsOf(use(), leapling, BIRTHDAY)).toHaveLength(1);
    expect(await couponsOf(use(), feb28, BIRTHDAY)).toHaveLength(1);
    await runAt(use(), '2026-03-01T00:20:00');
    expect(await couponsOf(use(), leapling, BIRTHDAY)).toHaveLength(1);

    // 2028 is a leap year: not on the 28th, on the 29th.
    await runAt(use(), '2028-02-28T00:20:00');
    expect(await couponsOf(use(), leapling, BIRTHDAY)).toHaveLength(1);
    expect(await couponsOf(use(), feb28, BIRTHDAY)).toHaveLength(2);
    await runAt(use(), '2028-02-29T00:20:00');
    expect(await couponsOf(use(), leapling, BIRTHDAY)).toHaveLength(2);
  });
});

describeOnPostgres('automatic coupon issuers under concurrency', (use, url) => {
  it('20 concurrent first calls of one new openid: one member, one gift coupon', async () => {
    const openid = newOpenid();
    const dbs = await Promise.all(Array.from({ length: 4 }, () => openDb({ databaseUrl: url(), poolSize: 5 })));
    try {
      const members = await Promise.all(
        Array.from({ length: 20 }, (_, i) => ensureMember(dbs[i % dbs.length]!.kysely, 'demo', openid, T0)),
      );
      expect(new Set(members.map((m) => m.id)).size).toBe(1);
      const rows = await use()
        .kysely.selectFrom('members')
        .select('id')
        .where('store_id', '=', 'demo')
        .where('openid', '=', openid)
        .execute();
      expect(rows).toHaveLength(1);
      expect(await couponsOf(use(), rows[0]!.id, GIFT)).toHaveLength(1);
    } finally {
      await Promise.all(dbs.map((d) => d.close()));
    }
  });

  it('two concurrent birthday runs issue once', async () => {
    const silver = await birthdayMember(use(), '1992-05-20', 'silver');
    await Promise.all(Array.from({ length: 4 }, () => runAt(use(), '2026-05-20T00:20:00')));
    expect(await couponsOf(use(), silver, BIRTHDAY)).toHaveLength(1);
  });
});
