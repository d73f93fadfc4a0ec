/**
 * After the workload: let time, the timers and the outbox finish what was started (through the dev
 * routes, as an operator's clock would), then check that every acknowledged operation is durable.
 */
import { sql } from 'kysely';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kdb } from '../../cloudfunctions/core/db/db';
import { checkInvariants, type InvariantResult } from '../../cloudfunctions/core/ops/invariants';
import { createOwnDatabase, type OwnDatabase } from '../../test/support/postgres-database';
import { startGatewayProcess, type GatewayProcess } from './gateway-process';
import type { Acks, OpKind, Workload } from './workload';

const HOUR = 3_600_000;
/** Statuses an order reaches only by being paid. */
const PAID = new Set([
  'paid',
  'grouping',
  'shipped',
  'ready_for_pickup',
  'completed',
  'settled',
  'refunding',
  'refunded',
]);

async function post(gateway: GatewayProcess, path: string, body: unknown = {}): Promise<any> {
  const res = await fetch(`${gateway.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/** Runs a timer (each run takes a batch) until a run finds nothing to do. */
async function runDry(gateway: GatewayProcess, timer: string): Promise<void> {
  for (let run = 0; run < 500; run++) {
    const { data } = (await post(gateway, `/api/dev/run-timer/${timer}`)) as {
      data: { ran: boolean; result?: Record<string, number> };
    };
    if (data.ran && Object.values(data.result ?? {}).every((n) => !n)) return;
  }
}

/**
 * Moves the gateway's clock past every deadline and runs the timers and the outbox until no message
 * is pending and no approved refund is still open, at each of three moments: +2 days (unpaid orders
 * expire, group-buy windows close, refund checks come due), +10 days (shipped orders auto-confirm)
 * and +20 days (completed orders settle: points and referral rewards), or at `stages` given. The
 * clock is left at the last moment. Answers the rounds it took.
 */
async function drain(gateway: GatewayProcess, db: Kdb, stages = [2, 10, 20], maxRounds = 40): Promise<number> {
  let rounds = 0;
  for (const days of stages) {
    let at = Date.now() + days * 24 * HOUR;
    for (let settled = false; !settled; at += HOUR) {
      if (++rounds > maxRounds) {
        const { rows } = await sql<{
          topic: string;
          n: number;
        }>`select topic, count(*)::int as n from outbox where status = 'pending' group by topic`.execute(db);
        throw new Error(`the outbox did not drain in ${maxRounds} rounds; pending: ${JSON.stringify(rows)}`);
      }
      await post(gateway, '/api/dev/clock', { now: new Date(at).toISOString() });
      for (const timer of ['orderTimer', 'groupbuyTimer', 'outboxWorker']) await runDry(gateway, timer);
      // The local refund simulator answers with its callback just after the request returns.
      await sleep(300);
      await runDry(gateway, 'outboxWorker');
      const { rows } = await sql<{ outbox: number; refunds: number }>`
        select (select count(*)::int from outbox where status = 'pending') as outbox,
               (select count(*)::int from refunds where status in ('approved', 'processing')) as refunds`.execute(db);
      settled = rows[0]!.outbox === 0 && rows[0]!.refunds === 0;
    }
  }
  return rounds;
}

/** Every acknowledged operation, looked up in the database: answers what is missing. */
async function checkDurable(acks: Acks, db: Kdb): Promise<string[]> {
  const problems: string[] = [];
  const orderIds = [...acks.orders.keys()];
  const orders = new Map<string, string>();
  for (let i = 0; i < orderIds.length; i += 500) {
    const rows = await db
      .selectFrom('orders')
      .select(['id', 'status'])
      .where('id', 'in', orderIds.slice(i, i + 500))
      .execute();
    for (const r of rows) orders.set(r.id, r.status);
  }
  for (const order of acks.orders.values()) {
    const status = orders.get(order.orderId);
    if (!status) problems.push(`order ${order.orderId}: created (acknowledged) but missing`);
    else if (order.paid && !PAID.has(status))
      problems.push(`order ${order.orderId}: payment acknowledged but status ${status}`);
    else if (order.cancelled && status !== 'cancelled')
      problems.push(`order ${order.orderId}: cancel acknowledged but status ${status}`);
  }
  const transactions = [...acks.orders.values()].flatMap((o) => o.transactions);
  const recorded = new Set<string>();
  for (let i = 0; i < transactions.length; i += 500) {
    const rows = await db
      .selectFrom('payments')
      .select('transaction_id')
      .where('transaction_id', 'in', transactions.slice(i, i + 500))
      .execute();
    for (const r of rows) recorded.add(r.transaction_id);
  }
  for (const id of transactions)
    if (!recorded.has(id)) problems.push(`payment ${id}: callback acknowledged but no payment record`);
  for (const coupon of acks.coupons) {
    const row = await db
      .selectFrom('coupons')
      .innerJoin('members', 'members.id', 'coupons.member_id')
      .select('members.openid')
      .where('coupons.id', '=', coupon.couponId)
      .executeTakeFirst();
    if (row?.openid !== coupon.openid)
      problems.push(`coupon ${coupon.couponId}: claim acknowledged but ${row ? `held by ${row.openid}` : 'missing'}`);
  }
  for (const award of acks.awards) {
    const entry = await db
      .selectFrom('points_entries')
      .select('delta')
      .where('idempotency_key', '=', `award:demo:${award.receiptNo}`)
      .executeTakeFirst();
    const receipt = await db
      .selectFrom('counter_receipts')
      .select('points')
      .where('store_id', '=', 'demo')
      .where('receipt_no', '=', award.receiptNo)
      .executeTakeFirst();
    if (!receipt || receipt.points !== award.pointsAwarded)
      problems.push(
        `award ${award.receiptNo}: acknowledged ${award.pointsAwarded} points but receipt ${receipt ? receipt.points : 'missing'}`,
      );
    else if (award.pointsAwarded > 0 && entry?.delta !== award.pointsAwarded)
      problems.push(`award ${award.receiptNo}: no ledger entry of ${award.pointsAwarded}`);
  }
  for (const refund of acks.refunds) {
    const row = await db
      .selectFrom('refunds')
      .select(['status', 'order_id'])
      .where('id', '=', refund.refundId)
      .executeTakeFirst();
    if (!row || row.order_id !== refund.orderId)
      problems.push(`refund ${refund.refundId}: request acknowledged but missing`);
    else if (refund.approved && row.status !== 'succeeded')
      problems.push(`refund ${refund.refundId}: approval acknowledged but ${row.status} after the outbox drained`);
  }
  const adjustments = await db
    .selectFrom('sku_stock_adjustments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(adjustments.n) < acks.restocks)
    problems.push(`stock edits: ${acks.restocks} acknowledged, ${adjustments.n} recorded`);
  return problems;
}

/**
 * Retries after a crash carried the same key, so nothing may exist twice: never more rows than
 * calls attempted, and every counter award audited exactly once (same transaction).
 */
async function checkOnce(attempted: Record<OpKind, number>, db: Kdb): Promise<string[]> {
  const { rows } = await sql<{ orders: number; claims: number; receipts: number; audited: number }>`
    select (select count(*)::int from orders) as orders,
           (select count(*)::int from coupons where source = 'claim') as claims,
           (select count(*)::int from counter_receipts) as receipts,
           (select count(*)::int from audit_log where action = 'staff.awardPoints') as audited`.execute(db);
  const n = rows[0]!;
  const problems: string[] = [];
  const creates = attempted.create + attempted.groupbuy + attempted.redeem;
  if (n.orders > creates) problems.push(`${n.orders} orders from ${creates} order.create attempts`);
  if (n.claims > attempted.claim) problems.push(`${n.claims} claimed coupons from ${attempted.claim} claims`);
  if (n.receipts > attempted.award) problems.push(`${n.receipts} counter receipts from ${attempted.award} awards`);
  if (n.audited !== n.receipts) problems.push(`${n.receipts} counter receipts but ${n.audited} audit rows`);
  return problems;
}

/**
 * A fresh database of its own on the server at `adminUrl` and the real gateway process on it, for
 * the length of `body`; the child's last stderr is logged when the body throws; both are gone after.
 */
export async function withGatewayOnOwnDatabase<T>(
  adminUrl: string,
  prefix: string,
  log: (line: string) => void,
  body: (gateway: GatewayProcess, own: OwnDatabase) => Promise<T>,
): Promise<T> {
  const own = await createOwnDatabase(adminUrl, { prefix, poolSize: 3 });
  const gateway = await startGatewayProcess(own.url);
  try {
    return await body(gateway, own);
  } catch (error) {
    log(`gateway stderr:\n${gateway.stderrTail()}`);
    throw error;
  } finally {
    await gateway.stop();
    await own.drop();
  }
}

export interface Verdict {
  drainRounds: number;
  /** What the database holds at the end, by state: shows which paths the checks covered. */
  coverage: Record<string, number>;
  invariants: InvariantResult[];
  durability: string[];
  /** No invariant violated, nothing acknowledged missing, no 5xx answer. */
  passed: boolean;
}

/**
 * After a stopped workload: drain; then the store refunds some settled (and other paid) orders on its
 * own authority, reversing points and referral rewards, and that drains too; then durability and the
 * invariants.
 */
export async function finishAndCheck(gateway: GatewayProcess, db: Kdb, workload: Workload): Promise<Verdict> {
  let drainRounds = await drain(gateway, db);
  await workload.refundAfterSettlement(30);
  drainRounds += await drain(gateway, db, [21, 22]);
  await post(gateway, '/api/dev/clock', { now: null });
  const durability = [...(await checkDurable(workload.acks, db)), ...(await checkOnce(workload.stats.attempted, db))];
  const invariants = await checkInvariants(db);
  const coverage = await coverageOf(db);
  const passed =
    durability.length === 0 && invariants.every((r) => r.violations.length === 0) && workload.stats.errors.length === 0;
  return { drainRounds, coverage, invariants, durability, passed };
}

/** Row counts by state of what the invariants watch (orders, refunds, teams, referrals, ledger reasons). */
async function coverageOf(db: Kdb): Promise<Record<string, number>> {
  const { rows } = await sql<{ k: string; n: number }>`
    select 'orders ' || status as k, count(*)::int as n from orders group by status
    union all select 'refunds ' || status, count(*)::int from refunds group by status
    union all select 'teams ' || status, count(*)::int from groupbuy_teams group by status
    union all select 'referrals ' || status, count(*)::int from referrals group by status
    union all select 'points ' || reason, count(*)::int from points_entries group by reason
    union all select 'payments', count(*)::int from payments
    union all select 'stock edits', count(*)::int from sku_stock_adjustments
    order by 1`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.k, r.n]));
}
