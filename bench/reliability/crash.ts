/**
 * The crash test: the mixed workload against the real gateway process on a fresh Postgres
 * database, SIGKILLed at random moments and restarted; then timers and the outbox finish, and the
 * invariants and "acknowledged means durable" are checked.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { finishAndCheck, withGatewayOnOwnDatabase, type Verdict } from './verify';
import { Workload, type WorkloadStats } from './workload';

export interface CrashReport extends Verdict {
  kills: number;
  seconds: number;
  /** Milliseconds from each SIGKILL to the restarted gateway answering /healthz. */
  downtimesMs: number[];
  stats: WorkloadStats;
  acked: {
    orders: number;
    paid: number;
    cancelled: number;
    coupons: number;
    awards: number;
    refunds: number;
    restocks: number;
    invites: number;
    shipped: number;
  };
}

export interface CrashOptions {
  kills: number;
  clients?: number;
  /** Random gap between kills, ms. */
  gapMs?: [number, number];
  log?: (line: string) => void;
}

export async function runCrashTest(adminUrl: string, options: CrashOptions): Promise<CrashReport> {
  const log = options.log ?? (() => undefined);
  const [minGap, maxGap] = options.gapMs ?? [1_500, 4_000];
  return withGatewayOnOwnDatabase(adminUrl, 'storefront_crash', log, async (gateway, own) => {
    const started = Date.now();
    const workload = new Workload(gateway);
    await workload.prepare();
    workload.start(options.clients ?? 8);
    const downtimesMs: number[] = [];
    for (let kill = 1; kill <= options.kills; kill++) {
      await sleep(minGap + Math.random() * (maxGap - minGap));
      const before = workload.stats.completed;
      const killedAt = Date.now();
      await gateway.kill();
      await gateway.restart();
      downtimesMs.push(Date.now() - killedAt);
      log(
        `kill ${kill}/${options.kills}: SIGKILL after ${before} operations, back in ${downtimesMs.at(-1)} ms (pid ${gateway.pid()})`,
      );
    }
    await sleep(minGap);
    await workload.stop();
    const verdict = await finishAndCheck(gateway, own.db.kysely, workload);
    const orders = [...workload.acks.orders.values()];
    return {
      ...verdict,
      kills: options.kills,
      seconds: (Date.now() - started) / 1000,
      downtimesMs,
      stats: workload.stats,
      acked: {
        orders: orders.length,
        paid: orders.filter((o) => o.paid).length,
        cancelled: orders.filter((o) => o.cancelled).length,
        coupons: workload.acks.coupons.length,
        awards: workload.acks.awards.length,
        refunds: workload.acks.refunds.filter((r) => r.approved).length,
        restocks: workload.acks.restocks,
        invites: workload.acks.invites,
        shipped: workload.stats.acknowledged.ship,
      },
    };
  });
}
