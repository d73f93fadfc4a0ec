import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, expect, it } from 'vitest';
import { sql, type Transaction } from 'kysely';
import { describeEachDatabase, describeOnPostgres } from '../../support/databases';
import { withIdempotency } from '../../../cloudfunctions/core/idempotency/idempotency';
import { fail, ok, type Result } from '../../../cloudfunctions/core/errors';
import type { Db } from '../../../cloudfunctions/core/db/db';
import type { Database } from '../../../cloudfunctions/core/db/schema';

/** A request of its own: a fresh scope, so tests never see each other's keys. */
function newRequest(payload: unknown = { qty: 1 }) {
  return { scope: `test:${randomUUID()}`, key: `key-${randomUUID()}`, payload };
}

/** Work that leaves a countable trace: one `stores` row named after the request's scope. */
function openStore(scope: string, outcome: 'ok' | 'fail' | 'throw' = 'ok') {
  return async (tx: Transaction<Database>): Promise<Result<{ storeId: string; n: number }>> => {
    const storeId = `s-${randomUUID()}`;
    await tx.insertInto('stores').values({ id: storeId, name: scope }).execute();
    if (outcome === 'fail') return fail('INSUFFICIENT_STOCK');
    if (outcome === 'throw') throw new Error('bug in the use case');
    return ok({ storeId, n: 42 });
  };
}

async function storesOpened(db: Db, scope: string): Promise<number> {
  const rows = await db.kysely.selectFrom('stores').select('id').where('name', '=', scope).execute();
  return rows.length;
}

async function keyStored(db: Db, scope: string): Promise<boolean> {
  const row = await db.kysely
    .selectFrom('idempotency_keys')
    .select('key')
    .where('scope', '=', scope)
    .executeTakeFirst();
  return row !== undefined;
}

describeEachDatabase('withIdempotency', (use) => {
  it('the same key and payload replays the first answer and does the work once', async () => {
    const request = newRequest({ items: [{ skuId: 'a', qty: 2 }], note: 'x' });
    const first = await withIdempotency(use().kysely, request, openStore(request.scope));
    const again = await withIdempotency(
      use().kysely,
      { ...request, payload: { note: 'x', items: [{ qty: 2, skuId: 'a' }] } },
      openStore(request.scope),
    );
    expect(first.ok).toBe(true);
    expect(first.replayed).toBeUndefined();
    expect(again).toEqual({ ...first, replayed: true });
    expect(await storesOpened(use(), request.scope)).toBe(1);
  });

  it('the same key with a different payload is IDEMPOTENCY_CONFLICT and does no work', async () => {
    const request = newRequest({ qty: 1 });
    await withIdempotency(use().kysely, request, openStore(request.scope));
    const conflict = await withIdempotency(use().kysely, { ...request, payload: { qty: 2 } }, openStore(request.scope));
    expect(conflict.ok ? null : conflict.error.code).toBe('IDEMPOTENCY_CONFLICT');
    expect(await storesOpened(use(), request.scope)).toBe(1);
  });

  it('the same key in another scope is another request', async () => {
    const request = newRequest();
    const other = { ...request, scope: `${request.scope}:other` };
    await withIdempotency(use().kysely, request, openStore(request.scope));
    const second = await withIdempotency(use().kysely, other, openStore(request.scope));
    expect(second.replayed).toBeUndefined();
    expect(await storesOpened(use(), request.scope)).toBe(2);
  });

  it('a business failure is answered, rolls its work back, and leaves the key free for a retry', async () => {
    const request = newRequest();
    const failed = await withIdempotency(use().kysely, request, openStore(request.scope, 'fail'));
    expect(failed.ok ? null : failed.error.code).toBe('INSUFFICIENT_STOCK');
    expect(await storesOpened(use(), request.scope)).toBe(0);
    expect(await keyStored(use(), request.scope)).toBe(false);

    const retried = await withIdempotency(use().kysely, request, openStore(request.scope));
    expect(retried.ok).toBe(true);
    expect(retried.replayed).toBeUndefined();
    expect(await storesOpened(use(), request.scope)).toBe(1);
  });

  it('a thrown bug rolls back the work and the key, so even a different payload may use the key next', async () => {
    const request = newRequest({ qty: 1 });
    await expect(withIdempotency(use().kysely, request, openStore(request.scope, 'throw'))).rejects.toThrow(
      'bug in the use case',
    );
    expect(await storesOpened(use(), request.scope)).toBe(0);
    expect(await keyStored(use(), request.scope)).toBe(false);

    const next = await withIdempotency(use().kysely, { ...request, payload: { qty: 2 } }, openStore(request.scope));
    expect(next.ok).toBe(true);
    expect(await storesOpened(use(), request.scope)).toBe(1);
  });
});

describeOnPostgres('withIdempotency under concurrency', (use) => {
  it('30 concurrent calls with one key do the work once, and all 30 get the same answer', async () => {
    const request = newRequest({ qty: 3 });
    const slowWork = async (tx: Transaction<Database>) => {
      // Hold the key row a while so the other 29 really arrive while the first is in flight.
      await sql`select pg_sleep(0.05)`.execute(tx);
      return openStore(request.scope)(tx);
    };
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => withIdempotency(use().kysely, request, slowWork)),
    );
    expect(await storesOpened(use(), request.scope)).toBe(1);
    const withoutFlag = answers.map(({ replayed: _replayed, ...rest }) => rest);
    expect(withoutFlag[0]!.ok).toBe(true);
    for (const answer of withoutFlag) expect(answer).toEqual(withoutFlag[0]);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
  });

  it('concurrent calls with one key and different payloads: one does the work, the others conflict or replay', async () => {
    const request = newRequest({ qty: 1 });
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        withIdempotency(use().kysely, { ...request, payload: { qty: i % 2 } }, openStore(request.scope)),
      ),
    );
    expect(await storesOpened(use(), request.scope)).toBe(1);
    const keys = await use()
      .kysely.selectFrom('idempotency_keys')
      .select('key')
      .where('scope', '=', request.scope)
      .execute();
    expect(keys).toHaveLength(1);
    expect(answers.filter((a) => a.ok).length).toBe(5);
    expect(answers.filter((a) => !a.ok && a.error.code === 'IDEMPOTENCY_CONFLICT').length).toBe(5);
  });
});
