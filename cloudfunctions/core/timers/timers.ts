import type { CallContext } from '../context';
import { runOrderTimer } from '../order/lifecycle.service';
import { runOutboxWorker } from '../outbox/outbox-worker';

/**
 * A timer function: one trigger each, as WeChat allows. The cron goes into the function's
 * config.json for WeChat Cloud; the gateway runs the same cron itself when self-hosted or local.
 */
export interface TimerFunction {
  name: string;
  /** 7-field cron, Asia/Shanghai. */
  cron: string;
  /** Stable advisory-lock key, so two replicas never run one timer at once. */
  lockKey: number;
  run(ctx: CallContext): Promise<Record<string, number>>;
}

/** The registry; groupbuyTimer, pointsTimer and nudgeTimer arrive with their issues. */
export const timers: TimerFunction[] = [
  { name: 'orderTimer', cron: '0 * * * * * *', lockKey: 8_101, run: runOrderTimer },
  { name: 'outboxWorker', cron: '30 * * * * * *', lockKey: 8_102, run: (ctx) => runOutboxWorker(ctx) },
];

export function findTimer(name: string, registry: readonly TimerFunction[] = timers): TimerFunction | undefined {
  return registry.find((t) => t.name === name);
}
