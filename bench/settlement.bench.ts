import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../cloudfunctions/core/db/db';
import { recordPayment } from '../cloudfunctions/core/payment/pay-callback';
import { requestHash } from '../cloudfunctions/core/idempotency/idempotency';
import { createLocalPlatform } from '../cloudfunctions/core/platform/local/local-platform';
import { callAction } from '../test/support/call';
import { createOwnDatabase } from '../test/support/postgres-database';

const SKU = 'sku-amino-acid-cleanser-1';
const ADDRESS = {
  name: '压测',
  phone: '13800138000',
  province: '上海市',
  city: '上海市',
  district: '浦东新区',
  detail: '世纪大道 1 号',
};

export interface RunStats {
  count: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Runs `total` jobs over `concurrency` workers (bounded), timing each; `latencies` unsorted. */
async function driveRaw(
  total: number,
  concurrency: number,
  job: (i: number, worker: number) => Promise<void>,
): Promise<{ seconds: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await job(i, worker);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latencies };
}

function statsOf(runs: Array<{ seconds: number; latencies: number[] }>): RunStats {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  return {
    count: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

/** Runs `total` jobs over `concurrency` workers (bounded), timing each. */
async function drive(
  total: number,
  concurrency: number,
  job: (i: number, worker: number) => Promise<void>,
): Promise<RunStats> {
  return statsOf([await driveRaw(total, concurrency, job)]);
}

const fmt = (s: RunStats) =>
  `${s.count} orders in ${s.seconds.toFixed(2)} s = ${s.perSecond.toFixed(0)} orders/s, p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms`;

async function ensureMembers(db: Db, openids: string[]) {
  for (let i = 0; i < openids.length; i += 20) {
    await Promise.all(openids.slice(i, i + 20).map((openid) => callAction(db, 'member.me', {}, { openid })));
  }
}

/** One order through the real services: order.create (dispatcher, idempotency, pricing, stock) + payCallback. */
async function serviceOrder(db: Db, openid: string, platform: ReturnType<typeof createLocalPlatform>): Promise<void> {
  const now = new Date();
  const created = await callAction(
    db,
    'order.create',
    { items: [{ skuId: SKU, qty: 1 }], delivery: { type: 'express', address: ADDRESS } },
    { openid, now, idempotencyKey: `bench-${randomUUID()}`, platform },
  );
  if (!created.ok) throw new Error(`order.create failed: ${created.error.code}`);
  const answer = await recordPayment(
    db,
    {
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      outTradeNo: created.data.orderNo,
      transactionId: `42000${randomUUID().replace(/-/g, '').slice(0, 24)}`,
      totalFee: created.data.payableFen,
    },
    now,
  );
  if (answer.errmsg !== 'ok') throw new Error(`payCallback: ${answer.errmsg}`);
}

/**
 * The floor: the same rows written per order by hand-written SQL over node-postgres (one transaction
 * for the order like order.create, one for the payment like payCallback), no reads, no validation.
 */
async function rawOrder(pool: pg.Pool, memberId: string, seq: number): Promise<void> {
  const client = await pool.connect();
  try {
    const now = new Date();
    const orderId = `o_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
    const orderNo = `B${Date.now()}${String(seq).padStart(8, '0')}`.slice(0, 32);
    const key = `bench-${randomUUID()}`;
    const scope = `demo:${memberId}:order.create`;
    await client.query('begin');
    await client.query(
      'insert into idempotency_keys (scope, key, request_hash, response) values ($1, $2, $3, null) on conflict do nothing',
      [scope, key, requestHash({ seq })],
    );
    const stock = await client.query('update skus set stock = stock - 1 where id = $1 and stock >= 1 and active', [
      SKU,
    ]);
    if (stock.rowCount !== 1) throw new Error('raw: out of stock');
    await client.query(
      `insert into orders (id, order_no, store_id, member_id, status, delivery_type, address, remark, subtotal_fen, member_discount_fen,
         coupon_discount_fen, points_discount_fen, shipping_fen, payable_fen, points_used, expires_at, created_at)
       values ($1, $2, 'demo', $3, 'pending_payment', 'express', $4, '', 8900, 0, 0, 0, 1000, 9900, 0, $5, $6)`,
      [orderId, orderNo, memberId, JSON.stringify(ADDRESS), new Date(now.getTime() + 30 * 60_000), now],
    );
    await client.query(
      `insert into order_lines (id, order_id, sku_id, product_id, title, specs_text, image, qty, unit_price_fen, member_price_fen,
         coupon_share_fen, points_share_fen, payable_fen, sort)
       values ($1, $2, $3, 'p-amino-acid-cleanser', '氨基酸洁面', '容量:120g', '', 1, 8900, 8900, 0, 0, 8900, 0)`,
      [`${orderId}_1`, orderId, SKU],
    );
    await client.query('update idempotency_keys set response = $3 where scope = $1 and key = $2', [
      scope,
      key,
      JSON.stringify({ ok: true, data: { orderId } }),
    ]);
    await client.query('commit');

    const transactionId = `42000${randomUUID().replace(/-/g, '').slice(0, 24)}`;
    await client.query('begin');
    const paid = await client.query(
      `insert into payments (transaction_id, order_id, amount_fen, paid_at, raw) values ($1, $2, 9900, $3, $4)
       on conflict (transaction_id) do nothing returning transaction_id`,
      [transactionId, orderId, now, JSON.stringify({ transactionId })],
    );
    if (paid.rowCount === 1) {
      await client.query(
        `update orders set status = 'paid', paid_at = $2, transaction_id = $3 where id = $1 and status = 'pending_payment'`,
        [orderId, now, transactionId],
      );
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Rounds the measured orders are split into, alternating services and raw SQL. */
const ROUNDS = 10;

export async function settlementThroughput(adminUrl: string, options: { orders?: number; clients?: number } = {}) {
  const orders = options.orders ?? 1000;
  const clients = options.clients ?? 20;
  const { db, url, drop } = await createOwnDatabase(adminUrl, { poolSize: clients, prefix: 'storefront_bench' });
  const pool = new pg.Pool({ connectionString: url, max: clients });
  // A failed run drops its database with (force) while the floor's idle sockets are open: log, don't crash.
  pool.on('error', (error) => console.warn(`[bench] raw pool: ${error.message}`));
  try {
    await db.kysely.updateTable('skus').set({ stock: 1_000_000 }).where('id', '=', SKU).execute();
    const openids = Array.from({ length: clients }, (_, i) => `bench-client-${i}`);
    await ensureMembers(db, openids);
    const member = await db.kysely
      .selectFrom('members')
      .select('id')
      .where('openid', '=', openids[0]!)
      .executeTakeFirstOrThrow();
    const platform = createLocalPlatform({ devAuth: true, db, now: () => new Date() });

    // Warm both paths (connections, prepared plans, JIT of our own code).
    await drive(Math.min(100, orders), clients, (_, w) => serviceOrder(db, openids[w]!, platform));
    await drive(Math.min(100, orders), clients, (i) => rawOrder(pool, member.id, 1_000_000 + i));

    // Interleaved rounds, the side that goes first alternating: on a machine shared with other work,
    // load that comes and goes during the run falls on both sides alike instead of on one.
    const serviceRuns: Array<{ seconds: number; latencies: number[] }> = [];
    const rawRuns: Array<{ seconds: number; latencies: number[] }> = [];
    const rounds = Math.max(1, Math.min(ROUNDS, Math.floor(orders / clients)));
    for (let round = 0, done = 0; round < rounds; round++) {
      const size = Math.floor((orders * (round + 1)) / rounds) - done;
      const first = done;
      done += size;
      const runService = async () =>
        serviceRuns.push(await driveRaw(size, clients, (_, w) => serviceOrder(db, openids[w]!, platform)));
      const runRaw = async () =>
        rawRuns.push(await driveRaw(size, clients, (i) => rawOrder(pool, member.id, first + i)));
      if (round % 2 === 0) {
        await runService();
        await runRaw();
      } else {
        await runRaw();
        await runService();
      }
    }
    const service = statsOf(serviceRuns);
    const raw = statsOf(rawRuns);

    const paid = await db.kysely
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'paid')
      .executeTakeFirstOrThrow();
    const expectedPaid = 2 * (orders + Math.min(100, orders));
    if (Number(paid.n) !== expectedPaid) throw new Error(`expected ${expectedPaid} paid orders, found ${paid.n}`);
    return { service, raw, ratio: service.perSecond / raw.perSecond, p99Ratio: service.p99 / raw.p99 };
  } finally {
    await pool.end();
    await drop();
  }
}

export async function flashSale(
  adminUrl: string,
  options: { attempts?: number; concurrency?: number; stock?: number } = {},
) {
  const attempts = options.attempts ?? 2000;
  const concurrency = options.concurrency ?? 50;
  const stock = options.stock ?? 100;
  const sku = 'sku-retinol-night-serum-2';
  const { db, drop } = await createOwnDatabase(adminUrl, { poolSize: 20, prefix: 'storefront_bench' });
  try {
    await db.kysely.updateTable('skus').set({ stock }).where('id', '=', sku).execute();
    const openids = Array.from({ length: 200 }, (_, i) => `flash-${i}`);
    await ensureMembers(db, openids);
    const platform = createLocalPlatform({ devAuth: true, db, now: () => new Date() });
    let successes = 0;
    let soldOut = 0;
    const other: Record<string, number> = {};
    const stats = await drive(attempts, concurrency, async (i) => {
      const result = await callAction(
        db,
        'order.create',
        { items: [{ skuId: sku, qty: 1 }], delivery: { type: 'pickup' } },
        { openid: openids[i % openids.length]!, idempotencyKey: `flash-${randomUUID()}`, platform },
      );
      if (result.ok) successes++;
      else if (result.error.code === 'INSUFFICIENT_STOCK') soldOut++;
      else other[result.error.code] = (other[result.error.code] ?? 0) + 1;
    });
    const finalStock = (
      await db.kysely.selectFrom('skus').select('stock').where('id', '=', sku).executeTakeFirstOrThrow()
    ).stock;
    const sold = await db.kysely
      .selectFrom('order_lines')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('qty'), eb.lit(0)).as('n'))
      .where('sku_id', '=', sku)
      .executeTakeFirstOrThrow();
    const oversell = Math.max(0, Number(sold.n) - stock);
    return {
      stats,
      successes,
      soldOut,
      other,
      finalStock,
      sold: Number(sold.n),
      oversell,
      stock,
      attempts,
      concurrency,
    };
  } finally {
    await drop();
  }
}

export { fmt };
