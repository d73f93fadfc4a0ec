import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { contract, ROLES, type ActionName, type ActionSpec, type Role } from '../../../cloudfunctions/core/contract';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { httpStatusOf } from '../../../cloudfunctions/core/errors';
import { callAction } from '../../support/call';
import { describeEachDatabase } from '../../support/databases';
import { actionSamples } from './action-samples';

/** Row counts of every table in the schema: a refused call must leave all of them as they were. */
async function allTableCounts(db: Db): Promise<Record<string, number>> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(
    db.kysely,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of rows) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table_name)}`.execute(db.kysely);
    counts[table_name] = Number(r.rows[0]!.n);
  }
  return counts;
}

/** Each caller of the matrix: who they are, and the role the server resolves for them. */
const CALLERS: Array<{ role: Role; openid: () => string | null }> = [
  { role: 'any', openid: () => null },
  { role: 'customer', openid: () => `o_matrix_${randomUUID().slice(0, 8)}` },
  { role: 'staff', openid: () => 'demo-staff' },
  { role: 'manager', openid: () => 'demo-manager' },
];

const rank = (role: Role) => ROLES.indexOf(role);
const ACTIONS = Object.keys(contract) as ActionName[];

describeEachDatabase('authorization matrix: every contract action x anonymous, customer, staff, manager', (use) => {
  it('has a sample input for every action in the contract', () => {
    const samples = actionSamples('any-sku');
    const missing = ACTIONS.filter((name) => !(name in samples));
    expect(
      missing,
      `actions without a sample in test/integration/staff/action-samples.ts: ${missing.join(', ')}`,
    ).toEqual([]);
  });

  for (const name of ACTIONS) {
    it(`${name}: allowed roles get past the role check, others get 401/403 and write nothing`, async () => {
      const db = use();
      const sku = await db.kysely
        .selectFrom('skus')
        .select('id')
        .where('active', '=', true)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const sample = actionSamples(sku.id)[name];
      if (sample === undefined)
        throw new Error(`no sample input for ${name}: add one to test/integration/staff/action-samples.ts`);
      const spec = contract[name] as ActionSpec;
      for (const caller of CALLERS) {
        const openid = caller.openid();
        const allowed = rank(caller.role) >= rank(spec.role);
        const before = allowed ? null : await allTableCounts(db);
        const answer = await callAction(db, name, sample as never, {
          openid,
          idempotencyKey: `matrix-${randomUUID()}`,
        });
        const status = httpStatusOf(answer);
        const code = answer.ok ? 'ok' : answer.error.code;
        const where = `${name} as ${caller.role} -> ${status} ${code}`;
        if (allowed) {
          expect([401, 403], where).not.toContain(status);
          // The sample must reach the use case: a stale sample would hide a role bug behind a 400.
          expect(code, where).not.toBe('VALIDATION_FAILED');
        } else {
          expect(status, where).toBe(caller.role === 'any' ? 401 : 403);
          expect(code, where).toBe(caller.role === 'any' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
          expect(await allTableCounts(db), `${where} wrote rows`).toEqual(before);
        }
      }
    });
  }
});
