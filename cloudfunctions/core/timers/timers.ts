import type { CallContext } from '../context';

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

/**
 * The registry. Empty until the order, group-buy, outbox, points and nudge issues add orderTimer,
 * groupbuyTimer, outboxWorker, pointsTimer and nudgeTimer; the machinery around it is live now.
 */
export const timers: TimerFunction[] = [];

export function findTimer(name: string, registry: readonly TimerFunction[] = timers): TimerFunction | undefined {
  return registry.find((t) => t.name === name);
}
