/**
 * `npm run bench -- crash | soak | reliability`, on DATABASE_URL:
 * - crash [--kills N]: the crash test (default 8 kills);
 * - soak [--seconds N]: the soak (default 600 s);
 * - reliability [--kills N] [--seconds N]: both in full, then their invariants.
 * Each prints its figures and answers whether everything held.
 */
import { runCrashTest } from './crash';
import { verdictLines, workloadLines } from './report';
import { MAX_MEMORY_GROWTH, runSoak } from './soak';

export interface ReliabilityArgs {
  kills?: number;
  seconds?: number;
}

/** `--kills N` / `--seconds N` from the command line. */
export function parseReliabilityArgs(argv: readonly string[]): ReliabilityArgs {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    if (at < 0) return undefined;
    const n = Number(argv[at + 1]);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} needs a positive integer`);
    return n;
  };
  return { kills: value('--kills'), seconds: value('--seconds') };
}

export async function runCrashReport(url: string, kills: number): Promise<boolean> {
  console.log(`[bench] crash test: mixed workload, 8 clients, ${kills} SIGKILLs of the gateway at random moments`);
  const r = await runCrashTest(url, { kills, log: (line) => console.log(`  ${line}`) });
  console.log(
    `  ${r.kills} kills in ${r.seconds.toFixed(1)} s, back up after ${r.downtimesMs.join(' / ')} ms; timers and outbox drained in ${r.drainRounds} rounds`,
  );
  console.log(
    `  acknowledged: ${Object.entries(r.acked)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
  for (const line of [...workloadLines(r.stats), ...verdictLines(r.invariants, r.durability, r.coverage)])
    console.log(`  ${line}`);
  console.log(`  crash test: ${r.passed ? 'PASS' : 'FAIL'}`);
  return r.passed;
}

export async function runSoakReport(url: string, seconds: number): Promise<boolean> {
  console.log(`[bench] soak: mixed workload, 8 clients, ${seconds} s against one gateway process`);
  const r = await runSoak(url, { seconds, log: console.log });
  const rates = r.intervals.map((i) => i.opsPerSecond);
  const mean = rates.reduce((sum, n) => sum + n, 0) / Math.max(1, rates.length);
  console.log(
    `  throughput: ${mean.toFixed(1)} ops/s on average (intervals from ${Math.min(...rates).toFixed(1)} to ${Math.max(...rates).toFixed(1)})`,
  );
  console.log(
    `  gateway RSS after a ${r.warmupSeconds} s warm-up ${r.memory.startMb.toFixed(0)} MB, at the end ${r.memory.endMb.toFixed(0)} MB: ${(r.memory.growth * 100).toFixed(1)}% (limit ${MAX_MEMORY_GROWTH * 100}%)${r.memory.growth > MAX_MEMORY_GROWTH ? '  MEMORY GROWTH OVER LIMIT' : ''}`,
  );
  for (const line of [...workloadLines(r.stats), ...verdictLines(r.invariants, r.durability, r.coverage)])
    console.log(`  ${line}`);
  console.log(`  soak: ${r.passed ? 'PASS' : 'FAIL'}`);
  return r.passed;
}
