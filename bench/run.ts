/**
 * `npm run bench`: the order/payment money path on a real Postgres server (DATABASE_URL).
 * 1. Settlement throughput: order.create + payCallback through the real services, 20 concurrent
 *    clients, next to a hand-written SQL floor doing the same rows' writes, in alternating rounds; prints
 *    the throughput ratio (goal >= 0.7) and the p99 ratio (goal <= 2); `npm run bench -- settlement` runs only this.
 * 2. Flash sale: 2,000 attempts at concurrency 50 for a SKU with stock 100: exactly 100 sold, no oversell.
 * 3. Nudge timer: one daily run at 10k and 100k members (`npm run bench -- nudge` runs only this).
 * 4. Export: 100k orders as streamed CSV and XLSX next to an all-in-memory baseline, time and peak RSS
 *    (`npm run bench -- export` runs only this).
 * `npm run bench -- soak [--seconds N]`, `-- crash [--kills N]`, `-- reliability` (the
 * bad-input suite at 1,000 cases per action, then the crash test and the soak in full): see
 * bench/reliability/reliability-report.ts; not part of the default run.
 * Each part creates (and drops) a database of its own. Bounded; stops by itself.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { flashSale, fmt, settlementThroughput } from './settlement.bench';
import { runNudgeBench } from './nudge-report';
import { runExportBench } from './export.bench';
import { parseReliabilityArgs, runCrashReport, runSoakReport } from './reliability/reliability-report';

/**
 * The bad-input suite (test/integration/faults) in its full form: `cases` generated inputs per action
 * instead of CI's 200, on PGlite and on the Postgres server. Prints the suite's own per-action table.
 */
function runBadInputSuite(url: string, cases: number): boolean {
  console.log(`[bench] bad-input suite, full form: ${cases} cases per action, PGlite and Postgres`);
  const run = spawnSync(resolve(__dirname, '../node_modules/.bin/vitest'), ['run', 'test/integration/faults/'], {
    cwd: resolve(__dirname, '..'),
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: url, BAD_INPUT_CASES: String(cases) },
  });
  return run.status === 0;
}

/** The settlement goals: throughput at least this share of the raw floor's, p99 at most this multiple of its p99. */
const SETTLEMENT_GOAL = { ratio: 0.7, p99Ratio: 2 };

/** Settlement throughput next to the raw SQL floor; false when a goal is missed. */
async function runSettlement(url: string, orders: number): Promise<boolean> {
  console.log(`[bench] settlement throughput: ${orders} orders, 20 concurrent clients (create + pay callback)`);
  const s = await settlementThroughput(url, { orders, clients: 20 });
  const met = s.ratio >= SETTLEMENT_GOAL.ratio && s.p99Ratio <= SETTLEMENT_GOAL.p99Ratio;
  console.log(`  services (callAction + recordPayment): ${fmt(s.service)}`);
  console.log(`  raw SQL floor (node-postgres, same writes): ${fmt(s.raw)}`);
  console.log(
    `  ratio services / raw: ${s.ratio.toFixed(2)} (goal >= ${SETTLEMENT_GOAL.ratio}), p99 services / raw: ${s.p99Ratio.toFixed(2)} (goal <= ${SETTLEMENT_GOAL.p99Ratio})${met ? '' : '  BELOW GOAL'}`,
  );
  return met;
}

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log('[bench] DATABASE_URL is not set: the benchmarks need a Postgres server; nothing to run.');
    console.log('[bench] e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench');
    return 0;
  }
  const orders = Number(process.env.BENCH_ORDERS ?? 1000);
  let failed = false;
  // `npm run bench -- nudge` runs only the nudge scenario.
  const only = process.argv[2];
  if (only === 'nudge') return (await runNudgeBench(url)) ? 0 : 1;
  if (only === 'settlement') return (await runSettlement(url, orders)) ? 0 : 1;
  if (only === 'export') return (await runExportBench(url, Number(process.env.BENCH_EXPORT_ORDERS ?? 100_000))) ? 0 : 1;
  // reliability (crash test, soak)
  const reliability = parseReliabilityArgs(process.argv.slice(3));
  if (only === 'crash') return (await runCrashReport(url, reliability.kills ?? 8)) ? 0 : 1;
  if (only === 'soak') return (await runSoakReport(url, reliability.seconds ?? 600)) ? 0 : 1;
  if (only === 'reliability') {
    const badInput = runBadInputSuite(url, Number(process.env.BAD_INPUT_CASES ?? 1000));
    const crashed = await runCrashReport(url, reliability.kills ?? 10);
    const soaked = await runSoakReport(url, reliability.seconds ?? 600);
    return badInput && crashed && soaked ? 0 : 1;
  }

  if (!(await runSettlement(url, orders))) failed = true;

  console.log('[bench] flash sale: 2000 attempts, concurrency 50, stock 100');
  const f = await flashSale(url, { attempts: 2000, concurrency: 50, stock: 100 });
  console.log(
    `  time ${f.stats.seconds.toFixed(2)} s (${f.stats.perSecond.toFixed(0)} attempts/s, p50 ${f.stats.p50.toFixed(1)} ms, p99 ${f.stats.p99.toFixed(1)} ms)`,
  );
  console.log(
    `  successes: ${f.successes} (expected ${f.stock}), sold out answers: ${f.soldOut}${Object.keys(f.other).length ? `, other: ${JSON.stringify(f.other)}` : ''}`,
  );
  console.log(`  final stock: ${f.finalStock}`);
  console.log(`  oversell: ${f.oversell}`);
  if (f.successes !== f.stock || f.finalStock !== 0 || f.oversell !== 0 || Object.keys(f.other).length > 0) {
    console.log('  FLASH SALE INVARIANT BROKEN');
    failed = true;
  }
  if (!(await runNudgeBench(url))) failed = true;
  if (!(await runExportBench(url))) failed = true;
  return failed ? 1 : 0;
}

main()
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
