import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, expect, it } from 'vitest';
import { describeEachDatabase, describeOnPostgres, tableCounts } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { isInviteCode } from '../../../cloudfunctions/core/member/domain/invite-code';
import type { Db } from '../../../cloudfunctions/core/db/db';

/** An openid nobody has used yet. */
const newOpenid = () => `o_${randomUUID().replace(/-/g, '').slice(0, 24)}`;

async function memberRows(db: Db, openid: string) {
  return db.kysely.selectFrom('members').selectAll().where('openid', '=', openid).execute();
}

describeEachDatabase('member.me', (use) => {
  it('the first call makes a member at the entry tier, with a fresh invite code and no points', async () => {
    const openid = newOpenid();
    const now = new Date('2026-05-01T08:30:00Z');
    const me = okData(await callAction(use(), 'member.me', {}, { openid, now }));
    expect(me.tier).toEqual({ code: 'normal', name: '普通会员' });
    expect(me.points).toBe(0);
    expect(me.growth).toBe(0);
    expect(isInviteCode(me.inviteCode)).toBe(true);
    expect(me.nextTier).toEqual({ code: 'silver', name: '银卡会员', minGrowth: 1_000 });
    expect(me.role).toBe('customer');

    const rows = await memberRows(use(), openid);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: me.memberId,
      store_id: 'demo',
      invite_code: me.inviteCode,
      tier_code: 'normal',
    });
    expect(new Date(rows[0]!.created_at).toISOString()).toBe(now.toISOString());
  });

  it('a second call returns the same member and creates nothing', async () => {
    const openid = newOpenid();
    const first = okData(await callAction(use(), 'member.me', {}, { openid }));
    const before = await tableCounts(use());
    const second = okData(await callAction(use(), 'member.me', {}, { openid }));
    expect(second).toEqual(first);
    expect(await tableCounts(use())).toEqual(before);
  });

  it.each([
    ['demo-manager', 'manager'],
    ['demo-staff', 'staff'],
    ['o_just_a_customer', 'customer'],
  ])('%s has the role %s', async (openid, role) => {
    expect(okData(await callAction(use(), 'member.me', {}, { openid })).role).toBe(role);
  });

  it('a revoked staff member is a plain customer again', async () => {
    const openid = newOpenid();
    await use()
      .kysely.insertInto('staff')
      .values({ store_id: 'demo', openid, role: 'manager', revoked_at: new Date() })
      .execute();
    expect(okData(await callAction(use(), 'member.me', {}, { openid })).role).toBe('customer');
  });

  it('different people get different members and invite codes', async () => {
    const a = okData(await callAction(use(), 'member.me', {}, { openid: newOpenid() }));
    const b = okData(await callAction(use(), 'member.me', {}, { openid: newOpenid() }));
    expect(a.memberId).not.toBe(b.memberId);
    expect(a.inviteCode).not.toBe(b.inviteCode);
  });

  it('anonymous is UNAUTHENTICATED and writes nothing', async () => {
    const before = await tableCounts(use());
    const result = await callAction(use(), 'member.me', {}, { openid: null });
    expect(result.ok ? null : result.error.code).toBe('UNAUTHENTICATED');
    expect(await tableCounts(use())).toEqual(before);
  });

  it('invalid input is refused before a member is created', async () => {
    const openid = newOpenid();
    const result = await callAction(use(), 'member.me', { tier: 'black' } as never, { openid });
    expect(result.ok ? null : result.error.code).toBe('VALIDATION_FAILED');
    expect(await memberRows(use(), openid)).toHaveLength(0);
  });
});

describeOnPostgres('member.me under concurrency', (use) => {
  it('20 concurrent first calls for one openid create exactly one member', async () => {
    const openid = newOpenid();
    const results = await Promise.all(Array.from({ length: 20 }, () => callAction(use(), 'member.me', {}, { openid })));
    const memberIds = new Set(results.map((r) => okData(r).memberId));
    expect(memberIds.size).toBe(1);
    expect(await memberRows(use(), openid)).toHaveLength(1);
  });

  it('50 concurrent first calls for 50 openids give 50 members with distinct invite codes', async () => {
    const openids = Array.from({ length: 50 }, newOpenid);
    const results = await Promise.all(openids.map((openid) => callAction(use(), 'member.me', {}, { openid })));
    const codes = results.map((r) => okData(r).inviteCode);
    expect(new Set(codes).size).toBe(50);
    const rows = await use()
      .kysely.selectFrom('members')
      .select(['openid', 'invite_code'])
      .where('openid', 'in', openids)
      .execute();
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((r) => r.invite_code))).toEqual(new Set(codes));
  });
});
