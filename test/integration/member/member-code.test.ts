import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase, describeOnPostgres } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { consumeMemberCode } from '../../../cloudfunctions/core/member/member-code.service';
import { memberCodeSecret } from '../../../cloudfunctions/core/member/domain/member-code';

const newOpenid = () => `o_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
const NOW = new Date('2026-05-01T08:30:05Z');
const secret = memberCodeSecret({}, 'local');
const after = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

async function codeFor(db: Db, at = NOW) {
  const openid = newOpenid();
  const me = okData(await callAction(db, 'member.me', {}, { openid, now: at }));
  const issued = okData(await callAction(db, 'member.memberCode', {}, { openid, now: at }));
  return { openid, memberId: me.memberId, ...issued };
}

function consume(db: Db, code: string, now: Date, storeId = 'demo') {
  return db.kysely
    .transaction()
    .execute((tx) => consumeMemberCode(tx, { code, storeId, now, usedBy: 'demo-staff', secret }));
}

describeEachDatabase('member code', (use) => {
  it('issues a short code that rotates with the 30-second step and writes nothing', async () => {
    const { openid, code, expiresAt, refreshAt, serverNow } = await codeFor(use());
    expect(code.length).toBeLessThanOrEqual(40);
    expect(refreshAt).toBe('2026-05-01T08:30:30.000Z');
    expect(expiresAt).toBe('2026-05-01T08:31:00.000Z');
    expect(serverNow).toBe(NOW.toISOString());
    const sameStep = okData(await callAction(use(), 'member.memberCode', {}, { openid, now: after(20) }));
    expect(sameStep.code).toBe(code);
    const nextStep = okData(await callAction(use(), 'member.memberCode', {}, { openid, now: after(30) }));
    expect(nextStep.code).not.toBe(code);
    expect(await use().kysely.selectFrom('member_code_uses').selectAll().execute()).toHaveLength(0);
  });

  it('anonymous callers get no code', async () => {
    const result = await callAction(use(), 'member.memberCode', {}, { openid: null });
    expect(result.ok ? null : result.error.code).toBe('UNAUTHENTICATED');
  });

  it('consumes once; a replay is MEMBER_CODE_USED', async () => {
    const { code, memberId } = await codeFor(use());
    expect(await consume(use(), code, after(3))).toMatchObject({ ok: true, data: { memberId } });
    expect(await consume(use(), code, after(4))).toMatchObject({ ok: false, error: { code: 'MEMBER_CODE_USED' } });
    const uses = await use()
      .kysely.selectFrom('member_code_uses')
      .selectAll()
      .where('member_id', '=', memberId)
      .execute();
    expect(uses).toHaveLength(1);
    expect(uses[0]!.used_by).toBe('demo-staff');
  });

  it('the next step gives a fresh code that can be used again', async () => {
    const { openid, code } = await codeFor(use());
    expect((await consume(use(), code, NOW)).ok).toBe(true);
    const next = okData(await callAction(use(), 'member.memberCode', {}, { openid, now: after(30) }));
    expect((await consume(use(), next.code, after(31))).ok).toBe(true);
  });

  it('is accepted in the next step, expired after that, and then records nothing', async () => {
    const a = await codeFor(use());
    expect((await consume(use(), a.code, after(40))).ok).toBe(true);
    const b = await codeFor(use());
    expect(await consume(use(), b.code, after(61))).toMatchObject({
      ok: false,
      error: { code: 'MEMBER_CODE_EXPIRED' },
    });
    expect(
      await use().kysely.selectFrom('member_code_uses').selectAll().where('member_id', '=', b.memberId).execute(),
    ).toHaveLength(0);
  });

  it('a garbage code or a member of another store is MEMBER_CODE_INVALID', async () => {
    expect(await consume(use(), 'garbage', NOW)).toMatchObject({ ok: false, error: { code: 'MEMBER_CODE_INVALID' } });
    const { code } = await codeFor(use());
    expect(await consume(use(), code, NOW, 'another-store')).toMatchObject({
      ok: false,
      error: { code: 'MEMBER_CODE_INVALID' },
    });
  });
});

describeOnPostgres('member code under concurrency', (use) => {
  it('20 concurrent consumes of one code: exactly one succeeds, 19 are MEMBER_CODE_USED', async () => {
    const { code, memberId } = await codeFor(use());
    const results = await Promise.all(Array.from({ length: 20 }, () => consume(use(), code, after(1))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === 'MEMBER_CODE_USED')).toHaveLength(19);
    expect(
      await use().kysely.selectFrom('member_code_uses').selectAll().where('member_id', '=', memberId).execute(),
    ).toHaveLength(1);
  });
});
