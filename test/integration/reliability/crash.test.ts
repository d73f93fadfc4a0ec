import { describe, expect, it } from 'vitest';
import { runCrashTest } from '../../../bench/reliability/crash';
import { verdictLines, workloadLines } from '../../../bench/reliability/report';
import { hasPostgres } from '../../support/databases';

/**
 * The crash test's short form: the real gateway process on a fresh Postgres database,
 * SIGKILLed 3 times at random moments under the mixed workload, then drained and checked. Postgres
 * only: the gateway's concurrent clients need a server (`npm run bench -- crash` runs more kills).
 */
const suite = hasPostgres ? describe : describe.skip;

suite('crash test: SIGKILL the gateway under a mixed workload [postgres]', () => {
  it('after 3 kills every invariant holds and every acknowledged operation is durable', async () => {
    const report = await runCrashTest(process.env.DATABASE_URL!, { kills: 3 });
    const lines = [
      `${report.kills} kills, back up after ${report.downtimesMs.join(' / ')} ms, drained in ${report.drainRounds} rounds`,
      `acknowledged: ${JSON.stringify(report.acked)}`,
      ...workloadLines(report.stats),
      ...verdictLines(report.invariants, report.durability, report.coverage),
    ];
    console.log(lines.join('\n'));
    expect(report.downtimesMs).toHaveLength(3);
    // Kills land mid-request: clients saw connections drop and retried with the same keys.
    expect(report.stats.interrupted).toBeGreaterThan(0);
    expect(report.acked.orders).toBeGreaterThan(20);
    expect(report.acked.paid).toBeGreaterThan(10);
    expect(report.stats.lost).toBe(0);
    expect(report.stats.errors).toEqual([]);
    expect(report.durability).toEqual([]);
    expect(report.invariants.filter((r) => r.violations.length > 0)).toEqual([]);
  }, 240_000);
});
