/**
 * The soak: the crash test's workload against one gateway process for a long while, no
 * kills. Prints throughput and latency per interval; compares the gateway's memory after a warm-up
 * with its memory at the end; then drains and checks the invariants and durability.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { percentile } from './report';
import { finishAndCheck, withGatewayOnOwnDatabase, type Verdict } from './verify';
import { Workload, type WorkloadStats } from './workload';

/** Allowed growth of the gateway's resident memory from after the warm-up to the end. */
export const MAX_MEMORY_GROWTH = 0.2;

export interface SoakReport extends Verdict {
  seconds: number;
  warmupSeconds: number;
  intervals: Array<{ at: number; opsPerSecond: number; p50: number; p99: number; rssMb: number }>;
  memory: { startMb: number; endMb: number; growth: number };
  stats: WorkloadStats;
}

const median = (values: number[]) => percentile(values, 50);
const mb = (bytes: number) => bytes / 1024 / 1024;

export async function runSoak(
  adminUrl: string,
  options: { seconds: number; clients?: number; log?: (line: string) => void },
): Promise<SoakReport> {
  const log = options.log ?? (() => undefined);
  const seconds = options.seconds;
  // Heap and JIT settle in the first minute; on a short run the first fifth is warm-up.
  const warmupSeconds = Math.min(60, Math.round(seconds * 0.2));
  const window = Math.max(5, Math.round(seconds * 0.1));
  const intervalSeconds = seconds >= 300 ? 30 : 10;
  return withGatewayOnOwnDatabase(adminUrl, 'storefront_soak', log, async (gateway, own) => {
    const workload = new Workload(gateway);
    await workload.prepare();
    const started = Date.now();
    workload.start(options.clients ?? 8);
    const rss: Array<{ at: number; bytes: number }> = [];
    const intervals: SoakReport['intervals'] = [];
    let lastCompleted = 0;
    let lastLatency = 0;
    for (let second = 1; second <= seconds; second++) {
      await sleep(started + second * 1000 - Date.now());
      rss.push({ at: second, bytes: gateway.rssBytes() });
      if (second % intervalSeconds === 0 || second === seconds) {
        const span = second - (intervals.at(-1)?.at ?? 0);
        const latencies = workload.stats.latencies.slice(lastLatency);
        const row = {
          at: second,
          opsPerSecond: (workload.stats.completed - lastCompleted) / span,
          p50: percentile(latencies, 50),
          p99: percentile(latencies, 99),
          rssMb: mb(rss.at(-1)!.bytes),
        };
        intervals.push(row);
        log(
          `  ${String(second).padStart(5)} s  ${row.opsPerSecond.toFixed(1).padStart(6)} ops/s  p50 ${row.p50.toFixed(0).padStart(4)} ms  p99 ${row.p99.toFixed(0).padStart(5)} ms  rss ${row.rssMb.toFixed(0)} MB`,
        );
        lastCompleted = workload.stats.completed;
        lastLatency = workload.stats.latencies.length;
      }
    }
    await workload.stop();
    const startMb = mb(
      median(rss.filter((r) => r.at > warmupSeconds && r.at <= warmupSeconds + window).map((r) => r.bytes)),
    );
    const endMb = mb(median(rss.slice(-window).map((r) => r.bytes)));
    const growth = (endMb - startMb) / startMb;
    const verdict = await finishAndCheck(gateway, own.db.kysely, workload);
    const passed = verdict.passed && growth <= MAX_MEMORY_GROWTH;
    return {
      ...verdict,
      passed,
      seconds,
      warmupSeconds,
      intervals,
      memory: { startMb, endMb, growth },
      stats: workload.stats,
    };
  });
}
