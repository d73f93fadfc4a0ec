import '../plugins';
import type { CallContext } from '../context';
import { runBirthdayTimer } from '../coupon';
import { runOrderTimer } from '../order';
import { runGroupbuyTimer } from '../groupbuy';
import { runOutboxWorker } from '../outbox/outbox-worker';
// Registers every context's outbox subscribers before the worker can run.
import { runPointsTimer } from '../points';
import { runYearlyTierReview } from '../points';
// repurchase nudges
import { runNudgeTimer } from '../nudge';
import { runExportWorker } from '../export';

/**
 * A timer function: one trigger each, as WeChat allows. The cron goes into the function's
 * config.json for WeChat Cloud; the gateway runs the same cron itself when self-hosted or local.
 */
export interface TimerFunction {
  name: string;
  /** 7-field cron, Asia/Shanghai. */
  cron: string;
  run(ctx: CallContext): Promise<Record<string, number>>;
}

/** The registry: one entry per timer function. */
export const timers: TimerFunction[] = [
  { name: 'orderTimer', cron: '0 * * * * * *', run: runOrderTimer },
  { name: 'outboxWorker', cron: '30 * * * * * *', run: (ctx) => runOutboxWorker(ctx) },
  // Daily 00:10 Shanghai: expire points lots past the end of the year after they were earned.
  { name: 'pointsTimer', cron: '0 10 0 * * * *', run: runPointsTimer },
  // Jan 1st 03:00 Shanghai: the yearly tier review (the only downgrade).
  { name: 'tierReviewTimer', cron: '0 0 3 1 1 * *', run: runYearlyTierReview },
  // Daily 00:20 Shanghai: birthday coupons for members whose tier has the benefit, once a year.
  { name: 'birthdayTimer', cron: '0 20 0 * * * *', run: runBirthdayTimer },
  // Every minute: teams whose window closed unfilled fail (refunds) or succeed as virtual groups.
  { name: 'groupbuyTimer', cron: '15 * * * * * *', run: runGroupbuyTimer },
  // daily 10:00 Shanghai (outside the quiet hours): repurchase, win-back, expiry nudges.
  { name: 'nudgeTimer', cron: '0 0 10 * * * *', run: runNudgeTimer },
  // Every minute: build queued reports (manager.exportReport) and delete those past retention.
  { name: 'exportWorker', cron: '45 * * * * * *', run: (ctx) => runExportWorker(ctx) },
];

export function findTimer(name: string, registry: readonly TimerFunction[] = timers): TimerFunction | undefined {
  return registry.find((t) => t.name === name);
}
