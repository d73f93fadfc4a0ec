import { afterAll, beforeAll, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import { describeOnPostgres } from '../../support/databases';
import { openDb, type Db } from '../../../cloudfunctions/core/db/db';

const MINUTE = 60_000;

/** A promise and the function that settles it: holds a run open until the test lets it finish. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { opened, open };
}

function leaseOf(db: Db, timer: string) {
  return db.kysely.selectFrom('timer_leases').selectAll().where('timer', '=', timer).executeTakeFirst();
}

/** A lease row as a holder that is no longer running would have left it. */
async function leftBehind(db: Db, timer: string, q: { expiresInSeconds: number; holderPid: number | null }) {
  await sql`insert into timer_leases (timer, holder, holder_pid, expires_at)
            values (${timer}, 'gone', ${q.holderPid}, now() + make_interval(secs => ${q.expiresInSeconds}))`.execute(
    db.kysely,
  );
}

describeOnPostgres('timer leases across instances', (use, url) => {
  // Two instances of one function, as two replicas or two WeChat instances would be: pools of their own.
  let a: Db;
  let b: Db;
  beforeAll(async () => {
    a = await openDb({ databaseUrl: url(), poolSize: 2 });
    b = await openDb({ databaseUrl: url(), poolSize: 2 });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('a live lease stops a second run elsewhere; released at the end, the next run takes it', async () => {
    const held = gate();
    const started = gate();
    const first = a.withTimerLease('leaseProbe', MINUTE, async () => {
      started.open();
      await held.opened;
      return 'first';
    });
    await started.opened;
    expect(await b.withTimerLease('leaseProbe', MINUTE, async () => 'second')).toEqual({ ran: false });
    expect(await a.withTimerLease('leaseProbe', MINUTE, async () => 'same instance')).toEqual({ ran: false });
    held.open();
    expect(await first).toEqual({ ran: true, value: 'first' });
    expect(await leaseOf(use(), 'leaseProbe')).toBeUndefined();
    expect(await b.withTimerLease('leaseProbe', MINUTE, async () => 'next')).toEqual({ ran: true, value: 'next' });
  });

  it('a run that throws releases its lease', async () => {
    await expect(
      a.withTimerLease('throwingProbe', MINUTE, async () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    expect(await leaseOf(use(), 'throwingProbe')).toBeUndefined();
    expect(await b.withTimerLease('throwingProbe', MINUTE, async () => 1)).toEqual({ ran: true, value: 1 });
  });

  it('an expired lease of a holder that froze (its connection still open) does not stop the next run; an unexpired one does', async () => {
    const frozen = new pg.Client({ connectionString: url() });
    await frozen.connect();
    try {
      const { rows } = await frozen.query<{ pid: number }>('select pg_backend_pid() as pid');
      await leftBehind(use(), 'frozenProbe', { expiresInSeconds: 60, holderPid: rows[0]!.pid });
      expect(await b.withTimerLease('frozenProbe', MINUTE, async () => 'too early')).toEqual({ ran: false });
      await sql`update timer_leases set expires_at = now() - interval '1 second' where timer = 'frozenProbe'`.execute(
        use().kysely,
      );
      expect(await b.withTimerLease('frozenProbe', MINUTE, async () => 'taken over')).toEqual({
        ran: true,
        value: 'taken over',
      });
    } finally {
      await frozen.end();
    }
  });

  it("a lease whose holder's connection is gone (process killed) is taken over at once, long before it expires", async () => {
    const held = gate();
    const started = gate();
    const first = a.withTimerLease('killedProbe', 10 * MINUTE, async () => {
      started.open();
      await held.opened;
      return 'outlived its connection';
    });
    await started.opened;
    const lease = (await leaseOf(use(), 'killedProbe'))!;
    expect(lease.expires_at.getTime()).toBeGreaterThan(Date.now() + 9 * MINUTE);
    await sql`select pg_terminate_backend(${lease.holder_pid}::int)`.execute(use().kysely);
    // The backend exits just after the signal: wait until the server no longer lists it.
    for (let i = 0; i < 50; i++) {
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::int as n from pg_stat_activity where pid = ${lease.holder_pid}::int`.execute(use().kysely);
      if (Number(rows[0]!.n) === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await b.withTimerLease('killedProbe', MINUTE, async () => 'next run')).toEqual({
      ran: true,
      value: 'next run',
    });
    // The first run finishes; its release finds another holder's lease and leaves it alone.
    held.open();
    expect(await first).toEqual({ ran: true, value: 'outlived its connection' });
    expect(await a.withTimerLease('otherProbe', MINUTE, async () => 'pool still usable')).toEqual({
      ran: true,
      value: 'pool still usable',
    });
  });

  it('a lease row without a holder connection (left by a killed holder before it expired) waits for its expiry', async () => {
    await leftBehind(use(), 'orphanProbe', { expiresInSeconds: -1, holderPid: null });
    expect(await b.withTimerLease('orphanProbe', MINUTE, async () => 'ran')).toEqual({ ran: true, value: 'ran' });
  });

  it('sessions carry the server-side limits a frozen client needs', async () => {
    const { rows } = await sql<{ statement: string; idle: string }>`
      select current_setting('statement_timeout') as statement, current_setting('idle_in_transaction_session_timeout') as idle`.execute(
      a.kysely,
    );
    expect(rows[0]).toEqual({ statement: '30s', idle: '1min' });
  });

  it('a transaction left idle by a frozen client is ended by the server, freeing its row locks', async () => {
    const client = new pg.Client({ connectionString: url(), options: '-c idle_in_transaction_session_timeout=300' });
    client.on('error', () => undefined);
    await client.connect();
    await client.query('begin');
    await client.query(`select * from timer_leases for update`);
    await client.query(
      `insert into timer_leases (timer, holder, expires_at) values ('idleTxProbe', 'frozen', now() + interval '1 hour')`,
    );
    await new Promise((r) => setTimeout(r, 1_000));
    await expect(client.query('commit')).rejects.toThrow();
    await client.end().catch(() => undefined);
    expect(await leaseOf(use(), 'idleTxProbe')).toBeUndefined();
  });
});
